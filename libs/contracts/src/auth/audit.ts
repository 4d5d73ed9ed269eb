import { z } from 'zod';
import type { Role } from './session';

export const auditQuerySchema = z.strictObject({
  caseId: z.uuid().optional(),
  actorId: z.uuid().optional(),
  from: z.iso.datetime({ offset: true, error: 'must be an ISO date-time' }).optional(),
  to: z.iso.datetime({ offset: true, error: 'must be an ISO date-time' }).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().regex(/^\d{1,19}$/, 'is not a cursor this API issued').optional(),
});
export type AuditQuery = z.infer<typeof auditQuerySchema>;

/** One access to case data. Never carries patient data: ids, action names and outcomes only. */
export interface AuditEntry {
  id: string;
  at: string;
  actorId: string;
  actorRole: Role;
  actorEmail: string | null;
  /** `case.read`, `case.events.read`, `case.list`, `case.command:<name>`, `case.documents.read`, … */
  action: string;
  caseId: string | null;
  requestId: string;
  sourceAddress: string;
  /** The HTTP status the request was answered with: refusals are recorded too. */
  outcome: number;
}

/** Newest first; pass `nextCursor` back as `cursor` for the next page. */
export interface AuditPage {
  items: AuditEntry[];
  nextCursor: string | null;
}
