import { Command } from '@nestjs/cqrs';
import type { OpenCaseBody } from '@secondlook/contracts';
import type { RequestContext } from '../../../common/request-context';
import type { CaseWriteResult } from '../case-write-result';

export class OpenCaseCommand extends Command<CaseWriteResult> {
  constructor(
    readonly body: OpenCaseBody,
    readonly context: RequestContext,
    readonly idempotencyKey?: string,
    /** When it happened, if not now: the demo seed back-dates its synthetic history. */
    readonly occurredAt?: Date,
  ) {
    super();
  }
}
