import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { EventStore } from '../event-store';
import type { LogCheckpoint } from '../log-checkpoint.type';
import { toLogBatch, type LogRow } from '../internal/log-reader';
import { inTransaction, queryOnce, queryPreparedOnce, queryRows } from '../internal/sql';
import type { Consumer } from './consumer.type';
import {
  ADVANCE_CHECKPOINT_SQL,
  CLAIM_LEASE_SQL,
  READ_BATCH_SQL,
  RELEASE_LEASE_SQL,
  RENEW_LEASE_SQL,
} from './consumer-lease.sql';

export interface ConsumerRunnerOptions {
  /** Wait between polls once caught up (default 200 ms). */
  pollIntervalMs?: number;
  /** How long a silent owner keeps the consumer before another process may take it (default 30 s). */
  leaseMs?: number;
  /** Pause after a failed batch before retrying it (default 1 s). */
  retryDelayMs?: number;
  /** Identifies this process in the lease row (default host:pid:uuid). */
  owner?: string;
  onError?: (error: unknown, consumer: string) => void;
}

class LeaseLost extends Error {}

/**
 * Runs one consumer in this process while it holds the consumer's lease. Every process may start
 * a runner for every consumer: the others poll for the lease and take over when the owner stops
 * renewing it (crash, partition), resuming from the last committed checkpoint.
 */
export class ConsumerRunner {
  readonly owner: string;
  private readonly pollIntervalMs: number;
  private readonly leaseMs: number;
  private readonly retryDelayMs: number;
  private running?: Promise<void>;
  private stopping = false;
  private wake?: () => void;
  private holdsLease = false;
  private leaseRenewedAt = 0;
  private idle = false;

  constructor(
    private readonly store: EventStore,
    private readonly consumer: Consumer,
    private readonly options: ConsumerRunnerOptions = {},
  ) {
    this.owner = options.owner ?? `${hostname()}:${process.pid}:${randomUUID()}`;
    this.pollIntervalMs = options.pollIntervalMs ?? 200;
    this.leaseMs = options.leaseMs ?? 30_000;
    this.retryDelayMs = options.retryDelayMs ?? 1_000;
  }

  get isLeaseHolder(): boolean {
    return this.holdsLease;
  }

  /** True once the last poll found nothing to do. */
  get isIdle(): boolean {
    return this.idle;
  }

  start(): void {
    if (this.running) return;
    this.stopping = false;
    this.running = this.loop();
  }

  /** Finishes the batch in hand, then hands the lease back so another process can take over at once. */
  async stop(): Promise<void> {
    this.stopping = true;
    this.wake?.();
    await this.running;
    this.running = undefined;
    if (this.holdsLease) {
      this.holdsLease = false;
      await queryOnce(this.store.dataSource, RELEASE_LEASE_SQL, [this.consumer.name, this.owner]).catch(
        (error: unknown) => this.report(error),
      );
    }
  }

  private async loop(): Promise<void> {
    while (!this.stopping) {
      try {
        if (!this.holdsLease && !(await this.claim())) {
          this.idle = true;
          await this.sleep(this.pollIntervalMs);
          continue;
        }
        const handled = await this.runBatch();
        this.idle = handled === 0;
        if (this.idle) {
          await this.renewIfDue();
          await this.sleep(this.pollIntervalMs);
        }
      } catch (error) {
        // Re-claim before the next batch: claiming an owned lease succeeds, a lost one does not.
        this.holdsLease = false;
        this.idle = false;
        if (!(error instanceof LeaseLost)) this.report(error);
        await this.sleep(this.retryDelayMs);
      }
    }
  }

  private async claim(): Promise<boolean> {
    const rows = await queryOnce(this.store.dataSource, CLAIM_LEASE_SQL, [this.consumer.name, this.owner, this.leaseMs]);
    this.holdsLease = rows.length === 1;
    if (this.holdsLease) this.leaseRenewedAt = Date.now();
    return this.holdsLease;
  }

  private async renewIfDue(): Promise<void> {
    if (Date.now() - this.leaseRenewedAt < this.leaseMs / 3) return;
    const rows = await queryOnce(this.store.dataSource, RENEW_LEASE_SQL, [this.consumer.name, this.owner, this.leaseMs]);
    if (rows.length === 0) throw new LeaseLost();
    this.leaseRenewedAt = Date.now();
  }

  private async runBatch(): Promise<number> {
    // Read outside the transaction: no transaction is open while the log is polled (PGlite runs
    // one at a time), and the compare-and-set below makes the unlocked read safe.
    const rows = await queryPreparedOnce<LogRow & { from_transaction_id: string; from_global_position: string }>(
      this.store.dataSource,
      'es_consumer_batch',
      READ_BATCH_SQL,
      [this.consumer.name, this.owner, this.consumer.batchSize ?? 500],
    );
    if (rows.length === 0) return 0;
    const from: LogCheckpoint = { transactionId: rows[0].from_transaction_id, globalPosition: rows[0].from_global_position };
    const batch = toLogBatch(rows, this.store.upcasters, from);
    await inTransaction(this.store.dataSource, async (runner) => {
      await this.consumer.handle(batch.events, runner.manager);
      const advanced = await queryRows(runner, ADVANCE_CHECKPOINT_SQL, [
        this.consumer.name,
        this.owner,
        batch.checkpoint.transactionId,
        batch.checkpoint.globalPosition,
        from.transactionId,
        from.globalPosition,
        this.leaseMs,
      ]);
      if (advanced.length === 0) throw new LeaseLost();
    });
    this.leaseRenewedAt = Date.now();
    return batch.events.length;
  }

  private sleep(ms: number): Promise<void> {
    if (this.stopping) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      function done(): void {
        clearTimeout(timer);
        resolve();
      }
      this.wake = done;
    });
  }

  private report(error: unknown): void {
    if (this.options.onError) this.options.onError(error, this.consumer.name);
    // Never silent: a consumer stuck on a poison batch must show up in the logs.
    else process.emitWarning(`Consumer ${this.consumer.name} failed a batch: ${String(error)}`);
  }
}
