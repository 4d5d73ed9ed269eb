import { Controller, Get } from '@nestjs/common';
import { Public } from '../auth/public.decorator';
import { registerReportRoutes } from '../reports/reports.openapi';
import { buildOpenApiDocument } from './openapi-document';

@Public()
@Controller()
export class OpenApiController {
  // Each feature module registers its own routes; cases and commands are built in.
  private readonly document = buildOpenApiDocument(registerReportRoutes);

  @Get('openapi.json')
  get(): object {
    return this.document;
  }
}
