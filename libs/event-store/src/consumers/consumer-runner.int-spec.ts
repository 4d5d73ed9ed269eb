import { randomUUID } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import type { StoredEvent } from '../event.types';
import { EventStore } from '../event-store';
import { testEvent } from '../testing/event-fixtures';
import { createMigratedDataSource } from '../testing/migrated-data-source';
import { createTestDatabase, type TestDatabase } from '../testing/test-database';
import type { Consumer } from './consumer.type';
import { ConsumerRunner } from './consumer-runner';

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

async function waitFor(condition: () => Promise<boolean>, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await sleep(25);
  }
}

/** Records every delivery; a second delivery of an event bumps `deliveries` instead of failing the batch. */
async function recordDeliveries(events: StoredEvent[], tx: EntityManager): Promise<void> {
  await tx.query(
    `INSERT INTO deliveries (event_id, stream_id, stream_version, global_position)
     SELECT id, stream, version, position
     FROM unnest($1::uuid[], $2::text[], $3::int[], $4::bigint[]) WITH ORDINALITY AS d(id, stream, version, position, ord)
     ORDER BY ord
     ON CONFLICT (event_id) DO UPDATE SET deliveries = deliveries.deliveries + 1`,
    [
      events.map((e) => e.eventId),
      events.map((e) => e.streamId),
      events.map((e) => e.streamVersion),
      events.map((e) => e.globalPosition),
    ],
  );
}

