import type { CaseState, NextStep, Phase, RiskFlag } from '@secondlook/domain';
import { z } from 'zod';

/** `GET /api/cases/:id?asOf=` — the case as it stands (or stood at `asOf`). */
export const caseDetailQuerySchema = z
  .object({ asOf: z.iso.datetime({ offset: true, error: 'must be an ISO date-time' }).optional() })
  .strict();
export type CaseDetailQuery = z.infer<typeof caseDetailQuerySchema>;

export interface CasePatient {
  name: string;
  firstName: string;
  lastName: string;
  dateOfBirth: string;
  mrn: string | null;
}

export interface CaseDetail {
  id: string;
  version: number;
  phase: Phase;
  riskFlags: RiskFlag[];
  nextSteps: NextStep[];
  /** null once the patient's personal data was erased. */
  patient: CasePatient | null;
  /** The folded case: every panel of the workspace reads from here. */
  state: CaseState;
  /** The effective target date (explicit, or derived from urgency). */
  targetDate: string;
  /** Set when the answer is the case as it stood at that moment. */
  asOf: string | null;
}

/** `GET /api/cases/:id/events` — the timeline, in stream order. */
export interface CaseEventView {
  eventId: string;
  type: string;
  streamVersion: number;
  data: unknown;
  metadata: {
    actorId: string;
    actorRole: string;
    correlationId: string;
    causationId?: string;
    requestId: string;
    occurredAt: string;
  };
  recordedAt: string;
  /** The event in plain words, for the timeline. */
  description: string;
}

export interface CaseEventsPage {
  items: CaseEventView[];
}

/** `GET /api/cases/counts` — the worklist header: open cases per phase and per risk flag. */
export interface CaseCounts {
  total: number;
  byPhase: Record<Phase, number>;
  byRiskFlag: Record<RiskFlag, number>;
}
