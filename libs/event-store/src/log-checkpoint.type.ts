import type { StoredEvent } from './event.types';

/**
 * A tailer's place in the global log. Global positions alone are not a safe checkpoint: a
 * transaction can take a lower position and commit after a later one became visible. Ordered by
 * (transactionId, globalPosition) and read only below the oldest running xid, the log is final:
 * nothing can ever appear behind a checkpoint.
 */
export interface LogCheckpoint {
  /** xid8 of the transaction that wrote the last event handled, as a decimal string. */
  transactionId: string;
  /** bigint as a decimal string. */
  globalPosition: string;
}

export const LOG_START: LogCheckpoint = Object.freeze({ transactionId: '0', globalPosition: '0' });

export interface LogBatch {
  events: StoredEvent[];
  /** Just after the last event of the batch; the input checkpoint when the batch is empty. */
  checkpoint: LogCheckpoint;
}
