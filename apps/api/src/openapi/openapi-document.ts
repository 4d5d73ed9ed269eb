import { OpenAPIRegistry, OpenApiGeneratorV3 } from '@asteasolutions/zod-to-openapi';
import { caseDetailQuerySchema, COMMAND_BODY_NAMES, commandBodySchemas, listCasesQuerySchema, openCaseBodySchema } from '@secondlook/contracts';
import { COMMAND_LABELS } from '@secondlook/domain';
import { z } from 'zod';

const errorBody = z.object({
  statusCode: z.number().int(),
  error: z.string(),
  message: z.string(),
  details: z.unknown().optional(),
  requestId: z.string().optional(),
});
const writeResult = z.object({ id: z.uuid(), version: z.number().int() });
const caseId = z.object({ id: z.uuid() });
const json = (schema: z.ZodType, description: string) => ({ description, content: { 'application/json': { schema } } });
const errors = (...codes: number[]) => Object.fromEntries(codes.map((code) => [code, json(errorBody, `Error ${code}`)]));
const writeHeaders = z.object({
  'if-match': z.string().optional().describe('The case version you last saw, e.g. "7"; a stale one answers 412'),
  'idempotency-key': z.string().optional().describe('A retry with the same key answers as the first time and appends nothing'),
});

/**
 * The OpenAPI 3 document, generated from the same zod schemas that validate
 * requests, so the published contract cannot drift from what the api enforces.
 * Every command gets its own path, so each body's enums are listed.
 */
export function buildOpenApiDocument(...extensions: Array<(registry: OpenAPIRegistry) => void>): object {
  const registry = new OpenAPIRegistry();
  registry.registerComponent('securitySchemes', 'bearer', { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' });

  registry.registerPath({
    method: 'post',
    path: '/api/cases',
    tags: ['cases'],
    summary: 'Open a second-opinion case',
    request: { headers: writeHeaders.pick({ 'idempotency-key': true }), body: { content: { 'application/json': { schema: openCaseBodySchema } } } },
    responses: { 201: json(writeResult, 'Opened; ETag carries the version'), ...errors(400, 401, 403, 413) },
  });
  registry.registerPath({
    method: 'get',
    path: '/api/cases',
    tags: ['cases'],
    summary: 'The worklist, filtered and keyset-paginated',
    request: { query: listCasesQuerySchema },
    responses: { 200: { description: '{items, nextCursor}' }, ...errors(400, 401, 403) },
  });
  registry.registerPath({
    method: 'get',
    path: '/api/cases/counts',
    tags: ['cases'],
    summary: 'Open cases per phase and per risk flag',
    responses: { 200: { description: '{total, byPhase, byRiskFlag}' }, ...errors(401, 403) },
  });
  registry.registerPath({
    method: 'get',
    path: '/api/cases/{id}',
    tags: ['cases'],
    summary: 'A case with its phase, risk flags and next steps; ?asOf answers it as it stood then',
    request: { params: caseId, query: caseDetailQuerySchema },
    responses: { 200: { description: 'The case; ETag carries the version' }, ...errors(400, 401, 403, 404) },
  });
  registry.registerPath({
    method: 'get',
    path: '/api/cases/{id}/events',
    tags: ['cases'],
    summary: "The case's events in order, each in plain words",
    request: { params: caseId },
    responses: { 200: { description: '{items}' }, ...errors(401, 403, 404) },
  });
  for (const name of COMMAND_BODY_NAMES) {
    registry.registerPath({
      method: 'post',
      path: `/api/cases/{id}/commands/${name}`,
      tags: ['case commands'],
      summary: COMMAND_LABELS[name],
      request: { params: caseId, headers: writeHeaders, body: { content: { 'application/json': { schema: commandBodySchemas[name] } } } },
      responses: {
        200: json(writeResult, 'Applied; ETag carries the new version'),
        ...errors(400, 401, 403, 404, 409, 412, 413),
      },
    });
  }
  registry.registerPath({
    method: 'get',
    path: '/api/health',
    tags: ['operations'],
    summary: 'PostgreSQL and Redis status',
    responses: { 200: { description: 'Both up' }, 503: { description: 'One is down' } },
  });
  for (const extend of extensions) extend(registry);

  return new OpenApiGeneratorV3(registry.definitions).generateDocument({
    openapi: '3.0.3',
    info: { title: 'SecondLook API', version: '0.1.0', description: 'Case management for second medical opinions. Codes are kebab-case, as FHIR codes are.' },
    security: [{ bearer: [] }],
  });
}
