import type { EntityManager } from 'typeorm';
import type { StoredEvent } from '../event.types';

/**
 * A named, checkpointed reader of the global log (async projection, process manager).
 * `handle` runs in the transaction that also advances the checkpoint: its database writes and
 * the checkpoint commit together, so a crash never loses or repeats them. Side effects outside
 * the database (e.g. enqueuing a BullMQ job) may repeat after a crash: make them idempotent
 * (jobId derived from the event id).
 */
export interface Consumer {
  /** Stable: the checkpoint and lease are keyed by it. */
  readonly name: string;
  /** Events per transaction (default 500). */
  readonly batchSize?: number;
  handle(events: StoredEvent[], tx: EntityManager): Promise<void>;
}
