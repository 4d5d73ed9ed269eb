import { Query } from '@nestjs/cqrs';
import type { CaseCounts } from '@secondlook/contracts';
import type { RequestContext } from '../../../common/request-context';

export class CountCasesQuery extends Query<CaseCounts> {
  constructor(readonly context: RequestContext) {
    super();
  }
}
