import type { CaseState } from './case-state';
import { opinionsOfCurrentRound, recordsOfCurrentRound } from './case-state';

export const PHASES = ['intake', 'referral-and-coverage', 'records', 'scheduled', 'awaiting-opinion', 'decision', 'closed'] as const;
export type Phase = (typeof PHASES)[number];

/** Coverage is settled when it was checked and any pre-authorization it needs was approved. */
export const coverageSettled = (state: CaseState): boolean =>
  state.coverage !== null && (!state.coverage.preAuthRequired || state.preAuth.status === 'approved');

/**
 * Where the case stands, derived from the furthest milestone reached rather than stored, so
 * a rule change re-phases every case on rebuild. Work often overlaps (records are collected
 * while pre-auth is pending); the phase names the furthest step, and `nextSteps` lists the rest.
 */
export const phaseOf = (state: CaseState): Phase => {
  if (state.status !== 'open') return 'closed';
  if (opinionsOfCurrentRound(state).length > 0) return 'decision';
  if (state.appointment?.status === 'completed') return 'awaiting-opinion';
  if (state.appointment !== null) return 'scheduled';
  if (recordsOfCurrentRound(state).length > 0) return 'records';
  if (state.provider !== null && coverageSettled(state)) return 'records';
  const referralOrCoverageStarted =
    state.round > 1 ||
    state.currentDoctorInformedAt !== null ||
    state.referral.status !== 'not-requested' ||
    state.provider !== null ||
    state.coverage !== null ||
    state.preAuth.status !== 'not-requested';
  return referralOrCoverageStarted ? 'referral-and-coverage' : 'intake';
};
