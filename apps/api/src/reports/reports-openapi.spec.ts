import { buildOpenApiDocument } from '../openapi/openapi-document';
import { registerReportRoutes } from './reports.openapi';

describe('registerReportRoutes', () => {
  it('adds every report and the equity routes to the OpenAPI document', () => {
    const document = buildOpenApiDocument(registerReportRoutes) as { paths: Record<string, Record<string, unknown>> };
    expect(Object.keys(document.paths)).toEqual(expect.arrayContaining(['/api/reports/time-to-opinion', '/api/reports/dismissal-concerns', '/api/cases/{id}/equity-profile', '/api/equity-profiles/{id}']));
    expect(document.paths['/api/cases/{id}/equity-profile']).toHaveProperty('put');
  });
});
