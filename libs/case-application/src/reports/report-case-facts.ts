import {
  type CaseEvent,
  type CaseState,
  type Concordance,
  type ConsentStatus,
  type Decision,
  DEFAULT_TARGETS,
  type OpeningReason,
  type Phase,
  phaseOf,
  targetDateOf,
  type Urgency,
} from '@secondlook/domain';

/**
 * One case as the reports see it: the milestones of its first (second-opinion) round, in the
 * shape the report queries aggregate. Derived from the folded case after each event, so a
 * rebuild from the log gives the same row. Carries no personal data: equity answers are
 * joined at query time from the erasable store, and only while consent is given.
 */
export interface ReportCaseFacts {
  patientId: string;
  openedAt: string;
  specialty: string;
  urgency: Urgency;
  reasons: OpeningReason[];
  targetDate: string;
  status: CaseState['status'];
  closedAt: string | null;
  currentPhase: Phase;
  currentPhaseSince: string;
  /** When the case first entered each phase it reached. */
  phaseEnteredAt: Partial<Record<Phase, string>>;
  /** Seconds spent in each phase over the stints that ended; the current stint is not counted. */
  phaseSeconds: Partial<Record<Phase, number>>;
  opinionReceivedAt: string | null;
  concordance: Concordance | null;
  /** What the patient decided after the second opinion; `seek-third-opinion` once a third was requested. */
  decision: Decision | null;
  decisionAt: string | null;
  preAuthRequired: boolean | null;
  preAuthRequestedAt: string | null;
  /** The insurer's first answer to the first request. */
  preAuthDecidedAt: string | null;
  preAuthOutcome: 'approved' | 'denied' | null;
  preAuthDenied: boolean;
  preAuthAppealed: boolean;
  recordsRequestedAt: string | null;
  /** When the last of the round's requests was sent; null while any is outstanding. */
  recordsSentAt: string | null;
  coverageCheckedAt: string | null;
  coversSecondOpinions: boolean | null;
  inNetworkOnly: boolean | null;
  providerInNetwork: boolean | null;
  outOfPocketCents: number | null;
  travelCostCents: number | null;
  currency: string | null;
  costConcern: boolean | null;
  dismissalConcerns: number;
  dismissalAddendumRequested: number;
  dismissalAdded: number;
  /** Seconds from logging to adding to the record, one entry per concern added. */
  dismissalAddSeconds: number[];
  equityConsent: ConsentStatus;
}

const FIRST_ROUND = 1;
const seconds = (from: string, to: string): number => (Date.parse(to) - Date.parse(from)) / 1000;

/** The facts after `event` (already folded into `state`) happened at `at`. */
export function nextReportCaseFacts(previous: ReportCaseFacts | undefined, state: CaseState, event: CaseEvent, at: string): ReportCaseFacts {
  const phase = phaseOf(state);
  const firstRound = state.round === FIRST_ROUND;
  const firstRoundPast = state.pastRounds.find((round) => round.round === FIRST_ROUND);
  const provider = firstRound ? state.provider : (firstRoundPast?.provider ?? null);
  const opinion = state.opinions.find((candidate) => candidate.round === FIRST_ROUND) ?? null;
  const records = state.records.filter((request) => request.round === FIRST_ROUND);
  const allSent = records.length > 0 && records.every((request) => request.sentAt !== null);
  const added = state.dismissalConcerns.filter((concern) => concern.status === 'added-to-record' && concern.resolvedAt !== null);
  const round1Decision = firstRound ? state.decision : (firstRoundPast?.decision ?? null);

  const phaseFacts = trackPhase(previous, phase, at);
  const preAuth = trackPreAuth(previous, event, at, firstRound);

  return {
    patientId: state.patientId,
    openedAt: state.openedAt,
    specialty: state.specialty,
    urgency: state.urgency,
    reasons: [...state.reasons],
    targetDate: targetDateOf(state, DEFAULT_TARGETS),
    status: state.status,
    closedAt: state.closure?.at ?? state.withdrawal?.at ?? null,
    ...phaseFacts,
    opinionReceivedAt: opinion?.receivedAt ?? null,
    concordance: opinion?.concordance ?? null,
    decision: firstRound ? (round1Decision?.decision ?? null) : 'seek-third-opinion',
    decisionAt: firstRound ? (round1Decision?.recordedAt ?? null) : (round1Decision?.recordedAt ?? state.thirdOpinionRequestedAt),
    preAuthRequired: state.coverage?.preAuthRequired ?? null,
    ...preAuth,
    recordsRequestedAt: records.reduce<string | null>((first, r) => (first === null || r.requestedAt < first ? r.requestedAt : first), null),
    recordsSentAt: allSent ? records.reduce((last, r) => (r.sentAt! > last ? r.sentAt! : last), records[0].sentAt!) : null,
    coverageCheckedAt: state.coverage?.checkedAt ?? null,
    coversSecondOpinions: state.coverage?.coversSecondOpinions ?? null,
    inNetworkOnly: state.coverage?.inNetworkOnly ?? null,
    providerInNetwork: provider?.inNetwork ?? null,
    outOfPocketCents: state.coverage?.estimatedOutOfPocketCents ?? null,
    travelCostCents: state.coverage?.estimatedTravelCostCents ?? null,
    currency: state.coverage?.currency ?? null,
    costConcern: state.coverage?.costConcern ?? null,
    dismissalConcerns: state.dismissalConcerns.length,
    dismissalAddendumRequested: state.dismissalConcerns.filter((concern) => concern.patientRequestedRecordAddendum).length,
    dismissalAdded: added.length,
    dismissalAddSeconds: added.map((concern) => seconds(concern.loggedAt, concern.resolvedAt!)),
    equityConsent: state.consents['equity-self-identification'].status,
  };
}

