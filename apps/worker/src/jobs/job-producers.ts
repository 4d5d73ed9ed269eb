import { Inject, Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { type FollowUpJob, QUEUES, type TransferRecordsJob } from '@secondlook/contracts';
import { APP_CONFIG, type AppConfig, redisConnection } from '@secondlook/platform';
import { Queue } from 'bullmq';

/** How long a process manager's batch may wait for Redis before it fails and is retried. */
export const ENQUEUE_TIMEOUT_MS = 5_000;

/**
 * The queues the process managers write to, on short-fused connections of their
 * own. The processors' connections wait for Redis forever (a worker must ride out
 * an outage); a producer inside a log consumer's transaction must not, or a Redis
 * outage would hold a PostgreSQL transaction open. Here a command fails after one
 * reconnection attempt, and enqueue() gives up after ENQUEUE_TIMEOUT_MS: the batch
 * rolls back, the checkpoint stays put, and the runner retries until Redis is back.
 */
@Injectable()
export class JobProducers implements OnApplicationShutdown {
  private readonly logger = new Logger(JobProducers.name);
  readonly recordsTransfer: Queue<TransferRecordsJob>;
  readonly followUps: Queue<FollowUpJob>;
  private lastWarning = 0;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    const connection = { ...redisConnection(config.REDIS_URL), maxRetriesPerRequest: 1, connectTimeout: 2_000 };
    this.recordsTransfer = new Queue<TransferRecordsJob>(QUEUES.recordsTransfer, { connection, prefix: config.REDIS_PREFIX });
    this.followUps = new Queue<FollowUpJob>(QUEUES.followUps, { connection, prefix: config.REDIS_PREFIX });
    for (const queue of [this.recordsTransfer, this.followUps]) queue.on('error', (error) => this.warn(error));
  }

  /** Runs a queue operation, failing (not hanging) when Redis does not answer in time. */
  async within<T>(work: Promise<T>, what: string): Promise<T> {
    let timer: NodeJS.Timeout | undefined;
    work.catch(() => undefined);
    try {
      return await Promise.race([
        work,
        new Promise<never>((_, reject) => {
          timer = setTimeout(() => reject(new Error(`Redis did not answer within ${ENQUEUE_TIMEOUT_MS} ms (${what})`)), ENQUEUE_TIMEOUT_MS);
        }),
      ]);
    } finally {
      clearTimeout(timer);
    }
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.allSettled([this.recordsTransfer.close(), this.followUps.close()]);
  }

  private warn(error: Error): void {
    // ioredis reports every reconnection attempt; one line every 10 s is enough to see an outage.
    if (Date.now() - this.lastWarning < 10_000) return;
    this.lastWarning = Date.now();
    this.logger.warn({ err: error }, 'job queue connection error');
  }
}
