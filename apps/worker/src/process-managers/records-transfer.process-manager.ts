import { Inject, Injectable } from '@nestjs/common';
import { caseIdFromStream } from '@secondlook/case-application';
import { jobIdFor, JOBS, QUEUES, recordsTransferJobOptions, type TransferRecordsJob } from '@secondlook/contracts';
import type { Consumer, StoredEvent } from '@secondlook/event-store';
import { APP_CONFIG, type AppConfig } from '@secondlook/platform';
import { JobProducers } from '../jobs/job-producers';

/**
 * Turns each RecordsRequested in the log into a records-transfer job. The log is
 * the outbox: the api's command never touches Redis, and the job id comes from the
 * event id, so a batch retried after a Redis outage or a crash enqueues each job
 * exactly once.
 */
@Injectable()
export class RecordsTransferProcessManager implements Consumer {
  readonly name = 'records-transfer-process-manager';
  readonly batchSize = 200;

  constructor(
    private readonly producers: JobProducers,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async handle(events: StoredEvent[]): Promise<void> {
    const jobs = events
      .filter((event) => event.type === 'RecordsRequested')
      .map((event) => ({
        name: JOBS.transferRecords,
        data: {
          caseId: caseIdFromStream(event.streamId),
          recordsRequestId: (event.data as { requestId: string }).requestId,
          causationEventId: event.eventId,
          correlationId: event.metadata.correlationId,
          requestId: event.metadata.requestId,
        } satisfies TransferRecordsJob,
        opts: recordsTransferJobOptions(jobIdFor(QUEUES.recordsTransfer, event.eventId), this.config.RECORDS_TRANSFER_ATTEMPTS, this.config.RECORDS_TRANSFER_BACKOFF_MS),
      }));
    if (jobs.length > 0) await this.producers.within(this.producers.recordsTransfer.addBulk(jobs), 'enqueue records transfers');
  }
}
