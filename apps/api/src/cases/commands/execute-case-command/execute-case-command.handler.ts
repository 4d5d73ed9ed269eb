import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { executeCaseCommand } from '@secondlook/case-application';
import { EventStore } from '@secondlook/event-store';
import type { CaseWriteResult } from '../case-write-result';
import { AssigneeCheck } from './assignee-check';
import { ExecuteCaseCommand } from './execute-case-command.command';

@CommandHandler(ExecuteCaseCommand)
export class ExecuteCaseCommandHandler implements ICommandHandler<ExecuteCaseCommand, CaseWriteResult> {
  constructor(
    private readonly eventStore: EventStore,
    private readonly assignees: AssigneeCheck,
  ) {}

  async execute({ caseId, command, context, expectedVersion, idempotencyKey, occurredAt }: ExecuteCaseCommand): Promise<CaseWriteResult> {
    await this.assignees.assertAssignable(command);
    const result = await executeCaseCommand(this.eventStore, caseId, command, context, {
      expectedVersion,
      idempotencyKey,
      now: occurredAt ? () => occurredAt : undefined,
      beforeCommit: context.audit && ((tx) => context.audit?.writeWithin(tx, caseId) ?? Promise.resolve()),
    });
    return { id: result.id, version: result.version };
  }
}
