import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { EquityProfileAdminController } from '../equity/equity-profile-admin.controller';
import { EquityProfileController } from '../equity/equity-profile.controller';
import { EquityProfileService } from '../equity/equity-profile.service';
import { ReportsController } from './reports.controller';
import { ReportsService } from './reports.service';

@Module({
  imports: [AuditModule],
  controllers: [ReportsController, EquityProfileController, EquityProfileAdminController],
  providers: [ReportsService, EquityProfileService],
})
export class ReportsModule {}
