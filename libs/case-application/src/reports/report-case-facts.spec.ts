import { type CaseEvent, type CaseState, evolve } from '@secondlook/domain';
import { nextReportCaseFacts, type ReportCaseFacts } from './report-case-facts';

const HOUR = 3_600_000;
const start = Date.parse('2026-03-02T09:00:00Z');
const at = (hours: number): string => new Date(start + hours * HOUR).toISOString();

function fold(events: Array<[hours: number, event: CaseEvent]>): ReportCaseFacts {
  let state: CaseState | undefined;
  let facts: ReportCaseFacts | undefined;
  for (const [hours, event] of events) {
    state = evolve(state, { ...event, occurredAt: at(hours) });
    facts = nextReportCaseFacts(facts, state, event, at(hours));
  }
  return facts!;
}

const opened: CaseEvent = { type: 'CaseOpened', data: { patientId: 'p1', reasons: ['felt-dismissed'], urgency: 'urgent', specialty: 'Neurology' } };
const provider: CaseEvent = { type: 'SecondOpinionProviderSelected', data: { providerName: 'Lakeside', inNetwork: false, foundVia: 'insurer-directory' } };
const coverage: CaseEvent = {
  type: 'CoverageChecked',
  data: { coversSecondOpinions: true, inNetworkOnly: false, preAuthRequired: true, estimatedOutOfPocketCents: 12_500, estimatedTravelCostCents: 4_000, currency: 'USD', costConcern: false },
};

describe('nextReportCaseFacts', () => {
  it('keeps the first pre-auth answer, the denial and the appeal, even after a later approval', () => {
    const facts = fold([
      [0, opened],
      [1, provider],
      [2, coverage],
      [3, { type: 'PreAuthRequested', data: { expedited: true } }],
      [51, { type: 'PreAuthDenied', data: { reason: 'Not medically necessary' } }],
      [52, { type: 'PreAuthAppealed', data: { grounds: 'Letter from the neurologist' } }],
      [100, { type: 'PreAuthApproved', data: {} }],
    ]);
    expect(facts).toMatchObject({
      preAuthRequestedAt: at(3),
      preAuthDecidedAt: at(51),
      preAuthOutcome: 'approved',
      preAuthDenied: true,
      preAuthAppealed: true,
      providerInNetwork: false,
      outOfPocketCents: 12_500,
      travelCostCents: 4_000,
      targetDate: '2026-03-16',
    });
  });

  it('adds up completed stints per phase and stamps the first entry into each', () => {
    const facts = fold([
      [0, opened],
      [24, provider], // intake → referral-and-coverage after 24 h
      [48, { type: 'RecordsRequested', data: { requestId: 'r1', fromProvider: 'Dr A', toProvider: 'Lakeside', documents: [] } }], // → records
      [120, { type: 'RecordsSent', data: { requestId: 'r1', receipt: 'ok' } }],
      [144, { type: 'OpinionReceived', data: { opinionId: 'o1', concordance: 'different-diagnosis', summary: 'Different.' } }], // → decision
      [150, { type: 'DecisionRecorded', data: { decision: 'follow-second-opinion' } }],
    ]);
    expect(facts.phaseEnteredAt).toEqual({ intake: at(0), 'referral-and-coverage': at(24), records: at(48), decision: at(144) });
    expect(facts.phaseSeconds).toEqual({ intake: 24 * 3600, 'referral-and-coverage': 24 * 3600, records: 96 * 3600 });
    expect(facts).toMatchObject({
      currentPhase: 'decision',
      recordsRequestedAt: at(48),
      recordsSentAt: at(120),
      opinionReceivedAt: at(144),
      concordance: 'different-diagnosis',
      decision: 'follow-second-opinion',
    });
  });

  it('counts a third opinion as the decision that followed, and times dismissal concerns added to the record', () => {
    const facts = fold([
      [0, opened],
      [1, provider],
      [2, { type: 'OpinionReceived', data: { opinionId: 'o1', concordance: 'confirms', summary: 'Same.' } }],
      [3, { type: 'DismissalConcernLogged', data: { concernId: 'c1', description: 'Brushed off', occurredOn: '2026-02-01', patientRequestedRecordAddendum: true } }],
      [4, { type: 'DismissalConcernLogged', data: { concernId: 'c2', description: 'Interrupted', occurredOn: '2026-02-02', patientRequestedRecordAddendum: false } }],
      [51, { type: 'DismissalConcernAddedToRecord', data: { concernId: 'c1' } }],
      [60, { type: 'ThirdOpinionRequested', data: {} }],
      [61, { type: 'ConsentRecorded', data: { scope: 'equity-self-identification', method: 'verbal' } }],
      [62, { type: 'ConsentWithdrawn', data: { scope: 'equity-self-identification' } }],
    ]);
    expect(facts).toMatchObject({
      concordance: 'confirms',
      decision: 'seek-third-opinion',
      decisionAt: at(60),
      dismissalConcerns: 2,
      dismissalAddendumRequested: 1,
      dismissalAdded: 1,
      dismissalAddSeconds: [48 * 3600],
      equityConsent: 'withdrawn',
    });
  });
});
