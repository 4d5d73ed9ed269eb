import { Controller, Get, Query } from '@nestjs/common';
import { auditQuerySchema, type AuditPage, type AuditQuery } from '@secondlook/contracts';
import { Roles } from '../auth/roles.decorator';
import { ZodValidationPipe } from '../common/zod-validation.pipe';
import { AuditService } from './audit.service';

@Controller('audit')
@Roles('admin')
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  @Get()
  list(@Query(new ZodValidationPipe(auditQuerySchema, 'query')) query: AuditQuery): Promise<AuditPage> {
    return this.audit.query(query);
  }
}
