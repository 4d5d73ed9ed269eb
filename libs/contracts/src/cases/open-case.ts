import { OPENING_REASONS, URGENCIES } from '@secondlook/domain';
import { z } from 'zod';

const personName = z.string().trim().min(1, 'is required').max(100);

/** `POST /api/cases`: the patient's details (kept outside the event log) and the intake. */
export const openCaseBodySchema = z
  .object({
    patient: z
      .object({
        firstName: personName,
        lastName: personName,
        dateOfBirth: z.iso.date('must be a date (YYYY-MM-DD)'),
        mrn: z.string().trim().min(1).max(40).optional(),
      })
      .strict(),
    reasons: z.array(z.enum(OPENING_REASONS)).min(1, 'needs at least one reason').max(OPENING_REASONS.length),
    urgency: z.enum(URGENCIES),
    specialty: z.string().trim().min(1, 'is required').max(100),
    currentDiagnosis: z.string().trim().max(2000).optional(),
    currentTreatment: z.string().trim().max(2000).optional(),
    currentProvider: z.string().trim().max(200).optional(),
    targetDate: z.iso.date('must be a date (YYYY-MM-DD)').optional(),
  })
  .strict();
export type OpenCaseBody = z.infer<typeof openCaseBodySchema>;
