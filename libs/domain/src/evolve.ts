import type { CaseState, DismissalConcernState, RecordsRequestState } from './case-state';
import { initialPreAuth } from './case-state';
import type { CaseEvent, CaseEventOf, CaseEventType, RecordedCaseEvent } from './events/case-event';

/** A stream that does not start with CaseOpened, or opens twice, is corrupt: replay must stop loudly. */
export class CorruptCaseStreamError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CorruptCaseStreamError';
  }
}

const opened = (event: CaseEventOf<'CaseOpened'>, at: string): CaseState => ({
  patientId: event.data.patientId,
  status: 'open',
  openedAt: at,
  lastEventAt: at,
  eventCount: 0,
  urgency: event.data.urgency,
  specialty: event.data.specialty,
  reasons: [...event.data.reasons],
  currentDiagnosis: event.data.currentDiagnosis ?? null,
  currentTreatment: event.data.currentTreatment ?? null,
  currentProvider: event.data.currentProvider ?? null,
  targetDate: event.data.targetDate ?? null,
  advocateId: null,
  coordinatorId: null,
  notesCount: 0,
  contactsCount: 0,
  lastContactAt: null,
  currentDoctorInformedAt: null,
  round: 1,
  referral: { status: 'not-requested', toProvider: null, requestedAt: null, decidedAt: null, reference: null, declineReason: null },
  provider: null,
  coverage: null,
  preAuth: initialPreAuth(),
  records: [],
  dismissalConcerns: [],
  questions: [],
  desiredOutcome: null,
  appointment: null,
  opinions: [],
  thirdOpinionRequestedAt: null,
  decision: null,
  pastRounds: [],
  consents: {
    'equity-self-identification': { status: 'not-asked', method: null, updatedAt: null },
    'records-release': { status: 'not-asked', method: null, updatedAt: null },
  },
  closure: null,
  withdrawal: null,
  reopenCount: 0,
});

const updateRecords = (
  state: CaseState,
  requestId: string,
  change: (request: RecordsRequestState) => RecordsRequestState,
): CaseState => ({
  ...state,
  records: state.records.map((request) => (request.requestId === requestId ? change(request) : request)),
});

const updateConcern = (
  state: CaseState,
  concernId: string,
  change: (concern: DismissalConcernState) => DismissalConcernState,
): CaseState => ({
  ...state,
  dismissalConcerns: state.dismissalConcerns.map((concern) => (concern.concernId === concernId ? change(concern) : concern)),
});

