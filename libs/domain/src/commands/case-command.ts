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
  OpeningReason,
  ProviderSource,
  Urgency,
} from '../codes';
import type { IsoDate, IsoDateTime, RequestedDocument } from '../events/case-event';

/** A command with no fields of its own. */
export type NoFields = Record<never, never>;

/**
 * The fields of each command, keyed by its kebab-case name. The name is the last segment of
 * `POST /api/cases/:id/commands/:command`, and the HTTP body is exactly this payload, so the
 * api builds a command as `{ type: name, ...body }` with no mapping layer to drift.
 * Identifiers of things a command creates (notes, questions, records requests...) are
 * minted by `decide` through `ctx.newId`, never taken from the client.
 */
export interface CaseCommandPayloads {
  'open-case': {
    patientId: string;
    reasons: OpeningReason[];
    urgency: Urgency;
    specialty: string;
    currentDiagnosis?: string;
    currentTreatment?: string;
    currentProvider?: string;
    targetDate?: IsoDate;
  };
  'add-note': { text: string };
  'assign-advocate': { advocateId: string };
  'assign-coordinator': { coordinatorId: string };
  'log-contact': {
    channel: ContactChannel;
    direction: ContactDirection;
    party: ContactParty;
    outcome: ContactOutcome;
    summary?: string;
  };
  'inform-current-doctor': { channel?: ContactChannel; note?: string };
  'request-referral': { toProvider?: string; note?: string };
  'receive-referral': { reference?: string; note?: string };
  'decline-referral': { reason: string };
  'select-provider': { providerName: string; inNetwork: boolean; foundVia: ProviderSource; providerId?: string };
  'check-coverage': {
    coversSecondOpinions: boolean;
    inNetworkOnly: boolean;
    preAuthRequired: boolean;
    estimatedOutOfPocketCents: number;
    estimatedTravelCostCents: number;
    /** ISO 4217; USD when absent. */
    currency?: string;
    costConcern?: boolean;
    insurerName?: string;
    note?: string;
  };
  'request-pre-auth': {
    insurerReference?: string;
    /** Defaults to true for urgent and soon cases (see targets.ts). */
    expedited?: boolean;
    note?: string;
  };
  'mark-pre-auth-pending': { insurerReference?: string };
  'approve-pre-auth': { authorizationNumber?: string; validUntil?: IsoDate };
  'deny-pre-auth': { reason: string };
  'appeal-pre-auth': { grounds: string };
  /** Sent by the worker's follow-up timer, not by people. */
  'record-pre-auth-follow-up-due': NoFields;
  'request-records': {
    fromProvider: string;
    toProvider: string;
    documents: RequestedDocument[];
    note?: string;
  };
  'start-records-transfer': { requestId: string };
  'record-records-sent': { requestId: string; receipt: string };
  'record-records-transfer-failed': { requestId: string; reason: string; attempts: number };
  'confirm-records-receipt': { requestId: string; confirmedBy?: string };
  'log-dismissal-concern': {
    description: string;
    occurredOn: IsoDate;
    byWhom?: string;
    patientRequestedRecordAddendum: boolean;
    /** Day the patient asked for the addendum; today when absent. */
    addendumRequestedOn?: IsoDate;
  };
  'add-dismissal-concern-to-record': { concernId: string; note?: string };
  'deny-dismissal-concern-amendment': { concernId: string; reason: string; statementOfDisagreement?: string };
  'record-desired-outcome': { text: string };
  'add-question': { text: string };
  'answer-question': { questionId: string; answer: string };
  'schedule-appointment': { at: IsoDateTime; mode: AppointmentMode; providerName?: string; location?: string };
  'reschedule-appointment': { at: IsoDateTime; reason?: string };
  'complete-appointment': NoFields;
  'mark-appointment-missed': { reason?: string };
  'record-opinion': { concordance: Concordance; summary: string; documentId?: string };
  'request-third-opinion': { reason?: string };
  'record-decision': { decision: Decision; note?: string };
  'record-consent': { scope: ConsentScope; method: ConsentMethod };
  'withdraw-consent': { scope: ConsentScope };
  'close-case': { outcome: CloseOutcome; note?: string };
  'withdraw-case': { reason: string };
  'reopen-case': { reason: string };
}

export type CaseCommandName = keyof CaseCommandPayloads;

export type CaseCommandOf<K extends CaseCommandName> = { type: K } & CaseCommandPayloads[K];

export type CaseCommand = { [K in CaseCommandName]: CaseCommandOf<K> }[CaseCommandName];

export const CASE_COMMAND_NAMES = [
  'open-case',
  'add-note',
  'assign-advocate',
  'assign-coordinator',
  'log-contact',
  'inform-current-doctor',
  'request-referral',
  'receive-referral',
  'decline-referral',
  'select-provider',
  'check-coverage',
  'request-pre-auth',
  'mark-pre-auth-pending',
  'approve-pre-auth',
  'deny-pre-auth',
  'appeal-pre-auth',
  'record-pre-auth-follow-up-due',
  'request-records',
  'start-records-transfer',
  'record-records-sent',
  'record-records-transfer-failed',
  'confirm-records-receipt',
  'log-dismissal-concern',
  'add-dismissal-concern-to-record',
  'deny-dismissal-concern-amendment',
  'record-desired-outcome',
  'add-question',
  'answer-question',
  'schedule-appointment',
  'reschedule-appointment',
  'complete-appointment',
  'mark-appointment-missed',
  'record-opinion',
  'request-third-opinion',
  'record-decision',
  'record-consent',
  'withdraw-consent',
  'close-case',
  'withdraw-case',
  'reopen-case',
] as const satisfies readonly CaseCommandName[];

type MissingCommandNames = Exclude<CaseCommandName, (typeof CASE_COMMAND_NAMES)[number]>;
const _allCommandsListed: MissingCommandNames extends never ? true : never = true;
void _allCommandsListed;

/** Commands sent to an existing case through `POST /api/cases/:id/commands/:command`. */
export type CaseStreamCommandName = Exclude<CaseCommandName, 'open-case'>;
export const CASE_STREAM_COMMAND_NAMES = CASE_COMMAND_NAMES.filter(
  (name): name is CaseStreamCommandName => name !== 'open-case',
);

export const isCaseCommandName = (value: string): value is CaseCommandName =>
  (CASE_COMMAND_NAMES as readonly string[]).includes(value);

/** Commands still accepted once a case is closed or withdrawn. */
export const COMMANDS_ALLOWED_WHEN_ENDED = ['add-note', 'reopen-case'] as const satisfies readonly CaseCommandName[];
