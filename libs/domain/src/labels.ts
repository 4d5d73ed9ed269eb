import type {
  AppointmentMode,
  AppointmentStatus,
  CaseStatus,
  CloseOutcome,
  Concordance,
  ConsentMethod,
  ConsentScope,
  ConsentStatus,
  ContactChannel,
  ContactDirection,
  ContactOutcome,
  ContactParty,
  Decision,
  DismissalConcernStatus,
  DocumentKind,
  OpeningReason,
  PreAuthStatus,
  ProviderSource,
  RecordsRequestStatus,
  ReferralStatus,
  Urgency,
} from './codes';
import type { CaseCommandName } from './commands/case-command';
import type { CaseEventType } from './events/case-event';
import type { Phase } from './phase';
import type { RiskFlag } from './risk-flags';

// Human words for every code, in one place, so the timeline, the worklist and the reports
// say the same thing. Typed as complete records: a new code without a label fails to compile.

export const PHASE_LABELS: Record<Phase, string> = {
  intake: 'Intake',
  'referral-and-coverage': 'Referral and coverage',
  records: 'Records',
  scheduled: 'Scheduled',
  'awaiting-opinion': 'Awaiting opinion',
  decision: 'Decision',
  closed: 'Closed',
};

export const RISK_FLAG_LABELS: Record<RiskFlag, string> = {
  'urgent-not-scheduled': 'Urgent case not scheduled by its target date',
  'pre-auth-pending-too-long': 'Pre-authorization pending too long',
  'records-transfer-failed': 'Records transfer failed',
  'records-overdue': 'Records not collected in time',
  'referral-declined-no-provider': 'Referral declined and no provider found',
  'conflicting-opinion-awaiting-decision': 'Conflicting opinion awaiting a decision',
  'cost-concern': 'Cost concern',
  'dismissal-concern-not-on-record': 'Dismissal concern not yet on the record',
  'amendment-deadline-near': 'Record amendment deadline near',
};

export const EVENT_TYPE_LABELS: Record<CaseEventType, string> = {
  CaseOpened: 'Case opened',
  AdvocateAssigned: 'Advocate assigned',
  CoordinatorAssigned: 'Coordinator assigned',
  NoteAdded: 'Note added',
  ContactLogged: 'Contact logged',
  CurrentDoctorInformed: 'Current doctor informed',
  ReferralRequested: 'Referral requested',
  ReferralReceived: 'Referral received',
  ReferralDeclined: 'Referral declined',
  SecondOpinionProviderSelected: 'Second-opinion provider selected',
  CoverageChecked: 'Coverage checked',
  PreAuthRequested: 'Pre-authorization requested',
  PreAuthPending: 'Pre-authorization pending with the insurer',
  PreAuthApproved: 'Pre-authorization approved',
  PreAuthDenied: 'Pre-authorization denied',
  PreAuthAppealed: 'Pre-authorization denial appealed',
  PreAuthFollowUpDue: 'Pre-authorization follow-up due',
  RecordsRequested: 'Records requested',
  RecordsTransferStarted: 'Records transfer started',
  RecordsSent: 'Records sent',
  RecordsTransferFailed: 'Records transfer failed',
  RecordsReceiptConfirmed: 'Records receipt confirmed',
  DismissalConcernLogged: 'Dismissal concern logged',
  DismissalConcernAddedToRecord: 'Dismissal concern added to the medical record',
  DismissalConcernAmendmentDenied: 'Record amendment denied',
  DesiredOutcomeRecorded: 'Desired outcome recorded',
  QuestionAdded: 'Question added',
  QuestionAnswered: 'Question answered',
  AppointmentScheduled: 'Appointment scheduled',
  AppointmentRescheduled: 'Appointment rescheduled',
  AppointmentCompleted: 'Appointment completed',
  AppointmentMissed: 'Appointment missed',
  OpinionReceived: 'Opinion received',
  ThirdOpinionRequested: 'Third opinion requested',
  DecisionRecorded: 'Decision recorded',
  ConsentRecorded: 'Consent recorded',
  ConsentWithdrawn: 'Consent withdrawn',
  CaseClosed: 'Case closed',
  CaseWithdrawn: 'Case withdrawn',
  CaseReopened: 'Case reopened',
};

