import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { executeCaseCommand } from '@secondlook/case-application';
import { toOpenCaseCommand } from '@secondlook/contracts';
import { EventStore } from '@secondlook/event-store';
import { randomUUID } from 'node:crypto';
import { nameBasedUuid } from '../../../common/name-based-uuid';
import { PatientDirectory } from '../../../patients/patient-directory';
import type { CaseWriteResult } from '../case-write-result';
import { OpenCaseCommand } from './open-case.command';

@CommandHandler(OpenCaseCommand)
export class OpenCaseHandler implements ICommandHandler<OpenCaseCommand, CaseWriteResult> {
  constructor(
    private readonly eventStore: EventStore,
    private readonly patients: PatientDirectory,
  ) {}

  async execute({ body, context, idempotencyKey, occurredAt }: OpenCaseCommand): Promise<CaseWriteResult> {
    // A retried request with the same key lands on the same stream, where the
    // store's per-stream idempotency answers it as the first time.
    const caseId = idempotencyKey ? nameBasedUuid(`open-case:${context.actor.id}:${idempotencyKey}`) : randomUUID();
    const patientId = randomUUID();
    const result = await executeCaseCommand(this.eventStore, caseId, toOpenCaseCommand(body, patientId), context, {
      idempotencyKey,
      now: occurredAt ? () => occurredAt : undefined,
      // The patient's personal data commits with CaseOpened, outside the immutable log.
      beforeCommit: async (tx) => {
        await this.patients.register(tx, patientId, body.patient);
        await context.audit?.writeWithin(tx, caseId);
      },
    });
    return { id: result.id, version: result.version };
  }
}
