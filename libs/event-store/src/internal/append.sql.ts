/*
 * One statement per append: version check, optional idempotency claim and the multi-row insert
 * travel in a single round trip. Six constant variants (expected version kind × key or not), so
 * the common case plans the smallest statement; values are always bound, never spliced in.
 *
 * Parameters: $1 stream id, $2 number of events, $3 events as a jsonb array,
 * then with a key: $4 idempotency key, $5 idempotency result; then for an exact version: the
 * expected version (the last parameter).
 */

import { RECORDED_AT_MS } from './stored-event.row';

/*
 * 'any' appends take a per-stream advisory lock before any write. Tailers order the log by
 * (transaction_id, global_position), and PostgreSQL hands out the xid at the start of a row write,
 * before waiting for the row lock; two racing 'any' appends to one stream could otherwise get
 * xids in the opposite order of their versions. Exact-version appends need no lock: the loser of
 * such a race fails its version check. It is a transaction lock: released at commit.
 */
const ANY_LOCK = `lk AS MATERIALIZED (SELECT pg_advisory_xact_lock(hashtextextended($1::text, 0)) AS locked),`;

const CLAIM = `claim AS (
  INSERT INTO event_store.idempotency_keys (stream_id, key, result)
  VALUES ($1::text, $4::text, $5::jsonb)
  ON CONFLICT DO NOTHING
  RETURNING 1
),`;

const INSERT_EVENTS = `
ins AS (
  INSERT INTO event_store.events (stream_id, stream_version, event_id, type, schema_version, data, metadata)
  SELECT $1::text, s.version - $2::int + e.ord::int, (e.doc->>'eventId')::uuid, e.doc->>'type',
         (e.doc->>'schemaVersion')::int, e.doc->'data', e.doc->'metadata'
  FROM s CROSS JOIN jsonb_array_elements($3::jsonb) WITH ORDINALITY AS e(doc, ord)
  ORDER BY e.ord
  RETURNING global_position, stream_version, recorded_at
)
SELECT global_position::text AS global_position, stream_version, ${RECORDED_AT_MS} FROM ins ORDER BY stream_version`;

type Variant = 'new' | 'exact' | 'any';

function build(variant: Variant, keyed: boolean): string {
  // A used key skips the version bump, so a retry never appends (the caller rolls the claim back
  // when the version check fails instead).
  const gate = keyed ? 'EXISTS (SELECT 1 FROM claim)' : 'true';
  const expected = keyed ? '$6' : '$4';
  const from = variant === 'any' ? 'FROM lk' : '';
  const stream =
    variant === 'new'
      ? `s AS (
  INSERT INTO event_store.streams (stream_id, version)
  SELECT $1::text, $2::int WHERE ${gate}
  ON CONFLICT (stream_id) DO NOTHING
  RETURNING version
),`
      : variant === 'exact'
        ? `s AS (
  UPDATE event_store.streams st SET version = st.version + $2::int
  WHERE st.stream_id = $1::text AND st.version = ${expected}::int AND ${gate}
  RETURNING st.version
),`
        : `s AS (
  INSERT INTO event_store.streams AS st (stream_id, version)
  SELECT $1::text, $2::int ${from} WHERE ${gate}
  ON CONFLICT (stream_id) DO UPDATE SET version = st.version + EXCLUDED.version
  RETURNING st.version
),`;
  return `WITH ${variant === 'any' ? ANY_LOCK : ''}${keyed ? CLAIM : ''}${stream}${INSERT_EVENTS}`;
}

export interface AppendStatement {
  /** Prepared-statement name. */
  name: string;
  text: string;
}

const statement = (variant: Variant, keyed: boolean): AppendStatement => ({
  name: `es_append_${variant}${keyed ? '_keyed' : ''}`,
  text: build(variant, keyed),
});

export const APPEND_SQL: Record<Variant, { plain: AppendStatement; keyed: AppendStatement }> = {
  new: { plain: statement('new', false), keyed: statement('new', true) },
  exact: { plain: statement('exact', false), keyed: statement('exact', true) },
  any: { plain: statement('any', false), keyed: statement('any', true) },
};

export interface AppendedRow {
  global_position: string;
  stream_version: number;
  recorded_at_ms: number;
}
