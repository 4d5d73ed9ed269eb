import { Command } from '@nestjs/cqrs';
import type { CaseCommand } from '@secondlook/domain';
import type { RequestContext } from '../../../common/request-context';
import type { CaseWriteResult } from '../case-write-result';

/** Any command on an existing case (`POST /api/cases/:id/commands/:command`). */
export class ExecuteCaseCommand extends Command<CaseWriteResult> {
  constructor(
    readonly caseId: string,
    readonly command: CaseCommand,
    readonly context: RequestContext,
    readonly expectedVersion?: number,
    readonly idempotencyKey?: string,
    /** When it happened, if not now: the demo seed back-dates its synthetic history. */
    readonly occurredAt?: Date,
  ) {
    super();
  }
}
