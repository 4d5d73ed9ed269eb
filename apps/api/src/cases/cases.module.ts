import { Module } from '@nestjs/common';
import { DemoSeeder } from '../demo/demo-seeder';
import { CasesController } from './cases.controller';
import { AssigneeCheck } from './commands/execute-case-command/assignee-check';
import { ExecuteCaseCommandHandler } from './commands/execute-case-command/execute-case-command.handler';
import { OpenCaseHandler } from './commands/open-case/open-case.handler';
import { CountCasesHandler } from './queries/count-cases/count-cases.handler';
import { GetCaseHandler } from './queries/get-case/get-case.handler';
import { GetCaseEventsHandler } from './queries/get-case-events/get-case-events.handler';
import { ListCasesHandler } from './queries/list-cases/list-cases.handler';

@Module({
  controllers: [CasesController],
  providers: [
    OpenCaseHandler,
    ExecuteCaseCommandHandler,
    AssigneeCheck,
    ListCasesHandler,
    CountCasesHandler,
    GetCaseHandler,
    GetCaseEventsHandler,
    DemoSeeder,
  ],
})
export class CasesModule {}