export const COMMAND_LABELS: Record<CaseCommandName, string> = {
  'open-case': 'Open case',
  'add-note': 'Add note',
  'assign-advocate': 'Assign advocate',
  'assign-coordinator': 'Assign coordinator',
  'log-contact': 'Log contact',
  'inform-current-doctor': 'Record that the current doctor was told',
  'request-referral': 'Request referral',
  'receive-referral': 'Record referral received',
  'decline-referral': 'Record referral declined',
  'select-provider': 'Select second-opinion provider',
  'check-coverage': 'Record coverage check',
  'request-pre-auth': 'Request pre-authorization',
  'mark-pre-auth-pending': 'Mark pre-authorization pending',
  'approve-pre-auth': 'Record pre-authorization approved',
  'deny-pre-auth': 'Record pre-authorization denied',
  'appeal-pre-auth': 'Appeal pre-authorization denial',
  'record-pre-auth-follow-up-due': 'Raise pre-authorization follow-up',
  'request-records': 'Request records',
  'start-records-transfer': 'Start records transfer',
  'record-records-sent': 'Record records sent',
  'record-records-transfer-failed': 'Record records transfer failed',
  'confirm-records-receipt': 'Confirm records received',
  'log-dismissal-concern': 'Log dismissal concern',
  'add-dismissal-concern-to-record': 'Record concern added to the medical record',
  'deny-dismissal-concern-amendment': 'Record amendment denied',
  'record-desired-outcome': 'Record desired outcome',
  'add-question': 'Add question',
  'answer-question': 'Answer question',
  'schedule-appointment': 'Schedule appointment',
  'reschedule-appointment': 'Reschedule appointment',
  'complete-appointment': 'Record appointment completed',
  'mark-appointment-missed': 'Record appointment missed',
  'record-opinion': 'Record opinion',
  'request-third-opinion': 'Request third opinion',
  'record-decision': 'Record decision',
  'record-consent': 'Record consent',
  'withdraw-consent': 'Withdraw consent',
  'close-case': 'Close case',
  'withdraw-case': 'Withdraw case',
  'reopen-case': 'Reopen case',
};

export const URGENCY_LABELS: Record<Urgency, string> = { routine: 'Routine', soon: 'Soon', urgent: 'Urgent' };

export const OPENING_REASON_LABELS: Record<OpeningReason, string> = {
  'dissatisfied-with-diagnosis': 'Dissatisfied with the diagnosis',
  'felt-dismissed': 'Felt dismissed',
  'unclear-diagnosis': 'Unclear diagnosis',
  'treatment-not-working': 'Treatment not working',
  'exploring-alternatives': 'Exploring alternatives',
  'uncomfortable-with-doctor': 'Uncomfortable with the current doctor',
};

export const CONTACT_CHANNEL_LABELS: Record<ContactChannel, string> = {
  call: 'Call',
  message: 'Message',
  letter: 'Letter',
  email: 'Email',
  'in-person': 'In person',
};

export const CONTACT_DIRECTION_LABELS: Record<ContactDirection, string> = { outbound: 'Outgoing', inbound: 'Incoming' };

export const CONTACT_PARTY_LABELS: Record<ContactParty, string> = {
  patient: 'Patient',
  'current-provider': 'Current provider',
  'second-opinion-provider': 'Second-opinion provider',
  insurer: 'Insurer',
  other: 'Other',
};

export const CONTACT_OUTCOME_LABELS: Record<ContactOutcome, string> = {
  reached: 'Reached',
  'left-message': 'Left a message',
  'no-answer': 'No answer',
  sent: 'Sent',
  replied: 'Replied',
  'wrong-contact-details': 'Wrong contact details',
};

