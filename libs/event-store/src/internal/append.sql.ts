/*
 * One statement per append: per-stream lock, idempotency claim, version check and the
 * multi-row insert travel in a single round trip.
 *
 * Parameters: $1 stream id, $2 number of events, $3 events as a jsonb array,
 * $4 idempotency key (null = none), $5 idempotency result, $6 expected version (exact variant).
 *
 * Why the advisory lock first: tailers order the log by (transaction_id, global_position), and
 * PostgreSQL hands out the xid at the start of a row write, before it waits for a row lock. Two
 * 'any' appends to one stream could otherwise get xids in the opposite order of their versions.
 * Every write below reads from `lk`, so the xid is only taken once the stream is ours, making
 * xid order agree with version order within a stream. It is a transaction lock: gone at commit.
 */
const LOCK_AND_CLAIM = `
WITH lk AS MATERIALIZED (
  SELECT pg_advisory_xact_lock(hashtextextended($1::text, 0)) AS locked
),
claim AS (
  INSERT INTO event_store.idempotency_keys (stream_id, key, result)
  SELECT $1::text, $4::text, $5::jsonb FROM lk WHERE $4::text IS NOT NULL
  ON CONFLICT DO NOTHING
  RETURNING 1
),`;

// A used key skips the version bump, so a retry never appends.
const CLAIM_GATE = `($4::text IS NULL OR EXISTS (SELECT 1 FROM claim))`;

const INSERT_EVENTS = `
ins AS (
  INSERT INTO event_store.events (stream_id, stream_version, event_id, type, schema_version, data, metadata)
  SELECT $1::text, s.version - $2::int + e.ord::int, (e.doc->>'eventId')::uuid, e.doc->>'type',
         (e.doc->>'schemaVersion')::int, e.doc->'data', e.doc->'metadata'
  FROM s CROSS JOIN jsonb_array_elements($3::jsonb) WITH ORDINALITY AS e(doc, ord)
  ORDER BY e.ord
  RETURNING global_position, stream_version, recorded_at
)
SELECT global_position::text AS global_position, stream_version, recorded_at FROM ins ORDER BY stream_version`;

export const APPEND_TO_NEW_STREAM_SQL = `${LOCK_AND_CLAIM}
s AS (
  INSERT INTO event_store.streams (stream_id, version)
  SELECT $1::text, $2::int FROM lk WHERE ${CLAIM_GATE}
  ON CONFLICT (stream_id) DO NOTHING
  RETURNING version
),${INSERT_EVENTS}`;

export const APPEND_AT_VERSION_SQL = `${LOCK_AND_CLAIM}
s AS (
  UPDATE event_store.streams st SET version = st.version + $2::int
  FROM lk
  WHERE st.stream_id = $1::text AND st.version = $6::int AND ${CLAIM_GATE}
  RETURNING st.version
),${INSERT_EVENTS}`;

export const APPEND_ANY_VERSION_SQL = `${LOCK_AND_CLAIM}
s AS (
  INSERT INTO event_store.streams AS st (stream_id, version)
  SELECT $1::text, $2::int FROM lk WHERE ${CLAIM_GATE}
  ON CONFLICT (stream_id) DO UPDATE SET version = st.version + EXCLUDED.version
  RETURNING st.version
),${INSERT_EVENTS}`;

export interface AppendedRow {
  global_position: string;
  stream_version: number;
  recorded_at: Date;
}
