import type { CaseCommandOf } from '@secondlook/domain';
import type { OpenCaseBody } from '../cases/open-case';

// `openCaseBodySchema` itself lives with the case routes (../cases/open-case.ts). Its body
// carries personal details, which the api writes to the erasable patients store; the
// domain only ever sees the patient's id.

/** The domain command for a parsed `POST /api/cases` body, once the patient is stored under `patientId`. */
export const toOpenCaseCommand = (body: OpenCaseBody, patientId: string): CaseCommandOf<'open-case'> => {
  const { patient: _patient, ...caseFields } = body;
  return { type: 'open-case', patientId, ...caseFields };
};
