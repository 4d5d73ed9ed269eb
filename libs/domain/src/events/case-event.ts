import type {
  AppointmentMode,
  CloseOutcome,
  Concordance,
  ConsentMethod,
  ConsentScope,
  ContactChannel,
  ContactDirection,
  ContactOutcome,
  ContactParty,
  Decision,
  DocumentKind,
  OpeningReason,
  ProviderSource,
  Urgency,
} from '../codes';

// Dates are ISO strings so that event data survives JSON unchanged:
// `IsoDate` is a calendar day (YYYY-MM-DD), `IsoDateTime` an instant (with offset or Z).
export type IsoDate = string;
export type IsoDateTime = string;

export interface RequestedDocument {
  kind: DocumentKind;
  description: string;
  /** An uploaded document on this case, when the file is already in hand. */
  documentId?: string;
}

/**
 * The data of each event, keyed by its past-tense type.
 *
 * Personal data stays out of the log: the log is immutable, and erasure requests must not
 * be blocked by it. `CaseOpened` carries only the `patientId` (names, date of birth and MRN
 * live in the erasable patients store), and `ConsentRecorded` only says that consent was
 * given; the equity self-identification answers (race and ethnicity, disability, LGBTQIA+
 * identity, hardship) are personal and live beside the patient in the erasable store.
 * Free-text fields (notes, summaries) are operational text; staff are asked not to put
 * identifying details in them.
 */
export interface CaseEventDataMap {
  CaseOpened: {
    patientId: string;
    reasons: OpeningReason[];
    urgency: Urgency;
    specialty: string;
    currentDiagnosis?: string;
    currentTreatment?: string;
    currentProvider?: string;
    targetDate?: IsoDate;
  };
  AdvocateAssigned: { advocateId: string; previousAdvocateId?: string };
  CoordinatorAssigned: { coordinatorId: string; previousCoordinatorId?: string };
  NoteAdded: { noteId: string; text: string };
  ContactLogged: {
    contactId: string;
    channel: ContactChannel;
    direction: ContactDirection;
    party: ContactParty;
    outcome: ContactOutcome;
    summary?: string;
  };
  CurrentDoctorInformed: { channel?: ContactChannel; note?: string };
  ReferralRequested: { toProvider?: string; note?: string };
  ReferralReceived: { reference?: string; note?: string };
  ReferralDeclined: { reason: string };
  SecondOpinionProviderSelected: {
    providerName: string;
    inNetwork: boolean;
    foundVia: ProviderSource;
    /** Identifier in the clinic's provider configuration (records destination). */
    providerId?: string;
  };
  CoverageChecked: {
    coversSecondOpinions: boolean;
    inNetworkOnly: boolean;
    preAuthRequired: boolean;
    /** Money in minor units (cents) so sums and medians stay exact. */
    estimatedOutOfPocketCents: number;
    estimatedTravelCostCents: number;
    currency: string;
    costConcern: boolean;
    insurerName?: string;
    note?: string;
  };
  PreAuthRequested: { insurerReference?: string; expedited: boolean; note?: string };
  PreAuthPending: { insurerReference?: string };
  PreAuthApproved: { authorizationNumber?: string; validUntil?: IsoDate };
  PreAuthDenied: { reason: string };
  PreAuthAppealed: { grounds: string };
  PreAuthFollowUpDue: { awaitingSince: IsoDateTime; targetHours: number };
  RecordsRequested: {
    requestId: string;
    fromProvider: string;
    toProvider: string;
    documents: RequestedDocument[];
    note?: string;
  };
  RecordsTransferStarted: { requestId: string };
  RecordsSent: { requestId: string; receipt: string };
  RecordsTransferFailed: { requestId: string; reason: string; attempts: number };
  RecordsReceiptConfirmed: { requestId: string; confirmedBy?: string };
  DismissalConcernLogged: {
    concernId: string;
    description: string;
    occurredOn: IsoDate;
    byWhom?: string;
    patientRequestedRecordAddendum: boolean;
    /** Day the patient asked to amend the record; present when they asked. */
    addendumRequestedOn?: IsoDate;
    /**
     * HIPAA 45 CFR 164.526(b)(2): the provider must act on an amendment request within
     * 60 days. Stored rather than derived so that a later change of rule does not move the
     * deadline the patient was given.
     */
    amendmentDeadline?: IsoDate;
  };
  DismissalConcernAddedToRecord: { concernId: string; note?: string };
  DismissalConcernAmendmentDenied: {
    concernId: string;
    reason: string;
    /** The patient's right, not a duty (164.526(d)(1)(ii)): absent if they filed none. */
    statementOfDisagreement?: string;
  };
  DesiredOutcomeRecorded: { text: string };
  QuestionAdded: { questionId: string; text: string };
  QuestionAnswered: { questionId: string; answer: string };
  AppointmentScheduled: {
    appointmentId: string;
    at: IsoDateTime;
    mode: AppointmentMode;
    providerName?: string;
    location?: string;
  };
  AppointmentRescheduled: { appointmentId: string; at: IsoDateTime; reason?: string };
  AppointmentCompleted: { appointmentId: string };
  AppointmentMissed: { appointmentId: string; reason?: string };
  OpinionReceived: { opinionId: string; concordance: Concordance; summary: string; documentId?: string };
  ThirdOpinionRequested: { reason?: string };
  DecisionRecorded: { decision: Decision; note?: string };
  ConsentRecorded: { scope: ConsentScope; method: ConsentMethod };
  ConsentWithdrawn: { scope: ConsentScope };
  CaseClosed: { outcome: CloseOutcome; note?: string };
  CaseWithdrawn: { reason: string };
  CaseReopened: { reason: string };
}

