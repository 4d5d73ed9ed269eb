import { PHASES, OPENING_REASONS, RISK_FLAGS, URGENCIES, type Phase, type RiskFlag, type Urgency } from '@secondlook/domain';
import { z } from 'zod';
import { CASE_SORTS } from './case-sorts';

export const listCasesQuerySchema = z
  .object({
    phase: z.enum(PHASES).optional(),
    urgency: z.enum(URGENCIES).optional(),
    risk: z.enum(RISK_FLAGS).optional(),
    reason: z.enum(OPENING_REASONS).optional(),
    assignedTo: z.union([z.uuid(), z.literal('me'), z.literal('unassigned')]).optional(),
    q: z.string().trim().min(1).max(100).optional(),
    sort: z.enum(CASE_SORTS).default('age'),
    limit: z.coerce.number().int().min(1).max(100).default(25),
    cursor: z.string().max(500).regex(/^[A-Za-z0-9_-]+$/, 'is not a cursor this API issued').optional(),
  })
  .strict();
export type ListCasesQuery = z.infer<typeof listCasesQuerySchema>;

export interface CaseListItem {
  id: string;
  patientName: string;
  phase: Phase;
  urgency: Urgency;
  specialty: string;
  riskFlags: RiskFlag[];
  version: number;
  openedAt: string;
  updatedAt: string;
  targetDate: string | null;
  assignedAdvocateId: string | null;
}

export interface CaseListPage {
  items: CaseListItem[];
  nextCursor: string | null;
}
