import type {
  AppointmentMode,
  AppointmentStatus,
  CaseStatus,
  CloseOutcome,
  Concordance,
  ConsentMethod,
  ConsentScope,
  ConsentStatus,
  Decision,
  DismissalConcernStatus,
  OpeningReason,
  PreAuthStatus,
  ProviderSource,
  RecordsRequestStatus,
  ReferralStatus,
  Urgency,
} from './codes';
import type { IsoDate, IsoDateTime, RequestedDocument } from './events/case-event';

// The case as `evolve` folds it: a plain, JSON-serialisable object (no Maps, no Dates, no
// class instances) so the api can store it as the inline read model and compare rebuilds.
// Absent values are `null`, not missing, so every stored row has the same shape.

export interface ReferralState {
  status: ReferralStatus;
  toProvider: string | null;
  requestedAt: IsoDateTime | null;
  decidedAt: IsoDateTime | null;
  reference: string | null;
  declineReason: string | null;
}

export interface ProviderState {
  providerName: string;
  providerId: string | null;
  inNetwork: boolean;
  foundVia: ProviderSource;
  selectedAt: IsoDateTime;
}

export interface CoverageState {
  coversSecondOpinions: boolean;
  inNetworkOnly: boolean;
  preAuthRequired: boolean;
  estimatedOutOfPocketCents: number;
  estimatedTravelCostCents: number;
  currency: string;
  costConcern: boolean;
  insurerName: string | null;
  checkedAt: IsoDateTime;
}

export interface PreAuthState {
  status: PreAuthStatus;
  expedited: boolean;
  insurerReference: string | null;
  requestedAt: IsoDateTime | null;
  /** When the insurer's current wait began: the request, or the appeal after a denial. */
  awaitingSince: IsoDateTime | null;
  decidedAt: IsoDateTime | null;
  authorizationNumber: string | null;
  validUntil: IsoDate | null;
  denialReason: string | null;
  appealedAt: IsoDateTime | null;
  followUpDueAt: IsoDateTime | null;
}

export interface RecordsRequestState {
  requestId: string;
  round: number;
  fromProvider: string;
  toProvider: string;
  documents: RequestedDocument[];
  status: RecordsRequestStatus;
  requestedAt: IsoDateTime;
  transferStartedAt: IsoDateTime | null;
  sentAt: IsoDateTime | null;
  receipt: string | null;
  failure: { reason: string; attempts: number; at: IsoDateTime } | null;
  receivedAt: IsoDateTime | null;
}

export interface DismissalConcernState {
  concernId: string;
  description: string;
  occurredOn: IsoDate;
  byWhom: string | null;
  loggedAt: IsoDateTime;
  patientRequestedRecordAddendum: boolean;
  status: DismissalConcernStatus;
  addendumRequestedOn: IsoDate | null;
  amendmentDeadline: IsoDate | null;
  resolvedAt: IsoDateTime | null;
  denialReason: string | null;
  statementOfDisagreement: string | null;
}

export interface QuestionState {
  questionId: string;
  text: string;
  askedAt: IsoDateTime;
  answer: string | null;
  answeredAt: IsoDateTime | null;
}

export interface AppointmentState {
  appointmentId: string;
  round: number;
  status: AppointmentStatus;
  at: IsoDateTime;
  mode: AppointmentMode;
  providerName: string | null;
  location: string | null;
  scheduledAt: IsoDateTime;
  rescheduleCount: number;
}

export interface OpinionState {
  opinionId: string;
  round: number;
  concordance: Concordance;
  summary: string;
  documentId: string | null;
  receivedAt: IsoDateTime;
}

export interface DecisionState {
  decision: Decision;
  note: string | null;
  round: number;
  recordedAt: IsoDateTime;
}

export interface ConsentState {
  status: ConsentStatus;
  method: ConsentMethod | null;
  updatedAt: IsoDateTime | null;
}

/** What a third opinion puts aside: the provider, pre-auth, appointment and decision of a finished round. */
export interface PastRoundState {
  round: number;
  provider: ProviderState | null;
  preAuth: PreAuthState;
  appointment: AppointmentState | null;
  decision: DecisionState | null;
}

export interface CaseState {
  patientId: string;
  status: CaseStatus;
  openedAt: IsoDateTime;
  lastEventAt: IsoDateTime;
  eventCount: number;
  urgency: Urgency;
  specialty: string;
  reasons: OpeningReason[];
  currentDiagnosis: string | null;
  currentTreatment: string | null;
  currentProvider: string | null;
  targetDate: IsoDate | null;
  advocateId: string | null;
  coordinatorId: string | null;
  notesCount: number;
  contactsCount: number;
  lastContactAt: IsoDateTime | null;
  currentDoctorInformedAt: IsoDateTime | null;
  /** 1 while seeking the second opinion, 2 once a third opinion was requested. */
  round: number;
  referral: ReferralState;
  provider: ProviderState | null;
  coverage: CoverageState | null;
  preAuth: PreAuthState;
  records: RecordsRequestState[];
  dismissalConcerns: DismissalConcernState[];
  questions: QuestionState[];
  desiredOutcome: string | null;
  appointment: AppointmentState | null;
  opinions: OpinionState[];
  thirdOpinionRequestedAt: IsoDateTime | null;
  decision: DecisionState | null;
  pastRounds: PastRoundState[];
  consents: Record<ConsentScope, ConsentState>;
  closure: { outcome: CloseOutcome; note: string | null; at: IsoDateTime } | null;
  withdrawal: { reason: string; at: IsoDateTime } | null;
  reopenCount: number;
}

export const initialPreAuth = (): PreAuthState => ({
  status: 'not-requested',
  expedited: false,
  insurerReference: null,
  requestedAt: null,
  awaitingSince: null,
  decidedAt: null,
  authorizationNumber: null,
  validUntil: null,
  denialReason: null,
  appealedAt: null,
  followUpDueAt: null,
});

export const opinionsOfCurrentRound = (state: CaseState): OpinionState[] =>
  state.opinions.filter((opinion) => opinion.round === state.round);

export const latestOpinionOfCurrentRound = (state: CaseState): OpinionState | null =>
  opinionsOfCurrentRound(state).at(-1) ?? null;

export const recordsOfCurrentRound = (state: CaseState): RecordsRequestState[] =>
  state.records.filter((request) => request.round === state.round);
