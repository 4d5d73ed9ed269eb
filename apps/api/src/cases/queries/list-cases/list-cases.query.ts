import { Query } from '@nestjs/cqrs';
import type { CaseListPage, ListCasesQuery as ListCasesParams } from '@secondlook/contracts';
import type { RequestContext } from '../../../common/request-context';

export class ListCasesQuery extends Query<CaseListPage> {
  constructor(
    readonly params: ListCasesParams,
    readonly context: RequestContext,
  ) {
    super();
  }
}
