import type { CaseState, PreAuthState } from './case-state';
import { opinionsOfCurrentRound, recordsOfCurrentRound } from './case-state';
import { RECORDS_CHECKLIST } from './codes';
import type { CaseCommandName } from './commands/case-command';
import { DOCUMENT_KIND_LABELS } from './labels';

export interface NextStep {
  /** Stable per step (`records-pathology-slides`, `dismissal-concern-<id>`), for React keys and tests. */
  key: string;
  label: string;
  done: boolean;
  /** The command that moves this step on; the one to offer when it is not done. */
  command: CaseCommandName;
}

const preAuthCommand = (preAuth: PreAuthState): CaseCommandName => {
  switch (preAuth.status) {
    case 'not-requested':
      return 'request-pre-auth';
    case 'denied':
      return 'appeal-pre-auth';
    case 'requested':
    case 'pending':
    case 'appealed':
    case 'approved':
      return 'approve-pre-auth';
  }
};

const recordsSteps = (state: CaseState): NextStep[] => {
  const requests = recordsOfCurrentRound(state);
  const steps = RECORDS_CHECKLIST.map((kind): NextStep => {
    const covering = requests.filter((request) => request.documents.some((document) => document.kind === kind));
    return {
      key: `records-${kind}`,
      label: `Collect and send: ${DOCUMENT_KIND_LABELS[kind].toLowerCase()}`,
      done: covering.some((request) => request.status === 'sent' || request.status === 'received'),
      command: covering.length === 0 ? 'request-records' : 'record-records-sent',
    };
  });
  steps.push({
    key: 'records-receipt',
    label: 'Confirm the provider received the records',
    done: requests.length > 0 && requests.every((request) => request.status === 'received'),
    command: 'confirm-records-receipt',
  });
  return steps;
};

/**
 * The case's checklist in the order the work usually goes. Derived on every read, so a step
 * is never "ticked" by hand out of step with the log. An ended case has no next steps: the
 * only things left to do are reopening it or adding a note.
 */
export const nextSteps = (state: CaseState): NextStep[] => {
  if (state.status !== 'open') return [];
  const opinionReceived = opinionsOfCurrentRound(state).length > 0;
  const declined = state.referral.status === 'declined';
  const steps: NextStep[] = [
    {
      key: 'inform-current-doctor',
      label: 'Tell the current doctor about the second opinion',
      done: state.currentDoctorInformedAt !== null,
      command: 'inform-current-doctor',
    },
    declined
      ? {
          key: 'referral',
          label: "Referral declined: find a provider through the insurer's directory or a hospital website",
          done: state.provider !== null,
          command: 'select-provider',
        }
      : {
          key: 'referral',
          label: 'Get a referral to a second-opinion provider',
          done: state.referral.status === 'received',
          command: state.referral.status === 'requested' ? 'receive-referral' : 'request-referral',
        },
    { key: 'provider', label: 'Select the second-opinion provider', done: state.provider !== null, command: 'select-provider' },
    { key: 'coverage', label: 'Check insurance coverage and costs', done: state.coverage !== null, command: 'check-coverage' },
  ];
  if (state.coverage?.preAuthRequired) {
    steps.push({
      key: 'pre-auth',
      label: state.preAuth.status === 'denied' ? 'Appeal the pre-authorization denial' : 'Get pre-authorization from the insurer',
      done: state.preAuth.status === 'approved',
      command: preAuthCommand(state.preAuth),
    });
  }
  steps.push(...recordsSteps(state));
  for (const concern of state.dismissalConcerns) {
    if (!concern.patientRequestedRecordAddendum) continue;
    steps.push({
      key: `dismissal-concern-${concern.concernId}`,
      label: `Answer the request to add a dismissal concern to the record (by ${concern.amendmentDeadline ?? 'its deadline'})`,
      done: concern.status !== 'addendum-requested',
      command: 'add-dismissal-concern-to-record',
    });
  }
  steps.push(
    { key: 'questions', label: 'Prepare questions for the appointment', done: state.questions.length > 0, command: 'add-question' },
    { key: 'desired-outcome', label: 'Record what the patient hopes to get from it', done: state.desiredOutcome !== null, command: 'record-desired-outcome' },
    {
      key: 'appointment',
      label: state.appointment?.status === 'missed' ? 'Reschedule the missed appointment' : 'Schedule the appointment',
      done: opinionReceived || state.appointment?.status === 'scheduled' || state.appointment?.status === 'completed',
      command: state.appointment?.status === 'missed' ? 'reschedule-appointment' : 'schedule-appointment',
    },
    {
      key: 'attend-appointment',
      label: 'Record that the appointment took place',
      done: opinionReceived || state.appointment?.status === 'completed',
      command: 'complete-appointment',
    },
    {
      key: 'opinion',
      label: state.round > 1 ? 'Receive the third opinion' : 'Receive the written second opinion',
      done: opinionReceived,
      command: 'record-opinion',
    },
    { key: 'decision', label: "Record the patient's decision", done: state.decision !== null, command: 'record-decision' },
  );
  if (state.decision?.decision === 'seek-third-opinion') {
    steps.push({ key: 'third-opinion', label: 'Request the third opinion', done: false, command: 'request-third-opinion' });
  }
  steps.push({ key: 'close', label: 'Close the case', done: false, command: 'close-case' });
  return steps;
};
