import type { CaseCommand } from './commands/case-command';
import { CASE_COMMAND_NAMES } from './commands/case-command';
import { decide } from './decide';
import type { CaseEventType } from './events/case-event';
import { evolve } from './evolve';
import type { RefusalCode } from './refusal';
import { REFUSAL_MESSAGES } from './refusal';
import {
  checkCoverage,
  given,
  logConcern,
  openCase,
  recordOpinion,
  requestRecords,
  scheduleAppointment,
  selectProvider,
} from './testing/case-fixtures';

interface Row {
  setup: CaseCommand[];
  command: CaseCommand;
  /** Hours after the setup's last command at which the command is decided. */
  laterHours?: number;
  expected: CaseEventType[] | { refused: RefusalCode };
}

// Building blocks. Commands that mint ids (notes, contacts, records requests, concerns,
// questions, appointments, opinions) take id-1, id-2... in the order they appear.
const base: CaseCommand[] = [openCase()];
const closed: CaseCommand[] = [...base, { type: 'close-case', outcome: 'no-longer-needed' }];
const withdrawn: CaseCommand[] = [...base, { type: 'withdraw-case', reason: 'Patient chose to stay with her oncologist' }];
const referralRequested: CaseCommand[] = [...base, { type: 'request-referral' }];
const referralReceived: CaseCommand[] = [...referralRequested, { type: 'receive-referral' }];
const referralDeclined: CaseCommand[] = [...referralRequested, { type: 'decline-referral', reason: 'Doctor declined' }];
const withProvider: CaseCommand[] = [...base, selectProvider()];
const preAuthRequested: CaseCommand[] = [...withProvider, checkCoverage(), { type: 'request-pre-auth' }];
const preAuthPending: CaseCommand[] = [...preAuthRequested, { type: 'mark-pre-auth-pending' }];
const preAuthApproved: CaseCommand[] = [...preAuthRequested, { type: 'approve-pre-auth' }];
const preAuthDenied: CaseCommand[] = [...preAuthRequested, { type: 'deny-pre-auth', reason: 'Not medically necessary' }];
const preAuthAppealed: CaseCommand[] = [...preAuthDenied, { type: 'appeal-pre-auth', grounds: 'Tumour board letter attached' }];
const recordsRequested: CaseCommand[] = [...base, requestRecords()]; // request id-1
const inTransfer: CaseCommand[] = [...recordsRequested, { type: 'start-records-transfer', requestId: 'id-1' }];
const transferFailed: CaseCommand[] = [
  ...inTransfer,
  { type: 'record-records-transfer-failed', requestId: 'id-1', reason: 'Endpoint answered 503', attempts: 5 },
];
const recordsSent: CaseCommand[] = [...inTransfer, { type: 'record-records-sent', requestId: 'id-1', receipt: 'bundle-77' }];
const recordsReceived: CaseCommand[] = [...recordsSent, { type: 'confirm-records-receipt', requestId: 'id-1' }];
const concernForRecord: CaseCommand[] = [...base, logConcern()]; // concern id-1
const concernNotForRecord: CaseCommand[] = [...base, logConcern({ patientRequestedRecordAddendum: false })];
const concernAdded: CaseCommand[] = [...concernForRecord, { type: 'add-dismissal-concern-to-record', concernId: 'id-1' }];
const concernDenied: CaseCommand[] = [
  ...concernForRecord,
  { type: 'deny-dismissal-concern-amendment', concernId: 'id-1', reason: 'Record is accurate', statementOfDisagreement: 'I was not examined' },
];
const questionAsked: CaseCommand[] = [...base, { type: 'add-question', text: 'Is surgery an option?' }]; // question id-1
const questionAnswered: CaseCommand[] = [...questionAsked, { type: 'answer-question', questionId: 'id-1', answer: 'Yes' }];
const scheduled: CaseCommand[] = [...withProvider, scheduleAppointment()];
const completed: CaseCommand[] = [...scheduled, { type: 'complete-appointment' }];
const missed: CaseCommand[] = [...scheduled, { type: 'mark-appointment-missed' }];
const opinion: CaseCommand[] = [...completed, recordOpinion()];
const thirdRequested: CaseCommand[] = [...opinion, { type: 'request-third-opinion' }];
const thirdReceived: CaseCommand[] = [
  ...thirdRequested,
  selectProvider({ providerName: 'University Hospital' }),
  recordOpinion({ concordance: 'confirms' }),
];
const consentGiven: CaseCommand[] = [...base, { type: 'record-consent', scope: 'equity-self-identification', method: 'written' }];
const consentWithdrawn: CaseCommand[] = [...consentGiven, { type: 'withdraw-consent', scope: 'equity-self-identification' }];

