import type { CaseState, RecordsRequestState } from './case-state';
import { opinionsOfCurrentRound } from './case-state';
import { includesCode, PRE_AUTH_AWAITING_DECISION } from './codes';
import type { CaseCommand, CaseCommandOf } from './commands/case-command';
import { COMMANDS_ALLOWED_WHEN_ENDED } from './commands/case-command';
import { addCalendarDays, addHours, startOfIsoDate, toIsoDate } from './dates';
import type { CaseEvent } from './events/case-event';
import type { Refusal, RefusalCode } from './refusal';
import { refusal } from './refusal';
import type { Targets } from './targets';
import { DEFAULT_TARGETS, expeditedByDefault } from './targets';

export interface DecideContext {
  now: Date;
  /** Mints identifiers (uuids in production) for the things a command creates. */
  newId: () => string;
  /** The clinic's targets; the defaults when absent. */
  targets?: Targets;
}

export type DecideResult = { ok: true; events: CaseEvent[] } | { ok: false; refusal: Refusal };

const accept = (...events: CaseEvent[]): DecideResult => ({ ok: true, events });
const refuse = (code: RefusalCode): DecideResult => ({ ok: false, refusal: refusal(code) });

const isBlank = (text: string | undefined): boolean => text === undefined || text.trim() === '';

const isIsoDate = (value: string): boolean => {
  try {
    return toIsoDate(startOfIsoDate(value)) === value;
  } catch {
    return false;
  }
};

const isInstant = (value: string): boolean => !Number.isNaN(Date.parse(value));

const isCents = (value: number): boolean => Number.isInteger(value) && value >= 0;

const findRecords = (state: CaseState, requestId: string): RecordsRequestState | undefined =>
  state.records.find((request) => request.requestId === requestId);

/** Checks common to commands that move records along: the request exists and is not yet sent. */
const unsentRecords = (state: CaseState, requestId: string): RecordsRequestState | RefusalCode => {
  const request = findRecords(state, requestId);
  if (!request) return 'records-request-not-found';
  if (request.status === 'sent' || request.status === 'received') return 'records-already-sent';
  return request;
};

const answerableConcern = (state: CaseState, concernId: string): RefusalCode | null => {
  const concern = state.dismissalConcerns.find((candidate) => candidate.concernId === concernId);
  if (!concern) return 'concern-not-found';
  if (!concern.patientRequestedRecordAddendum) return 'addendum-not-requested';
  if (concern.status !== 'addendum-requested') return 'amendment-already-answered';
  return null;
};

/** Pre-auth commands that need an open request the insurer has not yet decided. */
const undecidedPreAuth = (state: CaseState): RefusalCode | null => {
  switch (state.preAuth.status) {
    case 'not-requested':
      return 'pre-auth-not-requested';
    case 'approved':
    case 'denied':
      return 'pre-auth-already-decided';
    case 'requested':
    case 'pending':
    case 'appealed':
      return null;
  }
};

const openCase = (command: CaseCommandOf<'open-case'>): DecideResult => {
  if (command.reasons.length === 0) return refuse('no-reasons');
  if (isBlank(command.patientId) || isBlank(command.specialty)) return refuse('blank-text');
  if (command.targetDate !== undefined && !isIsoDate(command.targetDate)) return refuse('invalid-date');
  return accept({
    type: 'CaseOpened',
    data: {
      patientId: command.patientId,
      // Order kept, duplicates dropped: the reasons are a set, but the first one is the patient's main one.
      reasons: [...new Set(command.reasons)],
      urgency: command.urgency,
      specialty: command.specialty,
      currentDiagnosis: command.currentDiagnosis,
      currentTreatment: command.currentTreatment,
      currentProvider: command.currentProvider,
      targetDate: command.targetDate,
    },
  });
};

