import { Module } from '@nestjs/common';
import { DemoSeeder } from '../demo/demo-seeder';
import { PatientDirectory } from '../patients/patient-directory';
import { CasesController } from './cases.controller';
import { OpenCaseHandler } from './commands/open-case/open-case.handler';
import { ListCasesHandler } from './queries/list-cases/list-cases.handler';

@Module({
  controllers: [CasesController],
  providers: [PatientDirectory, OpenCaseHandler, ListCasesHandler, DemoSeeder],
})
export class CasesModule {}