describe('ConsumerRunner (PostgreSQL)', () => {
  let database: TestDatabase;
  let dataSource: DataSource;
  const extraSources: DataSource[] = [];
  const extraDatabases: TestDatabase[] = [];
  const runners: ConsumerRunner[] = [];
  let openGate: () => void = () => undefined;

  /** Runners registered here are stopped even when a test fails, so jest can exit. */
  function track(runner: ConsumerRunner): ConsumerRunner {
    runners.push(runner);
    return runner;
  }

  beforeAll(async () => {
    database = await createTestDatabase('es_consumer');
    dataSource = await createMigratedDataSource(database.url, { poolSize: 30 });
    await dataSource.query(`
      CREATE TABLE deliveries (
        event_id uuid PRIMARY KEY,
        stream_id text NOT NULL,
        stream_version int NOT NULL,
        global_position bigint NOT NULL,
        deliveries int NOT NULL DEFAULT 1,
        delivery_seq bigint GENERATED ALWAYS AS IDENTITY
      )`);
  });

  afterAll(async () => {
    openGate();
    await Promise.all(runners.map((runner) => runner.stop()));
    for (const source of extraSources) if (source.isInitialized) await source.destroy();
    await dataSource?.destroy();
    for (const extra of [database, ...extraDatabases]) await extra?.drop();
  });

  async function tailerSource(applicationName: string): Promise<DataSource> {
    const source = await createMigratedDataSource(database.url, { poolSize: 4, applicationName });
    extraSources.push(source);
    return source;
  }

  it('delivers every event exactly once, in stream order, across late commits and a killed tailer', async () => {
    const store = new EventStore(dataSource);
    // A writer that holds its transaction open after inserting, while later positions commit.
    let laterCommitsWhileHeld = 0;
    const slowStore = new EventStore(dataSource, {
      inlineProjections: [
        {
          name: 'hold-open',
          apply: async (events) => {
            await sleep(700);
            // Another connection sees positions above ours already committed: the gap is real.
            const [{ n }] = await dataSource.query(
              `SELECT count(*)::int AS n FROM event_store.events WHERE global_position > $1`,
              [events[0].globalPosition],
            );
            laterCommitsWhileHeld = Math.max(laterCommitsWhileHeld, n);
          },
        },
      ],
    });

    let gate: Promise<void> | undefined;
    let delivered = 0;
    const tailerA = track(new ConsumerRunner(
      new EventStore(await tailerSource('tailer-a')),
      {
        name: 'exactly-once',
        batchSize: 200,
        async handle(events, tx) {
          await recordDeliveries(events, tx);
          // Freeze mid-batch with the transaction open: the "crash" happens here.
          if (delivered > 3000 && !gate) gate = new Promise<void>((resolve) => (openGate = resolve));
          if (gate) await gate;
          delivered += events.length;
        },
      },
      { pollIntervalMs: 10, leaseMs: 1000, retryDelayMs: 50, onError: () => undefined },
    ));
    tailerA.start();

    const streamsPerWriter = 5;
    const writers = Array.from({ length: 20 }, async (_, w) => {
      const streams = Array.from({ length: streamsPerWriter }, () => ({ id: `case-${randomUUID()}`, version: 0 }));
      let written = 0;
      let turn = 0;
      while (written < 500) {
        const stream = streams[turn++ % streamsPerWriter];
        const count = Math.min(1 + ((w + turn) % 3), 500 - written);
        const events = Array.from({ length: count }, (_, i) => testEvent('NoteAdded', { w, i }));
        const result = await store.append(stream.id, events, { expectedVersion: stream.version });
        stream.version = result.streamVersion;
        written += count;
      }
    });
    const holdStream = `case-${randomUUID()}`;
    const holder = (async () => {
      for (let i = 0; i < 6; i++) {
        await slowStore.append(holdStream, [testEvent('SlowCommit', { i })], { expectedVersion: i });
        await sleep(100);
      }
    })();

    // Kill A mid-way: its backend dies inside the open batch transaction, and the process stays frozen.
    await waitFor(async () => gate !== undefined, 60_000, 'tailer A to freeze');
    await dataSource.query(
      `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'tailer-a' AND datname = current_database()`,
    );
    const tailerB = track(new ConsumerRunner(
      new EventStore(await tailerSource('tailer-b')),
      { name: 'exactly-once', batchSize: 200, handle: recordDeliveries },
      { pollIntervalMs: 10, leaseMs: 1000, retryDelayMs: 50 },
    ));
    tailerB.start();
    await waitFor(async () => tailerB.isLeaseHolder, 10_000, 'tailer B to take over the expired lease');
    // The zombie wakes up: its transaction is gone and its lease taken, so it must not commit anything.
    openGate();

    await Promise.all([...writers, holder]);
    const total = 20 * 500 + 6;
    await waitFor(
      async () => Number((await dataSource.query(`SELECT count(*)::int AS n FROM deliveries`))[0].n) === total && tailerB.isIdle,
      60_000,
      'tailer B to catch up',
    );
    expect(tailerA.isLeaseHolder).toBe(false);
    await Promise.all([tailerA.stop(), tailerB.stop()]);

    const [summary] = await dataSource.query(`
      SELECT count(*)::int AS events, count(*) FILTER (WHERE deliveries <> 1)::int AS redelivered,
             (SELECT count(*)::int FROM event_store.events) AS stored
      FROM deliveries`);
    expect(summary).toEqual({ events: total, redelivered: 0, stored: total });

    // Per stream, delivery order is version order.
    const [order] = await dataSource.query(`
      SELECT count(*)::int AS out_of_order FROM (
        SELECT stream_version, row_number() OVER (PARTITION BY stream_id ORDER BY delivery_seq) AS nth FROM deliveries
      ) d WHERE nth <> stream_version`);
    expect(order.out_of_order).toBe(0);

    // The scenario really happened: positions above a held event committed before it did.
    expect(laterCommitsWhileHeld).toBeGreaterThan(0);
  });

  it('runs a consumer name in one process at a time and hands over on stop', async () => {
    // A database of its own, so this consumer does not have to wade through the first test's log.
    const own = await createTestDatabase('es_consumer_owner');
    extraDatabases.push(own);
    const ownSource = await createMigratedDataSource(own.url, { poolSize: 10 });
    extraSources.push(ownSource);
    const store = new EventStore(ownSource);
    let active = 0;
    let overlapped = false;
    const seen: string[] = [];
    const consumer = (tag: string) => ({
      name: 'single-owner',
      batchSize: 5,
      async handle(events: StoredEvent[]) {
        active++;
        if (active > 1) overlapped = true;
        await sleep(5);
        seen.push(...events.map((e) => `${tag}:${e.eventId}`));
        active--;
      },
    }) satisfies Consumer;
    const owners = ['one', 'two', 'three'].map(
      (tag) => track(new ConsumerRunner(store, consumer(tag), { pollIntervalMs: 10, leaseMs: 5_000 })),
    );
    for (const runner of owners) runner.start();
    const id = `case-${randomUUID()}`;
    for (let i = 0; i < 10; i++) await store.append(id, [testEvent('NoteAdded', { i })], { expectedVersion: i });
    await waitFor(async () => owners.filter((r) => r.isLeaseHolder).length === 1, 5_000, 'one owner');
    const first = owners.find((r) => r.isLeaseHolder)!;
    await first.stop();
    // Released on stop, so another runner takes over well before the 5 s lease would expire.
    await waitFor(async () => owners.some((r) => r.isLeaseHolder), 1_000, 'hand-over');
    for (let i = 10; i < 20; i++) await store.append(id, [testEvent('NoteAdded', { i })], { expectedVersion: i });
    await waitFor(async () => seen.length >= 20, 10_000, 'all events');
    await Promise.all(owners.map((r) => r.stop()));
    expect(overlapped).toBe(false);
    const ids = seen.map((s) => s.split(':')[1]);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
