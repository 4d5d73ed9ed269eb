import fc from 'fast-check';
import type { CaseState } from './case-state';
import {
  CLOSE_OUTCOMES,
  CONCORDANCES,
  CONSENT_SCOPES,
  DECISIONS,
  DOCUMENT_KINDS,
  OPENING_REASONS,
  PROVIDER_SOURCES,
  URGENCIES,
} from './codes';
import type { CaseCommand } from './commands/case-command';
import { CASE_COMMAND_NAMES } from './commands/case-command';
import { decide } from './decide';
import type { RecordedCaseEvent } from './events/case-event';
import { evolve, foldCase } from './evolve';
import { nextSteps } from './next-steps';
import { PHASES, phaseOf } from './phase';
import { REFUSAL_CODES } from './refusal';
import { RISK_FLAGS, riskFlags } from './risk-flags';
import { sequentialIds, T0 } from './testing/case-fixtures';

// Ids minted by decide are id-1, id-2...; commands that refer to an id pick from the same
// small pool so that some refer to things that exist and some do not.
const anId = fc.integer({ min: 1, max: 10 }).map((n) => `id-${n}`);
const text = fc.constantFrom('Some words', ' ', 'Another note');
const day = fc.constantFrom('2026-01-15', '2026-02-27', '2026-03-01', '2026-12-31', 'not-a-date');

const commandArb: fc.Arbitrary<CaseCommand> = fc.oneof(
  fc.record({
    type: fc.constant('open-case' as const),
    patientId: fc.constant('p-1'),
    reasons: fc.subarray([...OPENING_REASONS]),
    urgency: fc.constantFrom(...URGENCIES),
    specialty: fc.constant('cardiology'),
  }),
  fc.record({ type: fc.constant('add-note' as const), text }),
  fc.record({ type: fc.constant('assign-advocate' as const), advocateId: fc.constantFrom('a-1', 'a-2') }),
  fc.record({ type: fc.constant('inform-current-doctor' as const) }),
  ...(
  [
    { type: 'request-referral' },
    { type: 'receive-referral' },
    { type: 'decline-referral', reason: 'Declined' },
    { type: 'request-pre-auth' },
    { type: 'mark-pre-auth-pending' },
    { type: 'approve-pre-auth' },
    { type: 'deny-pre-auth', reason: 'Not necessary' },
    { type: 'appeal-pre-auth', grounds: 'Letter' },
    { type: 'record-pre-auth-follow-up-due' },
    { type: 'complete-appointment' },
    { type: 'mark-appointment-missed' },
    { type: 'request-third-opinion' },
    { type: 'record-desired-outcome', text: 'Clarity' },
    { type: 'reschedule-appointment', at: '2026-04-01T10:00:00Z' },
    { type: 'schedule-appointment', at: '2026-03-20T10:00:00Z', mode: 'video' },
    { type: 'withdraw-case', reason: 'Moved' },
    { type: 'reopen-case', reason: 'Back' },
  ] satisfies CaseCommand[]
  ).map((command) => fc.constant<CaseCommand>(command)),
  fc.record({
    type: fc.constant('select-provider' as const),
    providerName: fc.constant('Clinic'),
    inNetwork: fc.boolean(),
    foundVia: fc.constantFrom(...PROVIDER_SOURCES),
  }),
  fc.record({
    type: fc.constant('check-coverage' as const),
    coversSecondOpinions: fc.boolean(),
    inNetworkOnly: fc.boolean(),
    preAuthRequired: fc.boolean(),
    estimatedOutOfPocketCents: fc.constantFrom(0, 12_000, -5),
    estimatedTravelCostCents: fc.constantFrom(0, 3_000),
  }),
  fc.record({
    type: fc.constant('request-records' as const),
    fromProvider: fc.constant('A'),
    toProvider: fc.constant('B'),
    documents: fc.array(fc.record({ kind: fc.constantFrom(...DOCUMENT_KINDS), description: fc.constant('doc') }), { maxLength: 3 }),
  }),
  fc.record({ type: fc.constant('start-records-transfer' as const), requestId: anId }),
  fc.record({ type: fc.constant('record-records-sent' as const), requestId: anId, receipt: fc.constant('r') }),
  fc.record({
    type: fc.constant('record-records-transfer-failed' as const),
    requestId: anId,
    reason: fc.constant('503'),
    attempts: fc.constantFrom(0, 1, 5),
  }),
  fc.record({ type: fc.constant('confirm-records-receipt' as const), requestId: anId }),
  fc.record({
    type: fc.constant('log-dismissal-concern' as const),
    description: text,
    occurredOn: day,
    patientRequestedRecordAddendum: fc.boolean(),
  }),
  fc.record({ type: fc.constant('add-dismissal-concern-to-record' as const), concernId: anId }),
  fc.record({ type: fc.constant('deny-dismissal-concern-amendment' as const), concernId: anId, reason: fc.constant('Accurate') }),
  fc.record({ type: fc.constant('add-question' as const), text }),
  fc.record({ type: fc.constant('answer-question' as const), questionId: anId, answer: fc.constant('Yes') }),
  fc.record({ type: fc.constant('record-opinion' as const), concordance: fc.constantFrom(...CONCORDANCES), summary: fc.constant('Opinion') }),
  fc.record({ type: fc.constant('record-decision' as const), decision: fc.constantFrom(...DECISIONS) }),
  fc.record({ type: fc.constant('record-consent' as const), scope: fc.constantFrom(...CONSENT_SCOPES), method: fc.constant('verbal' as const) }),
  fc.record({ type: fc.constant('withdraw-consent' as const), scope: fc.constantFrom(...CONSENT_SCOPES) }),
  fc.record({ type: fc.constant('close-case' as const), outcome: fc.constantFrom(...CLOSE_OUTCOMES) }),
);