export const PROVIDER_SOURCE_LABELS: Record<ProviderSource, string> = {
  referral: 'Referral',
  'insurer-directory': "Insurer's directory",
  'hospital-website': 'Hospital website',
};

export const DOCUMENT_KIND_LABELS: Record<DocumentKind, string> = {
  'full-referring-record': 'Full referring record',
  'pathology-reports': 'Pathology reports',
  'pathology-slides': 'Pathology slides',
  'imaging-files': 'Imaging files (not only the reports)',
  'operative-notes': 'Operative notes',
  'medication-list': 'Medication list',
  'recent-test-results': 'Recent test results',
  'illness-timeline': 'One-page timeline of the illness',
  'imaging-reports': 'Imaging reports',
  'referral-letter': 'Referral letter',
  'clinic-notes': 'Clinic notes',
  other: 'Other document',
};

export const CONCORDANCE_LABELS: Record<Concordance, string> = {
  confirms: 'Confirms the diagnosis and treatment',
  refines: 'Refines the diagnosis or treatment',
  'different-diagnosis': 'Different diagnosis',
  'different-treatment': 'Different treatment',
};

export const DECISION_LABELS: Record<Decision, string> = {
  'stay-with-original': 'Stay with the original plan',
  'follow-second-opinion': 'Follow the second opinion',
  'follow-third-opinion': 'Follow the third opinion',
  'seek-third-opinion': 'Seek a third opinion',
  undecided: 'Undecided',
};

export const APPOINTMENT_MODE_LABELS: Record<AppointmentMode, string> = {
  'in-person': 'In person',
  video: 'Video',
  phone: 'Phone',
  'records-review': 'Review of records only',
};

export const CONSENT_SCOPE_LABELS: Record<ConsentScope, string> = {
  'equity-self-identification': 'Self-identification for equity reporting',
  'records-release': 'Release of records to the second-opinion provider',
};

export const CONSENT_METHOD_LABELS: Record<ConsentMethod, string> = { verbal: 'Verbal', written: 'Written', portal: 'Patient portal' };

export const CLOSE_OUTCOME_LABELS: Record<CloseOutcome, string> = {
  'opinion-delivered': 'Opinion delivered',
  'not-covered': 'Not covered',
  'unable-to-reach-patient': 'Unable to reach the patient',
  'referred-elsewhere': 'Referred elsewhere',
  'no-longer-needed': 'No longer needed',
  duplicate: 'Duplicate case',
};

export const CASE_STATUS_LABELS: Record<CaseStatus, string> = { open: 'Open', closed: 'Closed', withdrawn: 'Withdrawn' };

export const REFERRAL_STATUS_LABELS: Record<ReferralStatus, string> = {
  'not-requested': 'Not requested',
  requested: 'Requested',
  received: 'Received',
  declined: 'Declined',
};

export const PRE_AUTH_STATUS_LABELS: Record<PreAuthStatus, string> = {
  'not-requested': 'Not requested',
  requested: 'Requested',
  pending: 'Pending with the insurer',
  approved: 'Approved',
  denied: 'Denied',
  appealed: 'Appealed',
};

export const RECORDS_REQUEST_STATUS_LABELS: Record<RecordsRequestStatus, string> = {
  requested: 'Requested',
  'in-transfer': 'Transfer in progress',
  sent: 'Sent',
  failed: 'Transfer failed',
  received: 'Receipt confirmed',
};

export const DISMISSAL_CONCERN_STATUS_LABELS: Record<DismissalConcernStatus, string> = {
  logged: 'Logged',
  'addendum-requested': 'Patient asked to add it to the record',
  'added-to-record': 'Added to the medical record',
  'amendment-denied': 'Amendment denied',
};

export const APPOINTMENT_STATUS_LABELS: Record<AppointmentStatus, string> = {
  scheduled: 'Scheduled',
  completed: 'Completed',
  missed: 'Missed',
};

export const CONSENT_STATUS_LABELS: Record<ConsentStatus, string> = {
  'not-asked': 'Not asked',
  given: 'Given',
  withdrawn: 'Withdrawn',
};
