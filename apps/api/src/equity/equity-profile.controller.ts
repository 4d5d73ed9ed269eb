import { Body, Controller, HttpCode, Param, Put } from '@nestjs/common';
import { equityProfileBodySchema, type EquityProfileBody } from '@secondlook/contracts';
import { Roles } from '../auth/roles.decorator';
import { CaseIdPipe } from '../cases/http/case-id.pipe';
import { Ctx, type RequestContext } from '../common/request-context';
import { ZodValidationPipe } from '../common/zod-validation.pipe';
import { EquityProfileService } from './equity-profile.service';

/**
 * Writers (the coordinator, or the case's advocate) never read the answers back: the answer is
 * 204, and only admins read them (EquityProfileAdminController), for the equity reports.
 */
@Controller('cases/:id/equity-profile')
export class EquityProfileController {
  constructor(private readonly profiles: EquityProfileService) {}

  @Put()
  @HttpCode(204)
  @Roles('coordinator', 'advocate')
  async save(
    @Param('id', CaseIdPipe) id: string,
    @Body(new ZodValidationPipe(equityProfileBodySchema)) body: EquityProfileBody,
    @Ctx() context: RequestContext,
  ): Promise<void> {
    await this.profiles.save(id, body, context.actor);
  }
}