const allowed = (setup: CaseCommand[], command: CaseCommand, ...types: CaseEventType[]): Row => ({ setup, command, expected: types });
const refused = (setup: CaseCommand[], command: CaseCommand, code: RefusalCode, laterHours?: number): Row => ({
  setup,
  command,
  expected: { refused: code },
  laterHours,
});

const rows: Row[] = [
  allowed([], openCase(), 'CaseOpened'),
  refused([], openCase({ reasons: [] }), 'no-reasons'),
  refused([], openCase({ targetDate: '2026-02-30' }), 'invalid-date'),
  refused(base, openCase(), 'case-already-open'),
  refused(closed, openCase(), 'case-already-open'),
  refused([], { type: 'add-note', text: 'hello' }, 'case-not-found'),
  refused([], { type: 'close-case', outcome: 'duplicate' }, 'case-not-found'),

  allowed(base, { type: 'add-note', text: 'Called the patient' }, 'NoteAdded'),
  allowed(closed, { type: 'add-note', text: 'Patient sent thanks' }, 'NoteAdded'),
  allowed(withdrawn, { type: 'add-note', text: 'Letter filed' }, 'NoteAdded'),
  refused(base, { type: 'add-note', text: '   ' }, 'blank-text'),

  allowed(base, { type: 'assign-advocate', advocateId: 'adv-1' }, 'AdvocateAssigned'),
  allowed([...base, { type: 'assign-advocate', advocateId: 'adv-1' }], { type: 'assign-advocate', advocateId: 'adv-2' }, 'AdvocateAssigned'),
  refused([...base, { type: 'assign-advocate', advocateId: 'adv-1' }], { type: 'assign-advocate', advocateId: 'adv-1' }, 'advocate-already-assigned'),
  refused(closed, { type: 'assign-advocate', advocateId: 'adv-1' }, 'case-closed'),

  allowed(base, { type: 'assign-coordinator', coordinatorId: 'co-1' }, 'CoordinatorAssigned'),
  refused([...base, { type: 'assign-coordinator', coordinatorId: 'co-1' }], { type: 'assign-coordinator', coordinatorId: 'co-1' }, 'coordinator-already-assigned'),

  allowed(base, { type: 'log-contact', channel: 'call', direction: 'outbound', party: 'patient', outcome: 'reached' }, 'ContactLogged'),
  refused(withdrawn, { type: 'log-contact', channel: 'call', direction: 'outbound', party: 'patient', outcome: 'reached' }, 'case-withdrawn'),

  allowed(base, { type: 'inform-current-doctor', channel: 'letter' }, 'CurrentDoctorInformed'),
  refused([...base, { type: 'inform-current-doctor' }], { type: 'inform-current-doctor' }, 'current-doctor-already-informed'),

  allowed(base, { type: 'request-referral' }, 'ReferralRequested'),
  allowed(referralDeclined, { type: 'request-referral', toProvider: 'Another clinic' }, 'ReferralRequested'),
  refused(referralRequested, { type: 'request-referral' }, 'referral-already-requested'),
  refused(referralReceived, { type: 'request-referral' }, 'referral-already-received'),

  allowed(referralRequested, { type: 'receive-referral', reference: 'REF-1' }, 'ReferralReceived'),
  refused(base, { type: 'receive-referral' }, 'referral-not-requested'),
  refused(referralDeclined, { type: 'receive-referral' }, 'referral-not-requested'),

  allowed(referralRequested, { type: 'decline-referral', reason: 'Doctor sees no need' }, 'ReferralDeclined'),
  refused(base, { type: 'decline-referral', reason: 'x' }, 'referral-not-requested'),
  refused(referralReceived, { type: 'decline-referral', reason: 'x' }, 'referral-not-requested'),
  refused(referralRequested, { type: 'decline-referral', reason: '' }, 'blank-text'),

  allowed(base, selectProvider(), 'SecondOpinionProviderSelected'),
  allowed(referralReceived, selectProvider({ foundVia: 'referral' }), 'SecondOpinionProviderSelected'),
  allowed(referralDeclined, selectProvider({ foundVia: 'insurer-directory' }), 'SecondOpinionProviderSelected'),
  allowed(missed, selectProvider({ providerName: 'Other clinic' }), 'SecondOpinionProviderSelected'),
  refused(base, selectProvider({ foundVia: 'referral' }), 'referral-not-received'),
  refused(scheduled, selectProvider(), 'appointment-already-booked'),
  refused(opinion, selectProvider(), 'opinion-already-recorded'),

  allowed(base, checkCoverage(), 'CoverageChecked'),
  allowed([...base, checkCoverage()], checkCoverage({ coversSecondOpinions: false }), 'CoverageChecked'),
  refused(base, checkCoverage({ estimatedOutOfPocketCents: -1 }), 'invalid-amount'),
  refused(base, checkCoverage({ estimatedTravelCostCents: 10.5 }), 'invalid-amount'),

  allowed([...withProvider, checkCoverage()], { type: 'request-pre-auth' }, 'PreAuthRequested'),
  refused(base, { type: 'request-pre-auth' }, 'no-provider-selected'),
  refused(preAuthRequested, { type: 'request-pre-auth' }, 'pre-auth-already-requested'),
  refused(preAuthPending, { type: 'request-pre-auth' }, 'pre-auth-already-requested'),
  refused(preAuthApproved, { type: 'request-pre-auth' }, 'pre-auth-already-decided'),
  refused(preAuthDenied, { type: 'request-pre-auth' }, 'pre-auth-denied-appeal-instead'),

  allowed(preAuthRequested, { type: 'mark-pre-auth-pending', insurerReference: 'PA-9' }, 'PreAuthPending'),
  allowed(preAuthAppealed, { type: 'mark-pre-auth-pending' }, 'PreAuthPending'),
  refused(withProvider, { type: 'mark-pre-auth-pending' }, 'pre-auth-not-requested'),
  refused(preAuthPending, { type: 'mark-pre-auth-pending' }, 'pre-auth-already-pending'),
  refused(preAuthApproved, { type: 'mark-pre-auth-pending' }, 'pre-auth-already-decided'),

  allowed(preAuthRequested, { type: 'approve-pre-auth', authorizationNumber: 'A-1' }, 'PreAuthApproved'),
  allowed(preAuthPending, { type: 'approve-pre-auth' }, 'PreAuthApproved'),
  allowed(preAuthAppealed, { type: 'approve-pre-auth' }, 'PreAuthApproved'),
  refused(withProvider, { type: 'approve-pre-auth' }, 'pre-auth-not-requested'),
  refused(preAuthApproved, { type: 'approve-pre-auth' }, 'pre-auth-already-decided'),
  refused(preAuthDenied, { type: 'approve-pre-auth' }, 'pre-auth-already-decided'),
  refused(preAuthRequested, { type: 'approve-pre-auth', validUntil: '2026-13-01' }, 'invalid-date'),

  allowed(preAuthPending, { type: 'deny-pre-auth', reason: 'Out of network' }, 'PreAuthDenied'),
  refused(withProvider, { type: 'deny-pre-auth', reason: 'x' }, 'pre-auth-not-requested'),
  refused(preAuthRequested, { type: 'deny-pre-auth', reason: ' ' }, 'blank-text'),

  allowed(preAuthDenied, { type: 'appeal-pre-auth', grounds: 'Specialist letter' }, 'PreAuthAppealed'),
  refused(withProvider, { type: 'appeal-pre-auth', grounds: 'x' }, 'pre-auth-not-requested'),
  refused(preAuthRequested, { type: 'appeal-pre-auth', grounds: 'x' }, 'pre-auth-not-denied'),
  refused(preAuthApproved, { type: 'appeal-pre-auth', grounds: 'x' }, 'pre-auth-not-denied'),

  { setup: preAuthRequested, command: { type: 'record-pre-auth-follow-up-due' }, laterHours: 72, expected: ['PreAuthFollowUpDue'] },
  refused(preAuthRequested, { type: 'record-pre-auth-follow-up-due' }, 'pre-auth-follow-up-not-due', 71),
  refused(withProvider, { type: 'record-pre-auth-follow-up-due' }, 'pre-auth-not-awaiting-decision', 100),
  refused(preAuthApproved, { type: 'record-pre-auth-follow-up-due' }, 'pre-auth-not-awaiting-decision', 100),
  refused(
    [...preAuthRequested, { type: 'approve-pre-auth' }, { type: 'close-case', outcome: 'duplicate' }],
    { type: 'record-pre-auth-follow-up-due' },
    'case-closed',
    100,
  ),

  allowed(base, requestRecords(), 'RecordsRequested'),
  refused(base, requestRecords({ documents: [] }), 'no-documents'),
  refused(base, requestRecords({ toProvider: '' }), 'blank-text'),
  refused(closed, requestRecords(), 'case-closed'),

  allowed(recordsRequested, { type: 'start-records-transfer', requestId: 'id-1' }, 'RecordsTransferStarted'),
  allowed(transferFailed, { type: 'start-records-transfer', requestId: 'id-1' }, 'RecordsTransferStarted'),
  refused(recordsRequested, { type: 'start-records-transfer', requestId: 'id-9' }, 'records-request-not-found'),
  refused(inTransfer, { type: 'start-records-transfer', requestId: 'id-1' }, 'records-transfer-in-progress'),
  refused(recordsSent, { type: 'start-records-transfer', requestId: 'id-1' }, 'records-already-sent'),

  allowed(inTransfer, { type: 'record-records-sent', requestId: 'id-1', receipt: 'r-1' }, 'RecordsSent'),
  allowed(recordsRequested, { type: 'record-records-sent', requestId: 'id-1', receipt: 'fax 14:02' }, 'RecordsSent'),
  refused(base, { type: 'record-records-sent', requestId: 'id-1', receipt: 'r' }, 'records-request-not-found'),
  refused(recordsSent, { type: 'record-records-sent', requestId: 'id-1', receipt: 'r' }, 'records-already-sent'),
  refused(recordsReceived, { type: 'record-records-sent', requestId: 'id-1', receipt: 'r' }, 'records-already-sent'),

  allowed(inTransfer, { type: 'record-records-transfer-failed', requestId: 'id-1', reason: 'Timeout', attempts: 3 }, 'RecordsTransferFailed'),
  refused(inTransfer, { type: 'record-records-transfer-failed', requestId: 'id-1', reason: 'Timeout', attempts: 0 }, 'invalid-attempts'),
  refused(recordsSent, { type: 'record-records-transfer-failed', requestId: 'id-1', reason: 'Timeout', attempts: 1 }, 'records-already-sent'),
  refused(base, { type: 'record-records-transfer-failed', requestId: 'id-1', reason: 'Timeout', attempts: 1 }, 'records-request-not-found'),

  allowed(recordsSent, { type: 'confirm-records-receipt', requestId: 'id-1' }, 'RecordsReceiptConfirmed'),
  refused(recordsRequested, { type: 'confirm-records-receipt', requestId: 'id-1' }, 'records-not-sent'),
  refused(transferFailed, { type: 'confirm-records-receipt', requestId: 'id-1' }, 'records-not-sent'),
  refused(recordsReceived, { type: 'confirm-records-receipt', requestId: 'id-1' }, 'records-receipt-already-confirmed'),
  refused(base, { type: 'confirm-records-receipt', requestId: 'id-1' }, 'records-request-not-found'),

  allowed(base, logConcern(), 'DismissalConcernLogged'),
  allowed(base, logConcern({ patientRequestedRecordAddendum: false }), 'DismissalConcernLogged'),
  refused(base, logConcern({ occurredOn: '2026-04-01' }), 'date-in-future'),
  refused(base, logConcern({ occurredOn: 'last week' }), 'invalid-date'),
  refused(base, logConcern({ addendumRequestedOn: '2026-03-09' }), 'date-in-future'),

  allowed(concernForRecord, { type: 'add-dismissal-concern-to-record', concernId: 'id-1' }, 'DismissalConcernAddedToRecord'),
  refused(concernNotForRecord, { type: 'add-dismissal-concern-to-record', concernId: 'id-1' }, 'addendum-not-requested'),
  refused(concernAdded, { type: 'add-dismissal-concern-to-record', concernId: 'id-1' }, 'amendment-already-answered'),
  refused(concernDenied, { type: 'add-dismissal-concern-to-record', concernId: 'id-1' }, 'amendment-already-answered'),
  refused(concernForRecord, { type: 'add-dismissal-concern-to-record', concernId: 'id-2' }, 'concern-not-found'),

  allowed(concernForRecord, { type: 'deny-dismissal-concern-amendment', concernId: 'id-1', reason: 'Accurate' }, 'DismissalConcernAmendmentDenied'),
  refused(concernAdded, { type: 'deny-dismissal-concern-amendment', concernId: 'id-1', reason: 'Accurate' }, 'amendment-already-answered'),
  refused(concernNotForRecord, { type: 'deny-dismissal-concern-amendment', concernId: 'id-1', reason: 'Accurate' }, 'addendum-not-requested'),
  refused(concernForRecord, { type: 'deny-dismissal-concern-amendment', concernId: 'id-1', reason: '' }, 'blank-text'),

  allowed(base, { type: 'record-desired-outcome', text: 'A clear diagnosis' }, 'DesiredOutcomeRecorded'),
  refused(base, { type: 'record-desired-outcome', text: '' }, 'blank-text'),

  allowed(base, { type: 'add-question', text: 'Is the biopsy conclusive?' }, 'QuestionAdded'),
  refused(base, { type: 'add-question', text: ' ' }, 'blank-text'),

  allowed(questionAsked, { type: 'answer-question', questionId: 'id-1', answer: 'Not fully' }, 'QuestionAnswered'),
  refused(questionAsked, { type: 'answer-question', questionId: 'id-2', answer: 'x' }, 'question-not-found'),
  refused(questionAnswered, { type: 'answer-question', questionId: 'id-1', answer: 'x' }, 'question-already-answered'),

  allowed(withProvider, scheduleAppointment(), 'AppointmentScheduled'),
  allowed(missed, scheduleAppointment(), 'AppointmentScheduled'),
  refused(base, scheduleAppointment(), 'no-provider-selected'),
  refused(scheduled, scheduleAppointment(), 'appointment-already-scheduled'),
  refused(completed, scheduleAppointment(), 'appointment-already-completed'),
  refused(withProvider, scheduleAppointment({ at: 'next Tuesday' }), 'invalid-date'),

  allowed(scheduled, { type: 'reschedule-appointment', at: '2026-03-18T10:00:00Z' }, 'AppointmentRescheduled'),
  allowed(missed, { type: 'reschedule-appointment', at: '2026-03-18T10:00:00Z' }, 'AppointmentRescheduled'),
  refused(withProvider, { type: 'reschedule-appointment', at: '2026-03-18T10:00:00Z' }, 'no-appointment'),
  refused(completed, { type: 'reschedule-appointment', at: '2026-03-18T10:00:00Z' }, 'appointment-already-completed'),

  allowed(scheduled, { type: 'complete-appointment' }, 'AppointmentCompleted'),
  refused(withProvider, { type: 'complete-appointment' }, 'no-appointment'),
  refused(missed, { type: 'complete-appointment' }, 'appointment-not-scheduled'),
  refused(completed, { type: 'complete-appointment' }, 'appointment-already-completed'),

  allowed(scheduled, { type: 'mark-appointment-missed', reason: 'Patient unwell' }, 'AppointmentMissed'),
  refused(completed, { type: 'mark-appointment-missed' }, 'appointment-already-completed'),
  refused(missed, { type: 'mark-appointment-missed' }, 'appointment-not-scheduled'),

  allowed(completed, recordOpinion(), 'OpinionReceived'),
  allowed(withProvider, recordOpinion({ concordance: 'confirms' }), 'OpinionReceived'),
  refused(base, recordOpinion(), 'no-provider-selected'),
  refused(opinion, recordOpinion(), 'opinion-already-recorded'),
  refused(completed, recordOpinion({ summary: '' }), 'blank-text'),

  allowed(opinion, { type: 'request-third-opinion', reason: 'Conflicting plans' }, 'ThirdOpinionRequested'),
  refused(completed, { type: 'request-third-opinion' }, 'no-opinion-yet'),
  refused(thirdRequested, { type: 'request-third-opinion' }, 'third-opinion-already-requested'),

  allowed(opinion, { type: 'record-decision', decision: 'follow-second-opinion' }, 'DecisionRecorded'),
  allowed(thirdReceived, { type: 'record-decision', decision: 'follow-third-opinion' }, 'DecisionRecorded'),
  refused(completed, { type: 'record-decision', decision: 'stay-with-original' }, 'no-opinion-yet'),
  refused(thirdRequested, { type: 'record-decision', decision: 'stay-with-original' }, 'no-opinion-yet'),
  refused(opinion, { type: 'record-decision', decision: 'follow-third-opinion' }, 'no-third-opinion'),
  refused(thirdReceived, { type: 'record-decision', decision: 'seek-third-opinion' }, 'third-opinion-already-requested'),

  allowed(base, { type: 'record-consent', scope: 'equity-self-identification', method: 'verbal' }, 'ConsentRecorded'),
  allowed(consentWithdrawn, { type: 'record-consent', scope: 'equity-self-identification', method: 'verbal' }, 'ConsentRecorded'),
  allowed(consentGiven, { type: 'record-consent', scope: 'records-release', method: 'written' }, 'ConsentRecorded'),
  refused(consentGiven, { type: 'record-consent', scope: 'equity-self-identification', method: 'verbal' }, 'consent-already-given'),

  allowed(consentGiven, { type: 'withdraw-consent', scope: 'equity-self-identification' }, 'ConsentWithdrawn'),
  refused(base, { type: 'withdraw-consent', scope: 'equity-self-identification' }, 'consent-not-given'),
  refused(consentWithdrawn, { type: 'withdraw-consent', scope: 'equity-self-identification' }, 'consent-not-given'),
  refused(consentGiven, { type: 'withdraw-consent', scope: 'records-release' }, 'consent-not-given'),

  allowed(base, { type: 'close-case', outcome: 'unable-to-reach-patient' }, 'CaseClosed'),
  allowed(opinion, { type: 'close-case', outcome: 'opinion-delivered' }, 'CaseClosed'),
  allowed([...closed, { type: 'reopen-case', reason: 'Patient called back' }], { type: 'close-case', outcome: 'duplicate' }, 'CaseClosed'),
  refused(base, { type: 'close-case', outcome: 'opinion-delivered' }, 'opinion-not-delivered'),
  refused(closed, { type: 'close-case', outcome: 'duplicate' }, 'case-closed'),
  refused(withdrawn, { type: 'close-case', outcome: 'duplicate' }, 'case-withdrawn'),

  allowed(base, { type: 'withdraw-case', reason: 'Patient moved away' }, 'CaseWithdrawn'),
  refused(closed, { type: 'withdraw-case', reason: 'x' }, 'case-closed'),
  refused(withdrawn, { type: 'withdraw-case', reason: 'x' }, 'case-withdrawn'),
  refused(base, { type: 'withdraw-case', reason: '' }, 'blank-text'),

  allowed(closed, { type: 'reopen-case', reason: 'New symptoms' }, 'CaseReopened'),
  allowed(withdrawn, { type: 'reopen-case', reason: 'Patient changed her mind' }, 'CaseReopened'),
  refused(base, { type: 'reopen-case', reason: 'x' }, 'case-not-ended'),
  refused(closed, { type: 'reopen-case', reason: ' ' }, 'blank-text'),
  refused([], { type: 'reopen-case', reason: 'x' }, 'case-not-found'),
];

