import { Query } from '@nestjs/cqrs';
import type { CaseDetail } from '@secondlook/contracts';

export class GetCaseQuery extends Query<CaseDetail> {
  constructor(
    readonly caseId: string,
    readonly asOf?: Date,
  ) {
    super();
  }
}