// Most sequences should start with open-case, or nothing but refusals would be explored.
const scenarioArb = fc.tuple(fc.boolean(), fc.array(commandArb, { minLength: 5, maxLength: 120, size: 'max' })).map(([startOpen, commands]): CaseCommand[] =>
  startOpen ? [{ type: 'open-case', patientId: 'p-1', reasons: ['felt-dismissed'], urgency: 'urgent', specialty: 'x' }, ...commands] : commands,
);

interface Run {
  events: RecordedCaseEvent[];
  states: CaseState[];
  refusals: string[];
  final: CaseState | undefined;
}

/** Applies each command at a later hour; refused commands leave the stream untouched. */
const run = (commands: readonly CaseCommand[]): Run => {
  const newId = sequentialIds();
  let state: CaseState | undefined;
  const events: RecordedCaseEvent[] = [];
  const states: CaseState[] = [];
  const refusals: string[] = [];
  commands.forEach((command, index) => {
    const now = new Date(T0.getTime() + index * 7 * 60 * 60 * 1000);
    const result = decide(state, command, { now, newId });
    if (!result.ok) {
      refusals.push(result.refusal.code);
      return;
    }
    for (const event of result.events) {
      const recorded = { ...event, occurredAt: now.toISOString() } as RecordedCaseEvent;
      events.push(recorded);
      state = evolve(state, recorded);
      states.push(state);
    }
  });
  return { events, states, refusals, final: state };
};

const PROPERTY_RUNS = { numRuns: 400 };