type PhaseFacts = Pick<ReportCaseFacts, 'currentPhase' | 'currentPhaseSince' | 'phaseEnteredAt' | 'phaseSeconds'>;

function trackPhase(previous: ReportCaseFacts | undefined, phase: Phase, at: string): PhaseFacts {
  if (!previous) return { currentPhase: phase, currentPhaseSince: at, phaseEnteredAt: { [phase]: at }, phaseSeconds: {} };
  if (previous.currentPhase === phase) {
    return { currentPhase: phase, currentPhaseSince: previous.currentPhaseSince, phaseEnteredAt: previous.phaseEnteredAt, phaseSeconds: previous.phaseSeconds };
  }
  const left = previous.currentPhase;
  return {
    currentPhase: phase,
    currentPhaseSince: at,
    phaseEnteredAt: { ...previous.phaseEnteredAt, [phase]: previous.phaseEnteredAt[phase] ?? at },
    // A reopened or re-phased case adds its new stint to the time already spent there.
    phaseSeconds: { ...previous.phaseSeconds, [left]: (previous.phaseSeconds[left] ?? 0) + seconds(previous.currentPhaseSince, at) },
  };
}

type PreAuthFacts = Pick<ReportCaseFacts, 'preAuthRequestedAt' | 'preAuthDecidedAt' | 'preAuthOutcome' | 'preAuthDenied' | 'preAuthAppealed'>;

// Taken from the events rather than the state: a second request resets the state's pre-auth,
// but the report measures the wait for the insurer's first answer.
function trackPreAuth(previous: ReportCaseFacts | undefined, event: CaseEvent, at: string, firstRound: boolean): PreAuthFacts {
  const facts: PreAuthFacts = {
    preAuthRequestedAt: previous?.preAuthRequestedAt ?? null,
    preAuthDecidedAt: previous?.preAuthDecidedAt ?? null,
    preAuthOutcome: previous?.preAuthOutcome ?? null,
    preAuthDenied: previous?.preAuthDenied ?? false,
    preAuthAppealed: previous?.preAuthAppealed ?? false,
  };
  if (!firstRound) return facts;
  if (event.type === 'PreAuthRequested') return { ...facts, preAuthRequestedAt: facts.preAuthRequestedAt ?? at };
  if (event.type === 'PreAuthApproved') return { ...facts, preAuthDecidedAt: facts.preAuthDecidedAt ?? at, preAuthOutcome: 'approved' };
  if (event.type === 'PreAuthDenied') return { ...facts, preAuthDecidedAt: facts.preAuthDecidedAt ?? at, preAuthOutcome: 'denied', preAuthDenied: true };
  if (event.type === 'PreAuthAppealed') return { ...facts, preAuthAppealed: true };
  return facts;
}
