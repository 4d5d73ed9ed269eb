import type { Urgency } from './codes';

/**
 * Service targets behind the risk flags and the worker's follow-up timers. A clinic can
 * override any of them; the defaults are figures a clinic would recognise.
 */
export interface Targets {
  /**
   * Hours the insurer has to decide a pre-authorization before we chase it.
   * CMS's prior-authorization rule (from 2026) gives 72 hours for expedited requests and
   * 7 calendar days for standard ones. "Soon" is 72 hours too: a case triaged as soon is one
   * where the clinician judged that waiting could harm the patient's "ability to regain
   * maximum function", which is the expedited test in 42 CFR 422.570, so coordinators
   * request expedited review for it and chase at the same point as for urgent cases.
   */
  preAuthDecisionHours: Record<Urgency, number>;
  /** Working days to collect and send records once requested (navigator services quote ~5). */
  recordsWorkingDays: Record<Urgency, number>;
  /**
   * Days after opening by which a case should be seen when no target date was given.
   * No public standard exists; 14 days for urgent keeps the flag meaningful without one.
   */
  defaultTargetDays: Record<Urgency, number>;
  /** HIPAA 45 CFR 164.526(b)(2): act on an amendment request within 60 days. */
  amendmentDeadlineDays: number;
  /** Warn this many days before the amendment deadline. */
  amendmentWarningDays: number;
}

export const DEFAULT_TARGETS: Targets = {
  preAuthDecisionHours: { urgent: 72, soon: 72, routine: 7 * 24 },
  recordsWorkingDays: { urgent: 5, soon: 5, routine: 5 },
  defaultTargetDays: { urgent: 14, soon: 30, routine: 60 },
  amendmentDeadlineDays: 60,
  amendmentWarningDays: 10,
};

/** Merges a clinic's partial overrides onto the defaults, urgency by urgency. */
export const resolveTargets = (overrides: Partial<Targets> = {}): Targets => ({
  preAuthDecisionHours: { ...DEFAULT_TARGETS.preAuthDecisionHours, ...overrides.preAuthDecisionHours },
  recordsWorkingDays: { ...DEFAULT_TARGETS.recordsWorkingDays, ...overrides.recordsWorkingDays },
  defaultTargetDays: { ...DEFAULT_TARGETS.defaultTargetDays, ...overrides.defaultTargetDays },
  amendmentDeadlineDays: overrides.amendmentDeadlineDays ?? DEFAULT_TARGETS.amendmentDeadlineDays,
  amendmentWarningDays: overrides.amendmentWarningDays ?? DEFAULT_TARGETS.amendmentWarningDays,
});

/** Whether a pre-auth for a case of this urgency should be requested as expedited by default. */
export const expeditedByDefault = (urgency: Urgency): boolean => urgency !== 'routine';