const HOUR_MS = 60 * 60 * 1000;

const describeRow = (row: Row): string => {
  const setup = row.setup.map((command) => command.type).join(' → ') || '(no case)';
  const outcome = Array.isArray(row.expected) ? `accepted as ${row.expected.join(', ')}` : `refused with ${row.expected.refused}`;
  return `${setup} ⟹ ${row.command.type}: ${outcome}`;
};

describe('decide: every allowed and refused transition', () => {
  it.each(rows.map((row) => [describeRow(row), row] as const))('%s', (_name, row) => {
    const { state, now, newId } = given(row.setup);
    const at = new Date(now.getTime() + (row.laterHours ?? 0) * HOUR_MS);
    const result = decide(state, row.command, { now: at, newId });
    if (Array.isArray(row.expected)) {
      if (!result.ok) throw new Error(`refused: ${result.refusal.code}`);
      expect(result.events.map((event) => event.type)).toEqual(row.expected);
      // Every accepted event must fold cleanly into the state it was decided on.
      const folded = result.events.reduce((current, event) => evolve(current, { ...event, occurredAt: at.toISOString() }), state);
      expect(folded?.eventCount).toBe((state?.eventCount ?? 0) + result.events.length);
    } else {
      expect(result).toEqual({ ok: false, refusal: { code: row.expected.refused, message: REFUSAL_MESSAGES[row.expected.refused] } });
    }
  });

  it('covers every command with at least one allowed and one refused row', () => {
    const allowedNames = new Set(rows.filter((row) => Array.isArray(row.expected)).map((row) => row.command.type));
    const refusedNames = new Set(rows.filter((row) => !Array.isArray(row.expected)).map((row) => row.command.type));
    expect(CASE_COMMAND_NAMES.filter((name) => !allowedNames.has(name))).toEqual([]);
    expect(CASE_COMMAND_NAMES.filter((name) => !refusedNames.has(name))).toEqual([]);
  });
});

