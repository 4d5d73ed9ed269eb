import { ConflictException } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { decide } from '@secondlook/domain';
import { EventStore } from '@secondlook/event-store';
import { randomUUID } from 'node:crypto';
import { nameBasedUuid } from '../../../common/name-based-uuid';
import { PatientDirectory } from '../../../patients/patient-directory';
import { caseStreamId } from '../../case-stream';
import { toNewEvents } from '../to-new-events';
import type { CaseWriteResult } from '../case-write-result';
import { OpenCaseCommand } from './open-case.command';

@CommandHandler(OpenCaseCommand)
export class OpenCaseHandler implements ICommandHandler<OpenCaseCommand, CaseWriteResult> {
  constructor(
    private readonly eventStore: EventStore,
    private readonly patients: PatientDirectory,
  ) {}

  async execute({ body, context, idempotencyKey }: OpenCaseCommand): Promise<CaseWriteResult> {
    // A retried request with the same key lands on the same stream, where the
    // store's per-stream idempotency answers it as the first time.
    const caseId = idempotencyKey ? nameBasedUuid(`open-case:${context.actor.id}:${idempotencyKey}`) : randomUUID();
    const patientId = randomUUID();
    const { patient, ...intake } = body;
    const now = new Date();
    const decision = decide(undefined, { type: 'open-case', patientId, ...intake }, { now, newId: randomUUID });
    if (!decision.ok) throw new ConflictException({ error: decision.refusal.code, message: decision.refusal.message });

    const streamId = caseStreamId(caseId);
    const result = await this.eventStore.append(streamId, toNewEvents(decision.events, context, now), {
      expectedVersion: 0,
      idempotencyKey,
      beforeCommit: (tx) => this.patients.register(tx, patientId, patient),
    });
    return { id: caseId, version: result.streamVersion };
  }
}
