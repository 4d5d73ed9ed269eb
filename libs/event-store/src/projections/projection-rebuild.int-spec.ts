import { randomUUID } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import { runRebuild } from './run-rebuild';
import { ConsumerRunner } from '../consumers/consumer-runner';
import type { StoredEvent } from '../event.types';
import { EventStore } from '../event-store';
import type { Projection } from '../projection.type';
import { testEvent } from '../testing/event-fixtures';
import { createMigratedDataSource } from '../testing/migrated-data-source';
import { createTestDatabase, type TestDatabase } from '../testing/test-database';
import type { Upcaster } from '../upcaster.type';
import { projectionConsumer } from './projection-consumer';
import { ProjectionRegistry } from './projection-registry';
import { rebuildProjection } from './projection-rebuilder';

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** v1 NoteAdded carried `text`; v2 carries `body`. Both live runs and rebuilds must see v2. */
const noteUpcaster: Upcaster = {
  type: 'NoteAdded',
  fromVersion: 1,
  upcast: (data) => ({ body: (data as { text: string }).text }),
};

/** Async: per-stream statistics plus per-type counts, written with set-based SQL per batch. */
const streamStats: Projection = {
  name: 'stream-stats',
  mode: 'async',
  tables: ['stream_stats', 'type_counts'],
  batchSize: 100,
  async apply(events: StoredEvent[], tx: EntityManager) {
    await tx.query(
      `INSERT INTO stream_stats (stream_id, events, last_version, last_type, body_chars)
       SELECT stream_id, count(*), max(version), (array_agg(type ORDER BY version DESC))[1], sum(length(coalesce(body, '')))
       FROM unnest($1::text[], $2::int[], $3::text[], $4::text[]) AS e(stream_id, version, type, body)
       GROUP BY stream_id
       ON CONFLICT (stream_id) DO UPDATE SET events = stream_stats.events + EXCLUDED.events,
         last_version = EXCLUDED.last_version, last_type = EXCLUDED.last_type,
         body_chars = stream_stats.body_chars + EXCLUDED.body_chars`,
      [
        events.map((e) => e.streamId),
        events.map((e) => e.streamVersion),
        events.map((e) => e.type),
        events.map((e) => (e.data as { body?: string }).body ?? null),
      ],
    );
    await tx.query(
      `INSERT INTO type_counts (type, n) SELECT type, count(*) FROM unnest($1::text[]) AS t(type) GROUP BY type
       ON CONFLICT (type) DO UPDATE SET n = type_counts.n + EXCLUDED.n`,
      [events.map((e) => e.type)],
    );
  },
};

/** Inline: one row per stream, updated in the append transaction. */
const streamHeads: Projection = {
  name: 'stream-heads',
  mode: 'inline',
  tables: ['stream_heads'],
  async apply(events: StoredEvent[], tx: EntityManager) {
    for (const event of events) {
      await tx.query(
        `INSERT INTO stream_heads (stream_id, version, last_event_id, notes) VALUES ($1, $2, $3, $4)
         ON CONFLICT (stream_id) DO UPDATE SET version = EXCLUDED.version, last_event_id = EXCLUDED.last_event_id,
           notes = stream_heads.notes + EXCLUDED.notes`,
        [event.streamId, event.streamVersion, event.eventId, event.type === 'NoteAdded' ? 1 : 0],
      );
    }
  },
};

