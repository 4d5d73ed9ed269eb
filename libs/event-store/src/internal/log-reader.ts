import type { QueryRunner } from 'typeorm';
import type { LogBatch, LogCheckpoint } from '../log-checkpoint.type';
import type { UpcasterChain } from '../upcaster-chain';
import { queryRows } from './sql';
import { EVENT_COLUMNS, toStoredEvent, type StoredEventRow } from './stored-event.row';

/*
 * `transaction_id < pg_snapshot_xmin(pg_current_snapshot())`: every transaction with a lower xid has
 * finished, and any transaction still able to write gets an xid at or above that bound, so
 * everything returned is final in (transaction_id, global_position) order.
 */
const READ_SETTLED_SQL = `
SELECT ${EVENT_COLUMNS}, e.transaction_id::text AS transaction_id
FROM event_store.events e
WHERE (e.transaction_id, e.global_position) > ($1::xid8, $2::bigint)
  AND e.transaction_id < pg_snapshot_xmin(pg_current_snapshot())
ORDER BY e.transaction_id, e.global_position
LIMIT $3`;

/*
 * Everything committed, running transactions or not. Only correct while every writer that could
 * still commit is blocked (the rebuild swap holds the projection's tables exclusively).
 */
const READ_VISIBLE_SQL = `
SELECT ${EVENT_COLUMNS}, e.transaction_id::text AS transaction_id
FROM event_store.events e
WHERE (e.transaction_id, e.global_position) > ($1::xid8, $2::bigint)
ORDER BY e.transaction_id, e.global_position
LIMIT $3`;

export type LogRow = StoredEventRow & { transaction_id: string };

export async function readLogAfter(
  runner: QueryRunner,
  upcasters: UpcasterChain,
  after: LogCheckpoint,
  limit: number,
  horizon: 'settled' | 'visible' = 'settled',
): Promise<LogBatch> {
  const rows = await queryRows<LogRow>(runner, horizon === 'settled' ? READ_SETTLED_SQL : READ_VISIBLE_SQL, [
    after.transactionId,
    after.globalPosition,
    limit,
  ]);
  return toLogBatch(rows, upcasters, after);
}

export function toLogBatch(rows: LogRow[], upcasters: UpcasterChain, after: LogCheckpoint): LogBatch {
  const last = rows[rows.length - 1];
  return {
    events: rows.map((row) => upcasters.upcast(toStoredEvent(row))),
    checkpoint: last ? { transactionId: last.transaction_id, globalPosition: last.global_position } : after,
  };
}