/** The rules for a command on an existing, open case. */
const decideOnOpenCase = (state: CaseState, command: CaseCommand, ctx: DecideContext): DecideResult => {
  const targets = ctx.targets ?? DEFAULT_TARGETS;
  switch (command.type) {
    case 'open-case':
      return refuse('case-already-open');

    case 'add-note':
      if (isBlank(command.text)) return refuse('blank-text');
      return accept({ type: 'NoteAdded', data: { noteId: ctx.newId(), text: command.text } });

    case 'assign-advocate':
      if (isBlank(command.advocateId)) return refuse('blank-text');
      if (state.advocateId === command.advocateId) return refuse('advocate-already-assigned');
      return accept({
        type: 'AdvocateAssigned',
        data: { advocateId: command.advocateId, previousAdvocateId: state.advocateId ?? undefined },
      });

    case 'assign-coordinator':
      if (isBlank(command.coordinatorId)) return refuse('blank-text');
      if (state.coordinatorId === command.coordinatorId) return refuse('coordinator-already-assigned');
      return accept({
        type: 'CoordinatorAssigned',
        data: { coordinatorId: command.coordinatorId, previousCoordinatorId: state.coordinatorId ?? undefined },
      });

    case 'log-contact':
      return accept({
        type: 'ContactLogged',
        data: {
          contactId: ctx.newId(),
          channel: command.channel,
          direction: command.direction,
          party: command.party,
          outcome: command.outcome,
          summary: command.summary,
        },
      });

    case 'inform-current-doctor':
      if (state.currentDoctorInformedAt !== null) return refuse('current-doctor-already-informed');
      return accept({ type: 'CurrentDoctorInformed', data: { channel: command.channel, note: command.note } });

    case 'request-referral':
      if (state.referral.status === 'requested') return refuse('referral-already-requested');
      if (state.referral.status === 'received') return refuse('referral-already-received');
      return accept({ type: 'ReferralRequested', data: { toProvider: command.toProvider, note: command.note } });

    case 'receive-referral':
      if (state.referral.status !== 'requested') return refuse('referral-not-requested');
      return accept({ type: 'ReferralReceived', data: { reference: command.reference, note: command.note } });

    case 'decline-referral':
      if (state.referral.status !== 'requested') return refuse('referral-not-requested');
      if (isBlank(command.reason)) return refuse('blank-text');
      return accept({ type: 'ReferralDeclined', data: { reason: command.reason } });

    case 'select-provider':
      if (isBlank(command.providerName)) return refuse('blank-text');
      if (opinionsOfCurrentRound(state).length > 0) return refuse('opinion-already-recorded');
      if (state.appointment && state.appointment.status !== 'missed') return refuse('appointment-already-booked');
      if (command.foundVia === 'referral' && state.referral.status !== 'received') return refuse('referral-not-received');
      return accept({
        type: 'SecondOpinionProviderSelected',
        data: {
          providerName: command.providerName,
          inNetwork: command.inNetwork,
          foundVia: command.foundVia,
          providerId: command.providerId,
        },
      });

    case 'check-coverage':
      if (!isCents(command.estimatedOutOfPocketCents) || !isCents(command.estimatedTravelCostCents)) return refuse('invalid-amount');
      return accept({
        type: 'CoverageChecked',
        data: {
          coversSecondOpinions: command.coversSecondOpinions,
          inNetworkOnly: command.inNetworkOnly,
          preAuthRequired: command.preAuthRequired,
          estimatedOutOfPocketCents: command.estimatedOutOfPocketCents,
          estimatedTravelCostCents: command.estimatedTravelCostCents,
          currency: command.currency ?? 'USD',
          costConcern: command.costConcern ?? false,
          insurerName: command.insurerName,
          note: command.note,
        },
      });

    case 'request-pre-auth': {
      if (state.provider === null) return refuse('no-provider-selected');
      const { status } = state.preAuth;
      if (includesCode(PRE_AUTH_AWAITING_DECISION, status)) return refuse('pre-auth-already-requested');
      if (status === 'approved') return refuse('pre-auth-already-decided');
      if (status === 'denied') return refuse('pre-auth-denied-appeal-instead');
      return accept({
        type: 'PreAuthRequested',
        data: {
          insurerReference: command.insurerReference,
          expedited: command.expedited ?? expeditedByDefault(state.urgency),
          note: command.note,
        },
      });
    }

    case 'mark-pre-auth-pending': {
      const problem = undecidedPreAuth(state);
      if (problem) return refuse(problem);
      if (state.preAuth.status === 'pending') return refuse('pre-auth-already-pending');
      return accept({ type: 'PreAuthPending', data: { insurerReference: command.insurerReference } });
    }

    case 'approve-pre-auth': {
      const problem = undecidedPreAuth(state);
      if (problem) return refuse(problem);
      if (command.validUntil !== undefined && !isIsoDate(command.validUntil)) return refuse('invalid-date');
      return accept({
        type: 'PreAuthApproved',
        data: { authorizationNumber: command.authorizationNumber, validUntil: command.validUntil },
      });
    }

    case 'deny-pre-auth': {
      const problem = undecidedPreAuth(state);
      if (problem) return refuse(problem);
      // CMS requires a specific reason on every denial; without it the appeal has nothing to answer.
      if (isBlank(command.reason)) return refuse('blank-text');
      return accept({ type: 'PreAuthDenied', data: { reason: command.reason } });
    }

    case 'appeal-pre-auth':
      if (state.preAuth.status === 'not-requested') return refuse('pre-auth-not-requested');
      if (state.preAuth.status !== 'denied') return refuse('pre-auth-not-denied');
      if (isBlank(command.grounds)) return refuse('blank-text');
      return accept({ type: 'PreAuthAppealed', data: { grounds: command.grounds } });

    case 'record-pre-auth-follow-up-due': {
      const { awaitingSince, followUpDueAt, status } = state.preAuth;
      if (!includesCode(PRE_AUTH_AWAITING_DECISION, status) || awaitingSince === null) {
        return refuse('pre-auth-not-awaiting-decision');
      }
      if (followUpDueAt !== null) return refuse('pre-auth-follow-up-already-raised');
      const targetHours = targets.preAuthDecisionHours[state.urgency];
      // A timer that fires early (clock skew, a changed target) must not raise a false alarm.
      if (ctx.now < addHours(new Date(awaitingSince), targetHours)) return refuse('pre-auth-follow-up-not-due');
      return accept({ type: 'PreAuthFollowUpDue', data: { awaitingSince, targetHours } });
    }

    case 'request-records':
      if (command.documents.length === 0) return refuse('no-documents');
      if (isBlank(command.fromProvider) || isBlank(command.toProvider)) return refuse('blank-text');
      if (command.documents.some((document) => isBlank(document.description))) return refuse('blank-text');
      return accept({
        type: 'RecordsRequested',
        data: {
          requestId: ctx.newId(),
          fromProvider: command.fromProvider,
          toProvider: command.toProvider,
          documents: command.documents.map((document) => ({ ...document })),
          note: command.note,
        },
      });

    case 'start-records-transfer': {
      const request = unsentRecords(state, command.requestId);
      if (typeof request === 'string') return refuse(request);
      if (request.status === 'in-transfer') return refuse('records-transfer-in-progress');
      return accept({ type: 'RecordsTransferStarted', data: { requestId: command.requestId } });
    }

    case 'record-records-sent': {
      const request = unsentRecords(state, command.requestId);
      if (typeof request === 'string') return refuse(request);
      if (isBlank(command.receipt)) return refuse('blank-text');
      return accept({ type: 'RecordsSent', data: { requestId: command.requestId, receipt: command.receipt } });
    }

    case 'record-records-transfer-failed': {
      const request = unsentRecords(state, command.requestId);
      if (typeof request === 'string') return refuse(request);
      if (!Number.isInteger(command.attempts) || command.attempts < 1) return refuse('invalid-attempts');
      if (isBlank(command.reason)) return refuse('blank-text');
      return accept({
        type: 'RecordsTransferFailed',
        data: { requestId: command.requestId, reason: command.reason, attempts: command.attempts },
      });
    }

    case 'confirm-records-receipt': {
      const request = findRecords(state, command.requestId);
      if (!request) return refuse('records-request-not-found');
      if (request.status === 'received') return refuse('records-receipt-already-confirmed');
      if (request.status !== 'sent') return refuse('records-not-sent');
      return accept({ type: 'RecordsReceiptConfirmed', data: { requestId: command.requestId, confirmedBy: command.confirmedBy } });
    }

    case 'log-dismissal-concern': {
      if (isBlank(command.description)) return refuse('blank-text');
      if (!isIsoDate(command.occurredOn)) return refuse('invalid-date');
      const today = toIsoDate(ctx.now);
      if (command.occurredOn > today) return refuse('date-in-future');
      if (!command.patientRequestedRecordAddendum) {
        return accept({
          type: 'DismissalConcernLogged',
          data: {
            concernId: ctx.newId(),
            description: command.description,
            occurredOn: command.occurredOn,
            byWhom: command.byWhom,
            patientRequestedRecordAddendum: false,
          },
        });
      }
      const requestedOn = command.addendumRequestedOn ?? today;
      if (!isIsoDate(requestedOn)) return refuse('invalid-date');
      if (requestedOn > today) return refuse('date-in-future');
      return accept({
        type: 'DismissalConcernLogged',
        data: {
          concernId: ctx.newId(),
          description: command.description,
          occurredOn: command.occurredOn,
          byWhom: command.byWhom,
          patientRequestedRecordAddendum: true,
          addendumRequestedOn: requestedOn,
          amendmentDeadline: addCalendarDays(requestedOn, targets.amendmentDeadlineDays),
        },
      });
    }

    case 'add-dismissal-concern-to-record': {
      const problem = answerableConcern(state, command.concernId);
      if (problem) return refuse(problem);
      return accept({ type: 'DismissalConcernAddedToRecord', data: { concernId: command.concernId, note: command.note } });
    }

    case 'deny-dismissal-concern-amendment': {
      const problem = answerableConcern(state, command.concernId);
      if (problem) return refuse(problem);
      if (isBlank(command.reason)) return refuse('blank-text');
      return accept({
        type: 'DismissalConcernAmendmentDenied',
        data: { concernId: command.concernId, reason: command.reason, statementOfDisagreement: command.statementOfDisagreement },
      });
    }

    case 'record-desired-outcome':
      if (isBlank(command.text)) return refuse('blank-text');
      return accept({ type: 'DesiredOutcomeRecorded', data: { text: command.text } });

    case 'add-question':
      if (isBlank(command.text)) return refuse('blank-text');
      return accept({ type: 'QuestionAdded', data: { questionId: ctx.newId(), text: command.text } });

    case 'answer-question': {
      const question = state.questions.find((candidate) => candidate.questionId === command.questionId);
      if (!question) return refuse('question-not-found');
      if (question.answer !== null) return refuse('question-already-answered');
      if (isBlank(command.answer)) return refuse('blank-text');
      return accept({ type: 'QuestionAnswered', data: { questionId: command.questionId, answer: command.answer } });
    }

    case 'schedule-appointment':
      if (state.provider === null) return refuse('no-provider-selected');
      if (state.appointment?.status === 'scheduled') return refuse('appointment-already-scheduled');
      if (state.appointment?.status === 'completed') return refuse('appointment-already-completed');
      if (!isInstant(command.at)) return refuse('invalid-date');
      return accept({
        type: 'AppointmentScheduled',
        data: {
          appointmentId: ctx.newId(),
          at: command.at,
          mode: command.mode,
          providerName: command.providerName ?? state.provider.providerName,
          location: command.location,
        },
      });

    case 'reschedule-appointment':
      if (state.appointment === null) return refuse('no-appointment');
      if (state.appointment.status === 'completed') return refuse('appointment-already-completed');
      if (!isInstant(command.at)) return refuse('invalid-date');
      return accept({
        type: 'AppointmentRescheduled',
        data: { appointmentId: state.appointment.appointmentId, at: command.at, reason: command.reason },
      });

    case 'complete-appointment':
    case 'mark-appointment-missed': {
      if (state.appointment === null) return refuse('no-appointment');
      if (state.appointment.status === 'completed') return refuse('appointment-already-completed');
      if (state.appointment.status !== 'scheduled') return refuse('appointment-not-scheduled');
      const appointmentId = state.appointment.appointmentId;
      return command.type === 'complete-appointment'
        ? accept({ type: 'AppointmentCompleted', data: { appointmentId } })
        : accept({ type: 'AppointmentMissed', data: { appointmentId, reason: command.reason } });
    }

    case 'record-opinion':
      // No appointment needed: many second opinions are a review of the records alone.
      if (state.provider === null) return refuse('no-provider-selected');
      if (opinionsOfCurrentRound(state).length > 0) return refuse('opinion-already-recorded');
      if (isBlank(command.summary)) return refuse('blank-text');
      return accept({
        type: 'OpinionReceived',
        data: { opinionId: ctx.newId(), concordance: command.concordance, summary: command.summary, documentId: command.documentId },
      });

    case 'request-third-opinion':
      if (state.round > 1) return refuse('third-opinion-already-requested');
      if (opinionsOfCurrentRound(state).length === 0) return refuse('no-opinion-yet');
      return accept({ type: 'ThirdOpinionRequested', data: { reason: command.reason } });

    case 'record-decision':
      if (opinionsOfCurrentRound(state).length === 0) return refuse('no-opinion-yet');
      if (command.decision === 'follow-third-opinion' && state.round === 1) return refuse('no-third-opinion');
      if (command.decision === 'seek-third-opinion' && state.round > 1) return refuse('third-opinion-already-requested');
      return accept({ type: 'DecisionRecorded', data: { decision: command.decision, note: command.note } });

    case 'record-consent':
      if (state.consents[command.scope].status === 'given') return refuse('consent-already-given');
      return accept({ type: 'ConsentRecorded', data: { scope: command.scope, method: command.method } });

    case 'withdraw-consent':
      if (state.consents[command.scope].status !== 'given') return refuse('consent-not-given');
      return accept({ type: 'ConsentWithdrawn', data: { scope: command.scope } });

    case 'close-case':
      if (command.outcome === 'opinion-delivered' && state.opinions.length === 0) return refuse('opinion-not-delivered');
      return accept({ type: 'CaseClosed', data: { outcome: command.outcome, note: command.note } });

    case 'withdraw-case':
      if (isBlank(command.reason)) return refuse('blank-text');
      return accept({ type: 'CaseWithdrawn', data: { reason: command.reason } });

    case 'reopen-case':
      return refuse('case-not-ended');
  }
};

/**
 * The case's rules: what a command on the case as it stands turns into, or why it is refused.
 * Pure: the clock and the id source come in through `ctx`, so the same inputs give the same answer.
 */
export const decide = (state: CaseState | undefined, command: CaseCommand, ctx: DecideContext): DecideResult => {
  if (state === undefined) {
    return command.type === 'open-case' ? openCase(command) : refuse('case-not-found');
  }
  if (state.status !== 'open') {
    if (command.type === 'open-case') return refuse('case-already-open');
    if (!includesCode(COMMANDS_ALLOWED_WHEN_ENDED, command.type)) {
      return refuse(state.status === 'closed' ? 'case-closed' : 'case-withdrawn');
    }
    if (command.type === 'reopen-case') {
      if (isBlank(command.reason)) return refuse('blank-text');
      return accept({ type: 'CaseReopened', data: { reason: command.reason } });
    }
  }
  return decideOnOpenCase(state, command, ctx);
};