describe('invariants over any sequence of accepted commands', () => {
  it('opens once, first; closes at most once between reopens; after an end only notes or a reopen', () => {
    fc.assert(
      fc.property(scenarioArb, (commands) => {
        const { events } = run(commands);
        if (events.length === 0) return;
        expect(events[0]!.type).toBe('CaseOpened');
        expect(events.filter((event) => event.type === 'CaseOpened')).toHaveLength(1);
        let ended = false;
        for (const event of events.slice(1)) {
          if (ended) expect(['NoteAdded', 'CaseReopened']).toContain(event.type);
          if (event.type === 'CaseClosed' || event.type === 'CaseWithdrawn') ended = true;
          if (event.type === 'CaseReopened') {
            expect(ended).toBe(true);
            ended = false;
          }
        }
      }),
      PROPERTY_RUNS,
    );
  });

  it('never decides a pre-auth that was not requested, nor appeals one that was not denied', () => {
    fc.assert(
      fc.property(scenarioArb, (commands) => {
        const { events } = run(commands);
        // A third opinion starts a fresh pre-auth, so track the status per round.
        let status = 'not-requested';
        for (const event of events) {
          if (event.type === 'PreAuthRequested') {
            expect(status).toBe('not-requested');
            status = 'requested';
          } else if (event.type === 'PreAuthPending') {
            expect(['requested', 'appealed']).toContain(status);
            status = 'pending';
          } else if (event.type === 'PreAuthApproved' || event.type === 'PreAuthDenied') {
            expect(['requested', 'pending', 'appealed']).toContain(status);
            status = event.type === 'PreAuthApproved' ? 'approved' : 'denied';
          } else if (event.type === 'PreAuthAppealed') {
            expect(status).toBe('denied');
            status = 'appealed';
          } else if (event.type === 'ThirdOpinionRequested') {
            status = 'not-requested';
          }
        }
      }),
      PROPERTY_RUNS,
    );
  });

  it('only moves records, answers and concerns that exist', () => {
    fc.assert(
      fc.property(scenarioArb, (commands) => {
        const { events } = run(commands);
        const requests = new Set<string>();
        const sent = new Set<string>();
        const questions = new Set<string>();
        const addendumConcerns = new Set<string>();
        const answeredConcerns = new Set<string>();
        for (const event of events) {
          if (event.type === 'RecordsRequested') {
            requests.add(event.data.requestId);
          } else if (event.type === 'RecordsTransferStarted' || event.type === 'RecordsTransferFailed') {
            expect(requests.has(event.data.requestId)).toBe(true);
            expect(sent.has(event.data.requestId)).toBe(false);
          } else if (event.type === 'RecordsSent') {
            expect(requests.has(event.data.requestId)).toBe(true);
            expect(sent.has(event.data.requestId)).toBe(false);
            sent.add(event.data.requestId);
          } else if (event.type === 'RecordsReceiptConfirmed') {
            expect(sent.has(event.data.requestId)).toBe(true);
          } else if (event.type === 'QuestionAdded') {
            questions.add(event.data.questionId);
          } else if (event.type === 'QuestionAnswered') {
            expect(questions.delete(event.data.questionId)).toBe(true);
          } else if (event.type === 'DismissalConcernLogged') {
            if (event.data.patientRequestedRecordAddendum) addendumConcerns.add(event.data.concernId);
          } else if (event.type === 'DismissalConcernAddedToRecord' || event.type === 'DismissalConcernAmendmentDenied') {
            expect(addendumConcerns.has(event.data.concernId)).toBe(true);
            expect(answeredConcerns.has(event.data.concernId)).toBe(false);
            answeredConcerns.add(event.data.concernId);
          }
        }
      }),
      PROPERTY_RUNS,
    );
  });

  it('keeps every derived value in its vocabulary at every step', () => {
    fc.assert(
      fc.property(scenarioArb, fc.date({ min: T0, max: new Date('2027-01-01T00:00:00Z'), noInvalidDate: true }), (commands, now) => {
        const { states, refusals } = run(commands);
        for (const code of refusals) expect(REFUSAL_CODES).toContain(code);
        for (const state of states) {
          expect(PHASES).toContain(phaseOf(state));
          for (const flag of riskFlags(state, now)) expect(RISK_FLAGS).toContain(flag);
          for (const step of nextSteps(state)) expect(CASE_COMMAND_NAMES).toContain(step.command);
          expect(state.status === 'open' ? phaseOf(state) !== 'closed' : phaseOf(state) === 'closed').toBe(true);
          expect(state.round === 1 || state.round === 2).toBe(true);
        }
      }),
      { numRuns: 100 },
    );
  });

  it('is deterministic: replaying the JSON-stored stream rebuilds the same state, and decide answers the same twice', () => {
    fc.assert(
      fc.property(scenarioArb, commandArb, (commands, extra) => {
        const { events, final } = run(commands);
        const stored = JSON.parse(JSON.stringify(events)) as RecordedCaseEvent[];
        expect(JSON.parse(JSON.stringify(foldCase(stored) ?? null))).toEqual(JSON.parse(JSON.stringify(final ?? null)));
        const ctx = () => ({ now: new Date('2026-06-01T00:00:00Z'), newId: sequentialIds() });
        expect(decide(final, extra, ctx())).toEqual(decide(final, extra, ctx()));
      }),
      PROPERTY_RUNS,
    );
  });

  it('reaches deep into the workflow often enough to mean something', () => {
    // Guards the generators: if they stopped producing accepted commands, the properties above would pass vacuously.
    const samples = fc.sample(scenarioArb, { numRuns: 300, seed: 42 });
    const reached = new Set(samples.flatMap((commands) => run(commands).events.map((event) => event.type)));
    for (const type of ['PreAuthApproved', 'PreAuthAppealed', 'RecordsSent', 'RecordsReceiptConfirmed', 'QuestionAnswered', 'DecisionRecorded', 'CaseReopened', 'DismissalConcernAddedToRecord']) {
      expect([...reached]).toContain(type);
    }
  });
});
