import type { CaseState } from './case-state';
import { latestOpinionOfCurrentRound, recordsOfCurrentRound } from './case-state';
import { CONFLICTING_CONCORDANCES, includesCode, PRE_AUTH_AWAITING_DECISION } from './codes';
import { addCalendarDays, addHours, addWorkingDays, endOfIsoDate, startOfIsoDate, toIsoDate } from './dates';
import type { IsoDate } from './events/case-event';
import type { Targets } from './targets';
import { DEFAULT_TARGETS } from './targets';

export const RISK_FLAGS = [
  'urgent-not-scheduled',
  'pre-auth-pending-too-long',
  'records-transfer-failed',
  'records-overdue',
  'referral-declined-no-provider',
  'conflicting-opinion-awaiting-decision',
  'cost-concern',
  'dismissal-concern-not-on-record',
  'amendment-deadline-near',
] as const;
export type RiskFlag = (typeof RISK_FLAGS)[number];

/** The day an urgent case should be seen by: its own target date, or the default for its urgency. */
export const targetDateOf = (state: CaseState, targets: Targets = DEFAULT_TARGETS): IsoDate =>
  state.targetDate ?? addCalendarDays(toIsoDate(new Date(state.openedAt)), targets.defaultTargetDays[state.urgency]);

const urgentNotScheduled = (state: CaseState, now: Date, targets: Targets): boolean => {
  if (state.urgency !== 'urgent') return false;
  if (latestOpinionOfCurrentRound(state) !== null || state.appointment?.status === 'completed') return false;
  const deadline = endOfIsoDate(targetDateOf(state, targets));
  const booked = state.appointment?.status === 'scheduled' ? new Date(state.appointment.at) : null;
  if (booked !== null && booked < deadline) return false;
  // Booked too late is known now; nothing booked becomes a miss once the target day is over.
  return booked !== null || now >= deadline;
};

const preAuthTooLong = (state: CaseState, now: Date, targets: Targets): boolean => {
  const { status, awaitingSince, followUpDueAt } = state.preAuth;
  if (!includesCode(PRE_AUTH_AWAITING_DECISION, status) || awaitingSince === null) return false;
  return followUpDueAt !== null || now >= addHours(new Date(awaitingSince), targets.preAuthDecisionHours[state.urgency]);
};

const recordsOverdue = (state: CaseState, now: Date, targets: Targets): boolean =>
  recordsOfCurrentRound(state).some(
    (request) =>
      (request.status === 'requested' || request.status === 'in-transfer' || request.status === 'failed') &&
      now > addWorkingDays(new Date(request.requestedAt), targets.recordsWorkingDays[state.urgency]),
  );

const costConcern = (state: CaseState): boolean => {
  const coverage = state.coverage;
  if (coverage === null) return false;
  const outOfNetworkButRequired = coverage.inNetworkOnly && state.provider !== null && !state.provider.inNetwork;
  return coverage.costConcern || !coverage.coversSecondOpinions || outOfNetworkButRequired;
};

const amendmentDeadlineNear = (state: CaseState, now: Date, targets: Targets): boolean =>
  state.dismissalConcerns.some(
    (concern) =>
      concern.status === 'addendum-requested' &&
      concern.amendmentDeadline !== null &&
      // Past deadlines stay flagged: an overdue answer is the nearest deadline of all.
      now >= startOfIsoDate(addCalendarDays(concern.amendmentDeadline, -targets.amendmentWarningDays)),
  );

const FLAG_TESTS: Record<RiskFlag, (state: CaseState, now: Date, targets: Targets) => boolean> = {
  'urgent-not-scheduled': urgentNotScheduled,
  'pre-auth-pending-too-long': preAuthTooLong,
  'records-transfer-failed': (state) => recordsOfCurrentRound(state).some((request) => request.status === 'failed'),
  'records-overdue': recordsOverdue,
  'referral-declined-no-provider': (state) => state.referral.status === 'declined' && state.provider === null,
  'conflicting-opinion-awaiting-decision': (state) => {
    const opinion = latestOpinionOfCurrentRound(state);
    return opinion !== null && state.decision === null && includesCode(CONFLICTING_CONCORDANCES, opinion.concordance);
  },
  'cost-concern': costConcern,
  'dismissal-concern-not-on-record': (state) => state.dismissalConcerns.some((concern) => concern.status === 'addendum-requested'),
  'amendment-deadline-near': amendmentDeadlineNear,
};

/**
 * Flags that outlive the case's workflow: the provider's duty to answer an amendment
 * request (HIPAA 164.526) does not end when the second-opinion case is closed.
 */
const FLAGS_KEPT_AFTER_CLOSE: readonly RiskFlag[] = ['dismissal-concern-not-on-record', 'amendment-deadline-near'];

/** The case's risk flags at `now`, in `RISK_FLAGS` order. */
export const riskFlags = (state: CaseState, now: Date, targets: Targets = DEFAULT_TARGETS): RiskFlag[] =>
  RISK_FLAGS.filter(
    (flag) => (state.status === 'open' || FLAGS_KEPT_AFTER_CLOSE.includes(flag)) && FLAG_TESTS[flag](state, now, targets),
  );
