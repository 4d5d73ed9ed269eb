import { Controller, Get, HttpException, Param, Req } from '@nestjs/common';
import type { EquityProfile } from '@secondlook/contracts';
import type { Request } from 'express';
import { AuditService } from '../audit/audit.service';
import { Roles } from '../auth/roles.decorator';
import { CaseIdPipe } from '../cases/http/case-id.pipe';
import { Ctx, type RequestContext } from '../common/request-context';
import { EquityProfileService } from './equity-profile.service';

/**
 * The admin's read of one case's equity answers. It lives outside /api/cases because admins
 * are refused case data there by the case-access guard; being outside, it is audited here.
 */
@Controller('equity-profiles')
export class EquityProfileAdminController {
  constructor(
    private readonly profiles: EquityProfileService,
    private readonly audit: AuditService,
  ) {}

  @Get(':id')
  @Roles('admin')
  async read(@Param('id', CaseIdPipe) id: string, @Ctx() context: RequestContext, @Req() req: Request): Promise<EquityProfile> {
    try {
      const profile = await this.profiles.read(id, context.actor);
      await this.audit.record(req, { action: 'equity-profile.read', caseId: id, outcome: 200 });
      return profile;
    } catch (error) {
      await this.audit.record(req, { action: 'equity-profile.read', caseId: id, outcome: error instanceof HttpException ? error.getStatus() : 500 });
      throw error;
    }
  }
}