describe('projection rebuild (PostgreSQL)', () => {
  let database: TestDatabase;
  let dataSource: DataSource;
  let store: EventStore;
  let consumer: ConsumerRunner;
  const registry = new ProjectionRegistry([streamStats, streamHeads]);

  const rows = async (table: string, key: string) => dataSource.query(`SELECT * FROM ${table} ORDER BY ${key}`);
  const snapshot = async () => ({
    stats: await rows('stream_stats', 'stream_id'),
    types: await rows('type_counts', 'type'),
    heads: await rows('stream_heads', 'stream_id'),
  });

  async function caughtUp(): Promise<void> {
    const deadline = Date.now() + 30_000;
    for (;;) {
      const [{ behind }] = await dataSource.query(
        `SELECT count(*)::int AS behind FROM event_store.events e, event_store.checkpoints c
         WHERE c.name = 'projection:stream-stats' AND (e.transaction_id, e.global_position) > (c.transaction_id, c.global_position)`,
      );
      if (behind === 0) return;
      if (Date.now() > deadline) throw new Error(`consumer still ${behind} events behind`);
      await sleep(20);
    }
  }

  async function writeStreams(streams: number, eventsPerStream: number): Promise<void> {
    await Promise.all(
      Array.from({ length: streams }, async (_, s) => {
        const id = `case-${randomUUID()}`;
        for (let v = 0; v < eventsPerStream; v += 2) {
          // Old-shape notes on purpose: the projection only knows `body`.
          await store.append(id, [testEvent(v === 0 ? 'CaseOpened' : 'Reviewed', { s }), testEvent('NoteAdded', { text: `note ${s}/${v}` }, 1)], {
            expectedVersion: v,
          });
        }
      }),
    );
  }

  beforeAll(async () => {
    database = await createTestDatabase('es_rebuild');
    dataSource = await createMigratedDataSource(database.url, { poolSize: 20 });
    await dataSource.query(
      `CREATE TABLE stream_stats (stream_id text PRIMARY KEY, events int NOT NULL, last_version int NOT NULL,
         last_type text NOT NULL, body_chars int NOT NULL)`,
    );
    await dataSource.query(`CREATE TABLE type_counts (type text PRIMARY KEY, n int NOT NULL)`);
    await dataSource.query(`CREATE INDEX type_counts_n_idx ON type_counts (n)`);
    await dataSource.query(
      `CREATE TABLE stream_heads (stream_id text PRIMARY KEY, version int NOT NULL, last_event_id uuid NOT NULL, notes int NOT NULL)`,
    );
    store = new EventStore(dataSource, { inlineProjections: registry.inline(), upcasters: [noteUpcaster] });
    consumer = new ConsumerRunner(store, projectionConsumer(streamStats), { pollIntervalMs: 10, leaseMs: 2_000 });
    consumer.start();
  });

  afterAll(async () => {
    await consumer?.stop();
    await dataSource?.destroy();
    await database?.drop();
  });

  it('rebuilds through the CLI entry point into tables equal to the live ones, row for row', async () => {
    await writeStreams(20, 20);
    await caughtUp();
    const live = await snapshot();
    expect(live.stats).toHaveLength(20);
    expect(live.stats[0]).toMatchObject({ events: 20, last_version: 20, last_type: 'NoteAdded' });
    expect(live.stats.every((row: { body_chars: number }) => row.body_chars > 0)).toBe(true);

    const statsReport = await runRebuild(dataSource, registry, 'stream-stats', { upcasters: [noteUpcaster] });
    const headsReport = await runRebuild(dataSource, registry.all(), 'stream-heads', { upcasters: [noteUpcaster] });
    expect(statsReport.events).toBe(400);
    expect(headsReport.events).toBe(400);
    expect(await snapshot()).toEqual(live);
    // Indexes come along with the swapped-in table, under their original names.
    const indexes = await dataSource.query(`SELECT indexname FROM pg_indexes WHERE tablename = 'type_counts' ORDER BY 1`);
    expect(indexes.map((i: { indexname: string }) => i.indexname)).toEqual(['type_counts_n_idx', 'type_counts_pkey']);
    const [{ schemas }] = await dataSource.query(`SELECT count(*)::int AS schemas FROM pg_namespace WHERE nspname LIKE 'rebuild_%'`);
    expect(schemas).toBe(0);
  });

  it('swaps in a rebuild taken while appends and the live consumer keep running', async () => {
    const progress: number[] = [];
    const writing = writeStreams(20, 30);
    await sleep(150);
    const [stats, heads] = await Promise.all([
      rebuildProjection(store, streamStats, { batchSize: 50, onProgress: (p) => progress.push(p.done) }),
      rebuildProjection(store, streamHeads, { batchSize: 50 }),
    ]);
    expect(stats.events).toBeGreaterThan(400);
    expect(heads.events).toBeGreaterThan(400);
    expect(progress.length).toBeGreaterThan(2);
    await writing;
    await caughtUp();
    const afterLiveRebuild = await snapshot();
    expect(afterLiveRebuild.stats).toHaveLength(40);
    expect(afterLiveRebuild.heads).toHaveLength(40);
    const [{ n }] = await dataSource.query(`SELECT sum(n)::int AS n FROM type_counts`);
    expect(n).toBe(400 + 600);
    // Exactly what the log says, nothing lost or doubled across the swap.
    expect(afterLiveRebuild.stats).toEqual(
      await dataSource.query(`
        SELECT stream_id, count(*)::int AS events, max(stream_version) AS last_version,
               (array_agg(type ORDER BY stream_version DESC))[1] AS last_type,
               sum(length(coalesce(data->>'text', '')))::int AS body_chars
        FROM event_store.events GROUP BY stream_id ORDER BY stream_id`),
    );
    expect(afterLiveRebuild.heads).toEqual(
      await dataSource.query(`
        SELECT stream_id, max(stream_version) AS version,
               (array_agg(event_id ORDER BY stream_version DESC))[1] AS last_event_id,
               count(*) FILTER (WHERE type = 'NoteAdded')::int AS notes
        FROM event_store.events GROUP BY stream_id ORDER BY stream_id`),
    );

    // A quiet rebuild of the result must not change a single row.
    await rebuildProjection(store, streamStats);
    await rebuildProjection(store, streamHeads);
    await caughtUp();
    expect(await snapshot()).toEqual(afterLiveRebuild);
  });
});
