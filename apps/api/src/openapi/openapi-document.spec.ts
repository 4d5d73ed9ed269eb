import { COMMAND_BODY_NAMES } from '@secondlook/contracts';
import { DOCUMENT_KINDS, URGENCIES } from '@secondlook/domain';
import { buildOpenApiDocument } from './openapi-document';

describe('the OpenAPI document', () => {
  const document = buildOpenApiDocument() as { openapi: string; paths: Record<string, Record<string, { requestBody?: { content: Record<string, { schema: unknown }> } }>> };

  it('lists one path per command, each with its body schema', () => {
    for (const name of COMMAND_BODY_NAMES) {
      const operation = document.paths[`/api/cases/{id}/commands/${name}`]?.post;
      expect(operation?.requestBody?.content['application/json'].schema).toBeDefined();
    }
  });

  it('lists every enum value of the bodies', () => {
    const text = JSON.stringify(document);
    for (const code of [...URGENCIES, ...DOCUMENT_KINDS]) expect(text).toContain(`"${code}"`);
  });
});
