// The case's vocabulary. Each list is an `as const` array so that contracts (z.enum),
// the dashboard (select options) and the domain share one source; codes are kebab-case,
// as FHIR's are, because they travel in HTTP bodies and event data unchanged.

export const URGENCIES = ['routine', 'soon', 'urgent'] as const;
export type Urgency = (typeof URGENCIES)[number];

export const OPENING_REASONS = [
  'dissatisfied-with-diagnosis',
  'felt-dismissed',
  'unclear-diagnosis',
  'treatment-not-working',
  'exploring-alternatives',
  'uncomfortable-with-doctor',
] as const;
export type OpeningReason = (typeof OPENING_REASONS)[number];

export const CONTACT_CHANNELS = ['call', 'message', 'letter', 'email', 'in-person'] as const;
export type ContactChannel = (typeof CONTACT_CHANNELS)[number];

export const CONTACT_DIRECTIONS = ['outbound', 'inbound'] as const;
export type ContactDirection = (typeof CONTACT_DIRECTIONS)[number];

export const CONTACT_PARTIES = [
  'patient',
  'current-provider',
  'second-opinion-provider',
  'insurer',
  'other',
] as const;
export type ContactParty = (typeof CONTACT_PARTIES)[number];

export const CONTACT_OUTCOMES = [
  'reached',
  'left-message',
  'no-answer',
  'sent',
  'replied',
  'wrong-contact-details',
] as const;
export type ContactOutcome = (typeof CONTACT_OUTCOMES)[number];

export const PROVIDER_SOURCES = ['referral', 'insurer-directory', 'hospital-website'] as const;
export type ProviderSource = (typeof PROVIDER_SOURCES)[number];

/**
 * Document kinds a records request can name. The first eight are the advocates'
 * second-opinion checklist (DOMAIN.md); slides and imaging files are separate from
 * their reports because the reviewing pathologist or radiologist needs the originals.
 */
export const DOCUMENT_KINDS = [
  'full-referring-record',
  'pathology-reports',
  'pathology-slides',
  'imaging-files',
  'operative-notes',
  'medication-list',
  'recent-test-results',
  'illness-timeline',
  'imaging-reports',
  'referral-letter',
  'clinic-notes',
  'other',
] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

export const RECORDS_CHECKLIST = [
  'full-referring-record',
  'pathology-reports',
  'pathology-slides',
  'imaging-files',
  'operative-notes',
  'medication-list',
  'recent-test-results',
  'illness-timeline',
] as const satisfies readonly DocumentKind[];
export type ChecklistDocumentKind = (typeof RECORDS_CHECKLIST)[number];

export const CONCORDANCES = ['confirms', 'refines', 'different-diagnosis', 'different-treatment'] as const;
export type Concordance = (typeof CONCORDANCES)[number];

/** Concordances that leave the patient with two conflicting plans to choose between. */
export const CONFLICTING_CONCORDANCES = ['different-diagnosis', 'different-treatment'] as const satisfies readonly Concordance[];

export const DECISIONS = [
  'stay-with-original',
  'follow-second-opinion',
  'follow-third-opinion',
  'seek-third-opinion',
  'undecided',
] as const;
export type Decision = (typeof DECISIONS)[number];

export const APPOINTMENT_MODES = ['in-person', 'video', 'phone', 'records-review'] as const;
export type AppointmentMode = (typeof APPOINTMENT_MODES)[number];

export const CONSENT_SCOPES = ['equity-self-identification', 'records-release'] as const;
export type ConsentScope = (typeof CONSENT_SCOPES)[number];

export const CONSENT_METHODS = ['verbal', 'written', 'portal'] as const;
export type ConsentMethod = (typeof CONSENT_METHODS)[number];

export const CLOSE_OUTCOMES = [
  'opinion-delivered',
  'not-covered',
  'unable-to-reach-patient',
  'referred-elsewhere',
  'no-longer-needed',
  'duplicate',
] as const;
export type CloseOutcome = (typeof CLOSE_OUTCOMES)[number];

export const CASE_STATUSES = ['open', 'closed', 'withdrawn'] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

export const REFERRAL_STATUSES = ['not-requested', 'requested', 'received', 'declined'] as const;
export type ReferralStatus = (typeof REFERRAL_STATUSES)[number];

export const PRE_AUTH_STATUSES = ['not-requested', 'requested', 'pending', 'approved', 'denied', 'appealed'] as const;
export type PreAuthStatus = (typeof PRE_AUTH_STATUSES)[number];

/** Pre-auth statuses in which the insurer still owes a decision. */
export const PRE_AUTH_AWAITING_DECISION = ['requested', 'pending', 'appealed'] as const satisfies readonly PreAuthStatus[];

export const RECORDS_REQUEST_STATUSES = ['requested', 'in-transfer', 'sent', 'failed', 'received'] as const;
export type RecordsRequestStatus = (typeof RECORDS_REQUEST_STATUSES)[number];

export const DISMISSAL_CONCERN_STATUSES = ['logged', 'addendum-requested', 'added-to-record', 'amendment-denied'] as const;
export type DismissalConcernStatus = (typeof DISMISSAL_CONCERN_STATUSES)[number];

export const APPOINTMENT_STATUSES = ['scheduled', 'completed', 'missed'] as const;
export type AppointmentStatus = (typeof APPOINTMENT_STATUSES)[number];

export const CONSENT_STATUSES = ['not-asked', 'given', 'withdrawn'] as const;
export type ConsentStatus = (typeof CONSENT_STATUSES)[number];

export const includesCode = <T extends string>(list: readonly T[], value: string): value is T =>
  (list as readonly string[]).includes(value);
