// Test support shared by the domain's specs (not exported from the library).
import type { CaseState } from '../case-state';
import type { CaseCommand, CaseCommandOf } from '../commands/case-command';
import type { DecideContext } from '../decide';
import { decide } from '../decide';
import type { RecordedCaseEvent } from '../events/case-event';
import { evolve } from '../evolve';

/** A Monday morning, so working-day arithmetic in specs is easy to follow. */
export const T0 = new Date('2026-03-02T09:00:00.000Z');

const MINUTE_MS = 60 * 1000;

export const sequentialIds = (): (() => string) => {
  let next = 0;
  return () => {
    next += 1;
    return `id-${next}`;
  };
};

export interface Replayed {
  state: CaseState | undefined;
  events: RecordedCaseEvent[];
  /** The instant after the last command, for the next attempt. */
  now: Date;
  newId: () => string;
}

/**
 * Runs commands one minute apart from `start`, failing the test loudly if any is refused:
 * a setup that does not hold would make the assertion after it meaningless.
 */
export const given = (commands: readonly CaseCommand[], start: Date = T0): Replayed => {
  const newId = sequentialIds();
  let state: CaseState | undefined;
  const events: RecordedCaseEvent[] = [];
  let now = start;
  for (const command of commands) {
    const ctx: DecideContext = { now, newId };
    const result = decide(state, command, ctx);
    if (!result.ok) throw new Error(`setup command ${command.type} refused: ${result.refusal.code}`);
    for (const event of result.events) {
      const recorded = { ...event, occurredAt: now.toISOString() } as RecordedCaseEvent;
      events.push(recorded);
      state = evolve(state, recorded);
    }
    now = new Date(now.getTime() + MINUTE_MS);
  }
  return { state, events, now, newId };
};

export const openCase = (overrides: Partial<CaseCommandOf<'open-case'>> = {}): CaseCommandOf<'open-case'> => ({
  type: 'open-case',
  patientId: '5d0c2f4e-4a8e-4a53-9c55-8a3f4b1d2e10',
  reasons: ['felt-dismissed', 'unclear-diagnosis'],
  urgency: 'urgent',
  specialty: 'oncology',
  targetDate: '2026-03-20',
  ...overrides,
});

export const selectProvider = (overrides: Partial<CaseCommandOf<'select-provider'>> = {}): CaseCommandOf<'select-provider'> => ({
  type: 'select-provider',
  providerName: 'Lakeside Cancer Center',
  inNetwork: true,
  foundVia: 'hospital-website',
  ...overrides,
});

export const checkCoverage = (overrides: Partial<CaseCommandOf<'check-coverage'>> = {}): CaseCommandOf<'check-coverage'> => ({
  type: 'check-coverage',
  coversSecondOpinions: true,
  inNetworkOnly: false,
  preAuthRequired: true,
  estimatedOutOfPocketCents: 25_000,
  estimatedTravelCostCents: 8_000,
  ...overrides,
});

export const requestRecords = (overrides: Partial<CaseCommandOf<'request-records'>> = {}): CaseCommandOf<'request-records'> => ({
  type: 'request-records',
  fromProvider: 'Riverside General',
  toProvider: 'Lakeside Cancer Center',
  documents: [
    { kind: 'pathology-reports', description: 'Biopsy report, January' },
    { kind: 'pathology-slides', description: 'Biopsy slides and blocks' },
  ],
  ...overrides,
});

export const logConcern = (overrides: Partial<CaseCommandOf<'log-dismissal-concern'>> = {}): CaseCommandOf<'log-dismissal-concern'> => ({
  type: 'log-dismissal-concern',
  description: 'Pain was attributed to anxiety without an examination',
  occurredOn: '2026-02-10',
  patientRequestedRecordAddendum: true,
  ...overrides,
});

export const scheduleAppointment = (
  overrides: Partial<CaseCommandOf<'schedule-appointment'>> = {},
): CaseCommandOf<'schedule-appointment'> => ({
  type: 'schedule-appointment',
  at: '2026-03-16T14:00:00.000Z',
  mode: 'in-person',
  ...overrides,
});

export const recordOpinion = (overrides: Partial<CaseCommandOf<'record-opinion'>> = {}): CaseCommandOf<'record-opinion'> => ({
  type: 'record-opinion',
  concordance: 'different-treatment',
  summary: 'Agrees with the diagnosis; recommends surgery before chemotherapy',
  ...overrides,
});
