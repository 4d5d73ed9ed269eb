import type { CaseEvent } from './events/case-event';
import {
  CLOSE_OUTCOME_LABELS,
  CONCORDANCE_LABELS,
  CONSENT_SCOPE_LABELS,
  CONTACT_CHANNEL_LABELS,
  CONTACT_OUTCOME_LABELS,
  CONTACT_PARTY_LABELS,
  DECISION_LABELS,
  DOCUMENT_KIND_LABELS,
  EVENT_TYPE_LABELS,
  PROVIDER_SOURCE_LABELS,
  URGENCY_LABELS,
} from './labels';

const withDetail = (event: CaseEvent, detail: string | undefined): string =>
  detail ? `${EVENT_TYPE_LABELS[event.type]}: ${detail}` : EVENT_TYPE_LABELS[event.type];

/**
 * One line in plain words for the case timeline. Identifiers (user ids, request ids) are
 * left out: the timeline shows who acted from the event's metadata, resolved by the api.
 */
export const describeEvent = (event: CaseEvent): string => {
  switch (event.type) {
    case 'CaseOpened':
      return withDetail(event, `${URGENCY_LABELS[event.data.urgency].toLowerCase()}, ${event.data.specialty}`);
    case 'ContactLogged':
      return withDetail(
        event,
        `${CONTACT_CHANNEL_LABELS[event.data.channel]} with ${CONTACT_PARTY_LABELS[event.data.party].toLowerCase()}, ${CONTACT_OUTCOME_LABELS[event.data.outcome].toLowerCase()}`,
      );
    case 'ReferralDeclined':
    case 'PreAuthDenied':
    case 'CaseWithdrawn':
    case 'CaseReopened':
      return withDetail(event, event.data.reason);
    case 'SecondOpinionProviderSelected':
      return withDetail(
        event,
        `${event.data.providerName} (${event.data.inNetwork ? 'in network' : 'out of network'}, found via ${PROVIDER_SOURCE_LABELS[event.data.foundVia].toLowerCase()})`,
      );
    case 'CoverageChecked':
      return withDetail(
        event,
        event.data.coversSecondOpinions
          ? `second opinions covered${event.data.preAuthRequired ? ', pre-authorization required' : ''}`
          : 'second opinions not covered',
      );
    case 'PreAuthAppealed':
      return withDetail(event, event.data.grounds);
    case 'RecordsRequested':
      return withDetail(
        event,
        `${event.data.documents.map((document) => DOCUMENT_KIND_LABELS[document.kind].toLowerCase()).join(', ')} from ${event.data.fromProvider} to ${event.data.toProvider}`,
      );
    case 'RecordsTransferFailed':
      return withDetail(event, `${event.data.reason} after ${event.data.attempts} attempt${event.data.attempts === 1 ? '' : 's'}`);
    case 'DismissalConcernLogged':
      return withDetail(
        event,
        event.data.patientRequestedRecordAddendum
          ? `patient asked to add it to the record; answer due by ${event.data.amendmentDeadline}`
          : `occurred on ${event.data.occurredOn}`,
      );
    case 'DismissalConcernAmendmentDenied':
      return withDetail(event, event.data.statementOfDisagreement ? `${event.data.reason}; statement of disagreement filed` : event.data.reason);
    case 'QuestionAdded':
      return withDetail(event, event.data.text);
    case 'AppointmentScheduled':
    case 'AppointmentRescheduled':
      return withDetail(event, event.data.at);
    case 'OpinionReceived':
      return withDetail(event, CONCORDANCE_LABELS[event.data.concordance].toLowerCase());
    case 'DecisionRecorded':
      return withDetail(event, DECISION_LABELS[event.data.decision].toLowerCase());
    case 'ConsentRecorded':
    case 'ConsentWithdrawn':
      return withDetail(event, CONSENT_SCOPE_LABELS[event.data.scope].toLowerCase());
    case 'CaseClosed':
      return withDetail(event, CLOSE_OUTCOME_LABELS[event.data.outcome].toLowerCase());
    case 'AdvocateAssigned':
    case 'CoordinatorAssigned':
    case 'NoteAdded':
    case 'CurrentDoctorInformed':
    case 'ReferralRequested':
    case 'ReferralReceived':
    case 'PreAuthRequested':
    case 'PreAuthPending':
    case 'PreAuthApproved':
    case 'PreAuthFollowUpDue':
    case 'RecordsTransferStarted':
    case 'RecordsSent':
    case 'RecordsReceiptConfirmed':
    case 'DismissalConcernAddedToRecord':
    case 'DesiredOutcomeRecorded':
    case 'QuestionAnswered':
    case 'AppointmentCompleted':
    case 'AppointmentMissed':
    case 'ThirdOpinionRequested':
      return EVENT_TYPE_LABELS[event.type];
  }
};