describe('decide: event data', () => {
  it('computes the amendment deadline 60 days after the patient asked, per HIPAA 164.526', () => {
    const { state, now, newId } = given(base);
    const result = decide(state, logConcern({ addendumRequestedOn: '2026-02-20' }), { now, newId });
    expect(result).toEqual({
      ok: true,
      events: [
        {
          type: 'DismissalConcernLogged',
          data: expect.objectContaining({ concernId: 'id-1', addendumRequestedOn: '2026-02-20', amendmentDeadline: '2026-04-21' }),
        },
      ],
    });
  });

  it('dates the addendum request today when the command does not say', () => {
    const { state, now, newId } = given(base);
    const result = decide(state, logConcern(), { now, newId });
    expect(result.ok && result.events[0]?.data).toMatchObject({ addendumRequestedOn: '2026-03-02', amendmentDeadline: '2026-05-01' });
  });

  it('gives no deadline when the patient did not ask to amend the record', () => {
    const { state, now, newId } = given(base);
    const result = decide(state, logConcern({ patientRequestedRecordAddendum: false, addendumRequestedOn: '2026-02-20' }), { now, newId });
    expect(result.ok && result.events[0]?.data).not.toHaveProperty('amendmentDeadline', expect.anything());
  });

  it('requests pre-auth as expedited by default for urgent and soon cases but not routine ones', () => {
    const expedited = (urgency: 'routine' | 'soon' | 'urgent'): unknown => {
      const { state, now, newId } = given([openCase({ urgency }), selectProvider()]);
      const result = decide(state, { type: 'request-pre-auth' }, { now, newId });
      return result.ok && result.events[0]?.data;
    };
    expect(expedited('urgent')).toMatchObject({ expedited: true });
    expect(expedited('soon')).toMatchObject({ expedited: true });
    expect(expedited('routine')).toMatchObject({ expedited: false });
  });

  it('drops duplicate reasons but keeps the first as the main one', () => {
    const result = decide(undefined, openCase({ reasons: ['unclear-diagnosis', 'felt-dismissed', 'unclear-diagnosis'] }), {
      now: new Date(),
      newId: () => 'x',
    });
    expect(result.ok && result.events[0]?.data).toMatchObject({ reasons: ['unclear-diagnosis', 'felt-dismissed'] });
  });

  it('uses the routine 7-day pre-auth target for routine cases', () => {
    const setup = [openCase({ urgency: 'routine' }), selectProvider(), { type: 'request-pre-auth' } as const];
    const { state, now, newId } = given(setup);
    const at = (hours: number): Date => new Date(now.getTime() + hours * HOUR_MS);
    expect(decide(state, { type: 'record-pre-auth-follow-up-due' }, { now: at(100), newId }).ok).toBe(false);
    expect(decide(state, { type: 'record-pre-auth-follow-up-due' }, { now: at(7 * 24), newId }).ok).toBe(true);
  });

  it('raises a pre-auth follow-up only once per wait', () => {
    const { state, now, newId } = given(preAuthRequested);
    const later = new Date(now.getTime() + 80 * HOUR_MS);
    const first = decide(state, { type: 'record-pre-auth-follow-up-due' }, { now: later, newId });
    if (!first.ok) throw new Error(first.refusal.code);
    const after = first.events.reduce((current, event) => evolve(current, { ...event, occurredAt: later.toISOString() }), state);
    expect(decide(after, { type: 'record-pre-auth-follow-up-due' }, { now: later, newId })).toMatchObject({
      ok: false,
      refusal: { code: 'pre-auth-follow-up-already-raised' },
    });
  });
});