export type CaseEventType = keyof CaseEventDataMap;

export type CaseEventOf<K extends CaseEventType> = { type: K; data: CaseEventDataMap[K] };

export type CaseEvent = { [K in CaseEventType]: CaseEventOf<K> }[CaseEventType];

/** An event as read back from the store: the store's metadata supplies `occurredAt`. */
export type RecordedCaseEvent = CaseEvent & { occurredAt: IsoDateTime };

export const CASE_EVENT_TYPES = [
  'CaseOpened',
  'AdvocateAssigned',
  'CoordinatorAssigned',
  'NoteAdded',
  'ContactLogged',
  'CurrentDoctorInformed',
  'ReferralRequested',
  'ReferralReceived',
  'ReferralDeclined',
  'SecondOpinionProviderSelected',
  'CoverageChecked',
  'PreAuthRequested',
  'PreAuthPending',
  'PreAuthApproved',
  'PreAuthDenied',
  'PreAuthAppealed',
  'PreAuthFollowUpDue',
  'RecordsRequested',
  'RecordsTransferStarted',
  'RecordsSent',
  'RecordsTransferFailed',
  'RecordsReceiptConfirmed',
  'DismissalConcernLogged',
  'DismissalConcernAddedToRecord',
  'DismissalConcernAmendmentDenied',
  'DesiredOutcomeRecorded',
  'QuestionAdded',
  'QuestionAnswered',
  'AppointmentScheduled',
  'AppointmentRescheduled',
  'AppointmentCompleted',
  'AppointmentMissed',
  'OpinionReceived',
  'ThirdOpinionRequested',
  'DecisionRecorded',
  'ConsentRecorded',
  'ConsentWithdrawn',
  'CaseClosed',
  'CaseWithdrawn',
  'CaseReopened',
] as const satisfies readonly CaseEventType[];

// Fails to compile if an event type is added to the data map but not to the list above.
type MissingEventTypes = Exclude<CaseEventType, (typeof CASE_EVENT_TYPES)[number]>;
const _allEventTypesListed: MissingEventTypes extends never ? true : never = true;
void _allEventTypesListed;

export const isCaseEventType = (value: string): value is CaseEventType =>
  (CASE_EVENT_TYPES as readonly string[]).includes(value);
