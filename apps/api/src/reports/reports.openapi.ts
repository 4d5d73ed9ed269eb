import type { OpenAPIRegistry } from '@asteasolutions/zod-to-openapi';
import { equityProfileBodySchema, REPORT_MEASURE_LABELS, REPORT_MEASURES, reportQuerySchema } from '@secondlook/contracts';
import { z } from 'zod';

const problem = (description: string) => ({ description });
const caseId = z.object({ id: z.uuid() });

/**
 * The reports' and equity answers' routes, for `buildOpenApiDocument(registerReportRoutes)`.
 * The report query's `format` also answers to `Accept: text/csv`.
 */
export function registerReportRoutes(registry: OpenAPIRegistry): void {
  for (const measure of REPORT_MEASURES) {
    registry.registerPath({
      method: 'get',
      path: `/api/reports/${measure}`,
      tags: ['reports'],
      summary: `${REPORT_MEASURE_LABELS[measure]} (admins; coordinators without the equity groupings)`,
      request: { query: reportQuerySchema },
      responses: {
        200: {
          description: 'The table, small cells suppressed: {columns, rows[{cells{value, display, suppressed}}], notes}',
          content: { 'application/json': { schema: z.object({}).passthrough() }, 'text/csv': { schema: z.string() } },
        },
        400: problem('Bad query'),
        401: problem('Not signed in'),
        403: problem('Advocates; or a coordinator asking for an equity grouping (demographic-report-admin-only)'),
      },
    });
  }
  registry.registerPath({
    method: 'put',
    path: '/api/cases/{id}/equity-profile',
    tags: ['equity'],
    summary: "Record the patient's self-identified equity answers (coordinator or the case's advocate); needs consent",
    request: { params: caseId, body: { content: { 'application/json': { schema: equityProfileBodySchema } } } },
    responses: { 204: problem('Stored'), 400: problem('Bad body'), 403: problem('Role'), 404: problem('No such case'), 409: problem('consent-required') },
  });
  registry.registerPath({
    method: 'get',
    path: '/api/equity-profiles/{id}',
    tags: ['equity'],
    summary: "A case's equity answers (admins only; audited)",
    request: { params: caseId },
    responses: { 200: problem('The answers and the consent status'), 403: problem('Role'), 404: problem('No case or no answers') },
  });
}
