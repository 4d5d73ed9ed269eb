import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import { jobIdFor, type PrepareIntakeJob, QUEUES } from '@secondlook/contracts';
import type { Consumer, StoredEvent } from '@secondlook/event-store';
import type { Queue } from 'bullmq';

/**
 * Turns each CaseOpened in the log into a durable intake job. The log is the
 * outbox: the job id comes from the event id, so a replay after a crash (or
 * while Redis was down) enqueues each job exactly once.
 */
@Injectable()
export class CaseIntakeProcessManager implements Consumer {
  readonly name = 'case-intake-process-manager';

  constructor(@InjectQueue(QUEUES.caseIntake) private readonly queue: Queue<PrepareIntakeJob>) {}

  async handle(events: StoredEvent[]): Promise<void> {
    const jobs = events
      .filter((event) => event.type === 'CaseOpened')
      .map((event) => ({
        name: 'prepare-intake',
        data: {
          caseId: event.streamId.replace(/^case-/, ''),
          urgency: (event.data as { urgency: string }).urgency,
          causationEventId: event.eventId,
          correlationId: event.metadata.correlationId,
          requestId: event.metadata.requestId,
        },
        opts: { jobId: jobIdFor(QUEUES.caseIntake, event.eventId), removeOnComplete: { age: 7 * 86_400 }, removeOnFail: false },
      }));
    if (jobs.length > 0) await this.queue.addBulk(jobs);
  }
}
