import type { EntityManager } from 'typeorm';
import type { Projection, StoredEvent } from '@secondlook/event-store';

/**
 * A typical async read model (per-stream counters and per-type totals), written set-based per
 * batch the way a projection that must keep up with the log should be.
 */
export const benchStreamStats: Projection = {
  name: 'bench-stream-stats',
  mode: 'async',
  tables: ['bench_stream_stats', 'bench_type_counts'],
  batchSize: 5_000,
  async apply(events: StoredEvent[], tx: EntityManager) {
    await tx.query(
      `INSERT INTO bench_stream_stats (stream_id, events, last_version, last_type)
       SELECT stream_id, count(*), max(version), (array_agg(type ORDER BY version DESC))[1]
       FROM unnest($1::text[], $2::int[], $3::text[]) AS e(stream_id, version, type)
       GROUP BY stream_id
       ON CONFLICT (stream_id) DO UPDATE SET events = bench_stream_stats.events + EXCLUDED.events,
         last_version = EXCLUDED.last_version, last_type = EXCLUDED.last_type`,
      [events.map((e) => e.streamId), events.map((e) => e.streamVersion), events.map((e) => e.type)],
    );
    await tx.query(
      `INSERT INTO bench_type_counts (type, n) SELECT type, count(*) FROM unnest($1::text[]) AS t(type) GROUP BY type
       ON CONFLICT (type) DO UPDATE SET n = bench_type_counts.n + EXCLUDED.n`,
      [events.map((e) => e.type)],
    );
  },
};

export const BENCH_PROJECTION_TABLES_SQL = [
  `CREATE TABLE bench_stream_stats (stream_id text PRIMARY KEY, events int NOT NULL, last_version int NOT NULL, last_type text NOT NULL)`,
  `CREATE TABLE bench_type_counts (type text PRIMARY KEY, n int NOT NULL)`,
];
