import { Controller, Get } from '@nestjs/common';
import { buildOpenApiDocument } from './openapi-document';

@Controller()
export class OpenApiController {
  private readonly document = buildOpenApiDocument();

  @Get('openapi.json')
  get(): object {
    return this.document;
  }
}
