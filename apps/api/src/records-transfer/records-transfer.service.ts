import { InjectQueue } from '@nestjs/bullmq';
import { ConflictException, Inject, Injectable, NotFoundException } from '@nestjs/common';
import { caseStreamId, foldStoredCase } from '@secondlook/case-application';
import { jobIdFor, JOBS, QUEUES, type RecordsTransferJobState, type RecordsTransferProgress, recordsTransferJobOptions, type RecordsTransferView, type TransferRecordsJob } from '@secondlook/contracts';
import { EventStore, type StoredEvent } from '@secondlook/event-store';
import { APP_CONFIG, type AppConfig } from '@secondlook/platform';
import type { Job, Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import type { RequestContext } from '../common/request-context';
import { withQueueTimeout } from './with-timeout';

const EMPTY_PROGRESS: RecordsTransferProgress = { documentsDone: 0, documentsTotal: 0, bytesDone: 0, bytesTotal: 0 };

/**
 * Reads and re-starts records-transfer jobs. Every job's id derives from an event
 * of the request: RecordsRequested for the first, and the RecordsTransferFailed it
 * retries for a staff retry. So a double-clicked retry enqueues one job, and the
 * current job is the one of the newest such event that has a job.
 */
@Injectable()
export class RecordsTransferService {
  constructor(
    private readonly eventStore: EventStore,
    private readonly dataSource: DataSource,
    @InjectQueue(QUEUES.recordsTransfer) private readonly queue: Queue<TransferRecordsJob>,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async status(caseId: string, requestId: string): Promise<RecordsTransferView> {
    const { jobEvents } = await this.requestHistory(caseId, requestId);
    const job = await withQueueTimeout(this.currentJob(jobEvents));
    const state = job ? await withQueueTimeout(job.getState()) : 'not-enqueued';
    const rows: Array<{ delivered: string }> = await this.dataSource.query(
      `SELECT count(*) AS delivered FROM records_transfer_deliveries WHERE request_id = $1 AND status = 'delivered'`,
      [requestId],
    );
    return {
      requestId,
      state: toViewState(state),
      attempts: job?.attemptsMade ?? 0,
      maxAttempts: job?.opts.attempts ?? this.config.RECORDS_TRANSFER_ATTEMPTS,
      progress: isProgress(job?.progress) ? job.progress : EMPTY_PROGRESS,
      // BullMQ keeps the last attempt's error even after a later attempt succeeds.
      failedReason: state === 'completed' ? null : (job?.failedReason ?? null),
      documentsDelivered: Number(rows[0]?.delivered ?? 0),
    };
  }

  async retry(caseId: string, requestId: string, context: RequestContext): Promise<RecordsTransferView> {
    const { status, jobEvents } = await this.requestHistory(caseId, requestId);
    if (status !== 'failed') {
      throw new ConflictException({ error: 'records-transfer-not-failed', message: `Only a failed transfer can be retried; this one is ${status}` });
    }
    const failure = jobEvents[jobEvents.length - 1];
    await withQueueTimeout(
      this.queue.add(
        JOBS.transferRecords,
        { caseId, recordsRequestId: requestId, causationEventId: failure.eventId, correlationId: context.correlationId, requestId: context.requestId },
        recordsTransferJobOptions(jobIdFor(QUEUES.recordsTransfer, failure.eventId), this.config.RECORDS_TRANSFER_ATTEMPTS, this.config.RECORDS_TRANSFER_BACKOFF_MS),
      ),
    );
    return this.status(caseId, requestId);
  }

  private async requestHistory(caseId: string, requestId: string): Promise<{ status: string; jobEvents: StoredEvent[] }> {
    const events = await this.eventStore.readStream(caseStreamId(caseId));
    const request = foldStoredCase(events)?.records.find((candidate) => candidate.requestId === requestId);
    if (!request) throw new NotFoundException({ error: 'records-request-not-found', message: 'No such records request on this case' });
    const jobEvents = events.filter(
      (event) => (event.type === 'RecordsRequested' || event.type === 'RecordsTransferFailed') && (event.data as { requestId: string }).requestId === requestId,
    );
    return { status: request.status, jobEvents };
  }

  private async currentJob(jobEvents: StoredEvent[]): Promise<Job<TransferRecordsJob> | undefined> {
    for (const event of [...jobEvents].reverse()) {
      const job = await this.queue.getJob(jobIdFor(QUEUES.recordsTransfer, event.eventId));
      if (job) return job;
    }
    return undefined;
  }
}

function toViewState(state: string): RecordsTransferJobState {
  switch (state) {
    case 'not-enqueued':
    case 'waiting':
    case 'delayed':
    case 'active':
    case 'completed':
    case 'failed':
      return state;
    case 'prioritized':
    case 'waiting-children':
      return 'waiting';
    default:
      return 'unknown';
  }
}

function isProgress(value: unknown): value is RecordsTransferProgress {
  return typeof value === 'object' && value !== null && 'documentsTotal' in value;
}
