/*
 * One row per consumer in event_store.checkpoints holds both its checkpoint and its lease.
 * A lease row (not an advisory lock) because it works the same on PostgreSQL and on PGlite,
 * where session advisory locks do not span connections and only one transaction may be open at a
 * time, and because it needs no connection held for the process's lifetime.
 */

/** $1 name, $2 owner, $3 lease ms. Takes a free, expired or already-owned lease. */
export const CLAIM_LEASE_SQL = `
INSERT INTO event_store.checkpoints AS c (name, lease_owner, lease_until)
VALUES ($1, $2, now() + $3::int * interval '1 millisecond')
ON CONFLICT (name) DO UPDATE
  SET lease_owner = EXCLUDED.lease_owner, lease_until = EXCLUDED.lease_until
  WHERE c.lease_owner IS NULL OR c.lease_owner = EXCLUDED.lease_owner OR c.lease_until < now()
RETURNING name`;

/** $1 name, $2 owner, $3 lease ms. */
export const RENEW_LEASE_SQL = `
UPDATE event_store.checkpoints SET lease_until = now() + $3::int * interval '1 millisecond'
WHERE name = $1 AND lease_owner = $2
RETURNING name`;

/** $1 name, $2 owner. */
export const RELEASE_LEASE_SQL = `
UPDATE event_store.checkpoints SET lease_owner = NULL, lease_until = NULL
WHERE name = $1 AND lease_owner = $2`;

/**
 * The batch read joins the checkpoint row, so a checkpoint moved by someone else (a rebuild's
 * swap) is picked up without restarting. $1 name, $2 owner, $3 limit.
 */
export const READ_BATCH_SQL = `
WITH c AS MATERIALIZED (
  SELECT transaction_id, global_position FROM event_store.checkpoints WHERE name = $1 AND lease_owner = $2
)
SELECT e.global_position::text AS global_position, e.stream_id, e.stream_version, e.event_id::text AS event_id,
       e.type, e.schema_version, e.data, e.metadata,
       (extract(epoch FROM e.recorded_at) * 1000)::float8 AS recorded_at_ms, e.transaction_id::text AS transaction_id,
       (SELECT transaction_id::text FROM c) AS from_transaction_id, (SELECT global_position::text FROM c) AS from_global_position
FROM event_store.events e
-- Scalar subqueries, not a join: the row comparison then becomes an index condition on
-- (transaction_id, global_position) instead of a scan of the whole log per batch.
WHERE (e.transaction_id, e.global_position) > ((SELECT transaction_id FROM c), (SELECT global_position FROM c))
  AND e.transaction_id < pg_snapshot_xmin(pg_current_snapshot())
ORDER BY e.transaction_id, e.global_position
LIMIT $3`;

/**
 * Compare-and-set, in the handler's transaction: commits only if we still own the lease and
 * nobody moved the checkpoint since the read. A zombie whose lease was taken over rolls back.
 * $1 name, $2 owner, $3/$4 new checkpoint, $5/$6 checkpoint the batch was read from, $7 lease ms.
 */
export const ADVANCE_CHECKPOINT_SQL = `
UPDATE event_store.checkpoints
SET transaction_id = $3::xid8, global_position = $4::bigint, updated_at = now(),
    lease_until = now() + $7::int * interval '1 millisecond'
WHERE name = $1 AND lease_owner = $2 AND transaction_id = $5::xid8 AND global_position = $6::bigint
RETURNING name`;
