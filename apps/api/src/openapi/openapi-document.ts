import { OpenAPIRegistry, OpenApiGeneratorV3 } from '@asteasolutions/zod-to-openapi';
import { listCasesQuerySchema, openCaseBodySchema } from '@secondlook/contracts';
import { z } from 'zod';

const errorBody = z.object({
  statusCode: z.number().int(),
  error: z.string(),
  message: z.string(),
  details: z.array(z.object({ field: z.string(), problem: z.string() })).optional(),
  requestId: z.string().optional(),
});
const writeResult = z.object({ id: z.uuid(), version: z.number().int() });

const errors = (...codes: number[]) =>
  Object.fromEntries(codes.map((code) => [code, { description: `Error ${code}`, content: { 'application/json': { schema: errorBody } } }]));

/**
 * The OpenAPI 3 document, generated from the same zod schemas that validate
 * requests, so the published contract cannot drift from what the api enforces.
 */
export function buildOpenApiDocument(): object {
  const registry = new OpenAPIRegistry();
  registry.registerPath({
    method: 'post',
    path: '/api/cases',
    summary: 'Open a second-opinion case',
    request: { body: { content: { 'application/json': { schema: openCaseBodySchema } } } },
    responses: { 201: { description: 'Opened', content: { 'application/json': { schema: writeResult } } }, ...errors(400, 401, 413) },
  });
  registry.registerPath({
    method: 'get',
    path: '/api/cases',
    summary: 'The worklist, filtered and keyset-paginated',
    request: { query: listCasesQuerySchema },
    responses: { 200: { description: 'A page of cases' }, ...errors(400, 401) },
  });
  registry.registerPath({
    method: 'get',
    path: '/api/health',
    summary: 'PostgreSQL and Redis status',
    responses: { 200: { description: 'Both up' }, 503: { description: 'One is down' } },
  });
  return new OpenApiGeneratorV3(registry.definitions).generateDocument({
    openapi: '3.0.3',
    info: { title: 'SecondLook API', version: '0.1.0', description: 'Case management for second medical opinions' },
  });
}
