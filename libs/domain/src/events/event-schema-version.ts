import type { CaseEventType } from './case-event';

/**
 * The current schema version of each event's data. Bump one when its shape changes and
 * register an upcaster in the event store for the old version; stored rows are never migrated.
 */
export const EVENT_SCHEMA_VERSIONS = {
  CaseOpened: 1,
  AdvocateAssigned: 1,
  CoordinatorAssigned: 1,
  NoteAdded: 1,
  ContactLogged: 1,
  CurrentDoctorInformed: 1,
  ReferralRequested: 1,
  ReferralReceived: 1,
  ReferralDeclined: 1,
  SecondOpinionProviderSelected: 1,
  CoverageChecked: 1,
  PreAuthRequested: 1,
  PreAuthPending: 1,
  PreAuthApproved: 1,
  PreAuthDenied: 1,
  PreAuthAppealed: 1,
  PreAuthFollowUpDue: 1,
  RecordsRequested: 1,
  RecordsTransferStarted: 1,
  RecordsSent: 1,
  RecordsTransferFailed: 1,
  RecordsReceiptConfirmed: 1,
  DismissalConcernLogged: 1,
  DismissalConcernAddedToRecord: 1,
  DismissalConcernAmendmentDenied: 1,
  DesiredOutcomeRecorded: 1,
  QuestionAdded: 1,
  QuestionAnswered: 1,
  AppointmentScheduled: 1,
  AppointmentRescheduled: 1,
  AppointmentCompleted: 1,
  AppointmentMissed: 1,
  OpinionReceived: 1,
  ThirdOpinionRequested: 1,
  DecisionRecorded: 1,
  ConsentRecorded: 1,
  ConsentWithdrawn: 1,
  CaseClosed: 1,
  CaseWithdrawn: 1,
  CaseReopened: 1,
} as const satisfies Record<CaseEventType, number>;

export const schemaVersionOf = (type: CaseEventType): number => EVENT_SCHEMA_VERSIONS[type];