/** Applies one event to the state; pure and total over well-formed streams. */
const apply = (state: CaseState, event: CaseEvent, at: string): CaseState => {
  switch (event.type) {
    case 'CaseOpened':
      throw new CorruptCaseStreamError('CaseOpened on a case that is already open');
    case 'AdvocateAssigned':
      return { ...state, advocateId: event.data.advocateId };
    case 'CoordinatorAssigned':
      return { ...state, coordinatorId: event.data.coordinatorId };
    case 'NoteAdded':
      return { ...state, notesCount: state.notesCount + 1 };
    case 'ContactLogged':
      return { ...state, contactsCount: state.contactsCount + 1, lastContactAt: at };
    case 'CurrentDoctorInformed':
      return { ...state, currentDoctorInformedAt: at };
    case 'ReferralRequested':
      return {
        ...state,
        referral: {
          status: 'requested',
          toProvider: event.data.toProvider ?? null,
          requestedAt: at,
          decidedAt: null,
          reference: null,
          declineReason: null,
        },
      };
    case 'ReferralReceived':
      return { ...state, referral: { ...state.referral, status: 'received', decidedAt: at, reference: event.data.reference ?? null } };
    case 'ReferralDeclined':
      return { ...state, referral: { ...state.referral, status: 'declined', decidedAt: at, declineReason: event.data.reason } };
    case 'SecondOpinionProviderSelected':
      return {
        ...state,
        provider: {
          providerName: event.data.providerName,
          providerId: event.data.providerId ?? null,
          inNetwork: event.data.inNetwork,
          foundVia: event.data.foundVia,
          selectedAt: at,
        },
      };
    case 'CoverageChecked':
      return {
        ...state,
        coverage: {
          coversSecondOpinions: event.data.coversSecondOpinions,
          inNetworkOnly: event.data.inNetworkOnly,
          preAuthRequired: event.data.preAuthRequired,
          estimatedOutOfPocketCents: event.data.estimatedOutOfPocketCents,
          estimatedTravelCostCents: event.data.estimatedTravelCostCents,
          currency: event.data.currency,
          costConcern: event.data.costConcern,
          insurerName: event.data.insurerName ?? null,
          checkedAt: at,
        },
      };
    case 'PreAuthRequested':
      return {
        ...state,
        preAuth: {
          ...initialPreAuth(),
          status: 'requested',
          expedited: event.data.expedited,
          insurerReference: event.data.insurerReference ?? null,
          requestedAt: at,
          awaitingSince: at,
        },
      };
    case 'PreAuthPending':
      return {
        ...state,
        preAuth: { ...state.preAuth, status: 'pending', insurerReference: event.data.insurerReference ?? state.preAuth.insurerReference },
      };
    case 'PreAuthApproved':
      return {
        ...state,
        preAuth: {
          ...state.preAuth,
          status: 'approved',
          decidedAt: at,
          authorizationNumber: event.data.authorizationNumber ?? null,
          validUntil: event.data.validUntil ?? null,
        },
      };
    case 'PreAuthDenied':
      return { ...state, preAuth: { ...state.preAuth, status: 'denied', decidedAt: at, denialReason: event.data.reason } };
    case 'PreAuthAppealed':
      return {
        ...state,
        preAuth: { ...state.preAuth, status: 'appealed', appealedAt: at, awaitingSince: at, decidedAt: null, followUpDueAt: null },
      };
    case 'PreAuthFollowUpDue':
      return { ...state, preAuth: { ...state.preAuth, followUpDueAt: at } };
    case 'RecordsRequested':
      return {
        ...state,
        records: [
          ...state.records,
          {
            requestId: event.data.requestId,
            round: state.round,
            fromProvider: event.data.fromProvider,
            toProvider: event.data.toProvider,
            documents: event.data.documents.map((document) => ({ ...document })),
            status: 'requested',
            requestedAt: at,
            transferStartedAt: null,
            sentAt: null,
            receipt: null,
            failure: null,
            receivedAt: null,
          },
        ],
      };
    case 'RecordsTransferStarted':
      return updateRecords(state, event.data.requestId, (request) => ({ ...request, status: 'in-transfer', transferStartedAt: at }));
    case 'RecordsSent':
      return updateRecords(state, event.data.requestId, (request) => ({
        ...request,
        status: 'sent',
        sentAt: at,
        receipt: event.data.receipt,
      }));
    case 'RecordsTransferFailed':
      return updateRecords(state, event.data.requestId, (request) => ({
        ...request,
        status: 'failed',
        failure: { reason: event.data.reason, attempts: event.data.attempts, at },
      }));
    case 'RecordsReceiptConfirmed':
      return updateRecords(state, event.data.requestId, (request) => ({ ...request, status: 'received', receivedAt: at }));
    case 'DismissalConcernLogged':
      return {
        ...state,
        dismissalConcerns: [
          ...state.dismissalConcerns,
          {
            concernId: event.data.concernId,
            description: event.data.description,
            occurredOn: event.data.occurredOn,
            byWhom: event.data.byWhom ?? null,
            loggedAt: at,
            patientRequestedRecordAddendum: event.data.patientRequestedRecordAddendum,
            status: event.data.patientRequestedRecordAddendum ? 'addendum-requested' : 'logged',
            addendumRequestedOn: event.data.addendumRequestedOn ?? null,
            amendmentDeadline: event.data.amendmentDeadline ?? null,
            resolvedAt: null,
            denialReason: null,
            statementOfDisagreement: null,
          },
        ],
      };
    case 'DismissalConcernAddedToRecord':
      return updateConcern(state, event.data.concernId, (concern) => ({ ...concern, status: 'added-to-record', resolvedAt: at }));
    case 'DismissalConcernAmendmentDenied':
      return updateConcern(state, event.data.concernId, (concern) => ({
        ...concern,
        status: 'amendment-denied',
        resolvedAt: at,
        denialReason: event.data.reason,
        statementOfDisagreement: event.data.statementOfDisagreement ?? null,
      }));
    case 'DesiredOutcomeRecorded':
      return { ...state, desiredOutcome: event.data.text };
    case 'QuestionAdded':
      return {
        ...state,
        questions: [...state.questions, { questionId: event.data.questionId, text: event.data.text, askedAt: at, answer: null, answeredAt: null }],
      };
    case 'QuestionAnswered':
      return {
        ...state,
        questions: state.questions.map((question) =>
          question.questionId === event.data.questionId ? { ...question, answer: event.data.answer, answeredAt: at } : question,
        ),
      };
    case 'AppointmentScheduled':
      return {
        ...state,
        appointment: {
          appointmentId: event.data.appointmentId,
          round: state.round,
          status: 'scheduled',
          at: event.data.at,
          mode: event.data.mode,
          providerName: event.data.providerName ?? null,
          location: event.data.location ?? null,
          scheduledAt: at,
          rescheduleCount: 0,
        },
      };
    case 'AppointmentRescheduled':
      return state.appointment
        ? {
            ...state,
            appointment: {
              ...state.appointment,
              status: 'scheduled',
              at: event.data.at,
              rescheduleCount: state.appointment.rescheduleCount + 1,
            },
          }
        : state;
    case 'AppointmentCompleted':
      return state.appointment ? { ...state, appointment: { ...state.appointment, status: 'completed' } } : state;
    case 'AppointmentMissed':
      return state.appointment ? { ...state, appointment: { ...state.appointment, status: 'missed' } } : state;
    case 'OpinionReceived':
      return {
        ...state,
        opinions: [
          ...state.opinions,
          {
            opinionId: event.data.opinionId,
            round: state.round,
            concordance: event.data.concordance,
            summary: event.data.summary,
            documentId: event.data.documentId ?? null,
            receivedAt: at,
          },
        ],
      };
    case 'ThirdOpinionRequested':
      // The second opinion's provider, pre-auth, appointment and decision are finished
      // business: set them aside so the third opinion walks the same steps afresh.
      return {
        ...state,
        round: state.round + 1,
        thirdOpinionRequestedAt: at,
        pastRounds: [
          ...state.pastRounds,
          { round: state.round, provider: state.provider, preAuth: state.preAuth, appointment: state.appointment, decision: state.decision },
        ],
        provider: null,
        preAuth: initialPreAuth(),
        appointment: null,
        decision: null,
      };
    case 'DecisionRecorded':
      return { ...state, decision: { decision: event.data.decision, note: event.data.note ?? null, round: state.round, recordedAt: at } };
    case 'ConsentRecorded':
      return {
        ...state,
        consents: { ...state.consents, [event.data.scope]: { status: 'given', method: event.data.method, updatedAt: at } },
      };
    case 'ConsentWithdrawn':
      return {
        ...state,
        consents: {
          ...state.consents,
          [event.data.scope]: { ...state.consents[event.data.scope], status: 'withdrawn', updatedAt: at },
        },
      };
    case 'CaseClosed':
      return { ...state, status: 'closed', closure: { outcome: event.data.outcome, note: event.data.note ?? null, at } };
    case 'CaseWithdrawn':
      return { ...state, status: 'withdrawn', withdrawal: { reason: event.data.reason, at } };
    case 'CaseReopened':
      return { ...state, status: 'open', closure: null, withdrawal: null, reopenCount: state.reopenCount + 1 };
  }
};

/** Folds one recorded event into the case. */
export const evolve = (state: CaseState | undefined, event: RecordedCaseEvent): CaseState => {
  if (state === undefined) {
    if (event.type !== 'CaseOpened') {
      throw new CorruptCaseStreamError(`A case stream must start with CaseOpened, not ${event.type satisfies CaseEventType}`);
    }
    return { ...opened(event, event.occurredAt), eventCount: 1 };
  }
  const next = apply(state, event, event.occurredAt);
  return { ...next, lastEventAt: event.occurredAt, eventCount: state.eventCount + 1 };
};

/** Folds a whole stream; `undefined` for an empty one. */
export const foldCase = (events: readonly RecordedCaseEvent[], initial?: CaseState): CaseState | undefined =>
  events.reduce<CaseState | undefined>(evolve, initial);
