import { Query } from '@nestjs/cqrs';
import type { CaseEventsPage } from '@secondlook/contracts';

export class GetCaseEventsQuery extends Query<CaseEventsPage> {
  constructor(readonly caseId: string) {
    super();
  }
}
