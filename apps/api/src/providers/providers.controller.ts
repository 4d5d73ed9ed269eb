import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import { type CreateRecordsDestinationBody, createRecordsDestinationBodySchema, type RecordsDestinationView } from '@secondlook/contracts';
import { Roles } from '../auth/roles.decorator';
import { Ctx, type RequestContext } from '../common/request-context';
import { ZodValidationPipe } from '../common/zod-validation.pipe';
import { RecordsDestinationsService } from './records-destinations.service';

/** Where records can be sent: each second-opinion provider's FHIR R4 endpoint. Coordinators and admins only. */
@Controller('providers')
@Roles('coordinator', 'admin')
export class ProvidersController {
  constructor(private readonly destinations: RecordsDestinationsService) {}

  @Post()
  @HttpCode(201)
  create(
    @Body(new ZodValidationPipe(createRecordsDestinationBodySchema)) body: CreateRecordsDestinationBody,
    @Ctx() context: RequestContext,
  ): Promise<RecordsDestinationView> {
    return this.destinations.create(body, context.actor.id);
  }

  @Get()
  async list(): Promise<{ items: RecordsDestinationView[] }> {
    return { items: await this.destinations.list() };
  }
}
