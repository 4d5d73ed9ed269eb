import { type BeforeApplicationShutdown, Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { QUEUES, type TransferRecordsJob } from '@secondlook/contracts';
import { APP_CONFIG, type AppConfig, redisConnection } from '@secondlook/platform';
import { Worker } from 'bullmq';
import { exponentialJitterBackoff } from './exponential-jitter.backoff';
import { RecordsTransferProcessor } from './records-transfer.processor';

/**
 * The BullMQ worker of the records-transfer queue. Built here rather than with
 * `@Processor` because its lock, stall and concurrency settings come from the
 * validated config, which a decorator evaluated at import time cannot see.
 * On SIGTERM (Nest's shutdown hooks) `close()` lets the active transfers finish;
 * a process killed outright loses its lock and the job is picked up again after
 * QUEUE_LOCK_MS, resuming after the documents already delivered.
 */
@Injectable()
export class RecordsTransferWorker implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(RecordsTransferWorker.name);
  private worker?: Worker<TransferRecordsJob>;

  constructor(
    private readonly processor: RecordsTransferProcessor,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.worker = new Worker<TransferRecordsJob>(QUEUES.recordsTransfer, (job) => this.processor.process(job), {
      connection: redisConnection(this.config.REDIS_URL),
      prefix: this.config.REDIS_PREFIX,
      concurrency: this.config.RECORDS_TRANSFER_CONCURRENCY,
      lockDuration: this.config.QUEUE_LOCK_MS,
      stalledInterval: this.config.QUEUE_LOCK_MS,
      // A worker killed mid-transfer is a stall, not a failed attempt; allow a few before giving up.
      maxStalledCount: 3,
      settings: { backoffStrategy: exponentialJitterBackoff },
    });
    this.worker.on('error', (error) => this.logger.error({ err: error }, 'records-transfer worker error'));
    this.worker.on('completed', (job) => this.logger.log({ jobId: job.id, caseId: job.data.caseId }, 'records transfer completed'));
  }

  // Before the shutdown hooks that close the database pool: a finishing transfer still records its outcome.
  async beforeApplicationShutdown(): Promise<void> {
    await this.worker?.close();
  }
}
