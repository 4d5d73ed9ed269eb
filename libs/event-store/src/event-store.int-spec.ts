import { randomUUID } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import { ConcurrencyError } from './concurrency.error';
import type { StoredEvent } from './event.types';
import { EventStore } from './event-store';
import type { InlineProjection } from './projection.type';
import { testEvent } from './testing/event-fixtures';
import { createMigratedDataSource } from './testing/migrated-data-source';
import { createTestDatabase, type TestDatabase } from './testing/test-database';

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

describe('EventStore (PostgreSQL)', () => {
  let database: TestDatabase;
  let dataSource: DataSource;
  let store: EventStore;

  beforeAll(async () => {
    database = await createTestDatabase('es_store');
    dataSource = await createMigratedDataSource(database.url, { poolSize: 60 });
    store = new EventStore(dataSource);
  });

  afterAll(async () => {
    await dataSource?.destroy();
    await database?.drop();
  });

  const streamId = () => `case-${randomUUID()}`;

  it('appends, reads back, and reports the version', async () => {
    const id = streamId();
    const first = await store.append(id, [testEvent('CaseOpened', { n: 1 }), testEvent('NoteAdded', { n: 2 })], {
      expectedVersion: 0,
    });
    expect(first.streamVersion).toBe(2);
    expect(first.replayed).toBe(false);
    expect(first.events.map((e) => e.streamVersion)).toEqual([1, 2]);
    expect(BigInt(first.events[1].globalPosition)).toBeGreaterThan(BigInt(first.events[0].globalPosition));

    const read = await store.readStream(id);
    expect(read).toEqual(first.events);
    expect(await store.streamVersion(id)).toBe(2);
    expect(await store.streamVersion(streamId())).toBe(0);
    expect(await store.readStream(streamId())).toEqual([]);
    expect((await store.readStream(id, { fromVersion: 2 })).map((e) => e.type)).toEqual(['NoteAdded']);
  });

  it('rejects a stale or missing expected version with the actual version', async () => {
    const id = streamId();
    await expect(store.append(id, [testEvent('NoteAdded', {})], { expectedVersion: 3 })).rejects.toMatchObject({
      name: 'ConcurrencyError',
      actualVersion: 0,
    });
    await store.append(id, [testEvent('CaseOpened', {})], { expectedVersion: 0 });
    await expect(store.append(id, [testEvent('CaseOpened', {})], { expectedVersion: 0 })).rejects.toMatchObject({
      actualVersion: 1,
      expectedVersion: 0,
    });
    const any = await store.append(id, [testEvent('NoteAdded', {})], { expectedVersion: 'any' });
    expect(any.streamVersion).toBe(2);
  });

  it('lets exactly one of 50 concurrent appends at the same version win, leaving no holes', async () => {
    const id = streamId();
    await store.append(id, [testEvent('CaseOpened', {})], { expectedVersion: 0 });
    const outcomes = await Promise.allSettled(
      Array.from({ length: 50 }, (_, i) => store.append(id, [testEvent('NoteAdded', { i })], { expectedVersion: 1 })),
    );
    const won = outcomes.filter((o) => o.status === 'fulfilled');
    const lost = outcomes.flatMap((o) => (o.status === 'rejected' ? [o.reason as unknown] : []));
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(49);
    for (const error of lost) {
      expect(error).toBeInstanceOf(ConcurrencyError);
      expect(error).toMatchObject({ streamId: id, expectedVersion: 1, actualVersion: 2 });
    }
    const versions = (await store.readStream(id)).map((e) => e.streamVersion);
    expect(versions).toEqual([1, 2]);
  });

  it('keeps versions gapless under 50 concurrent "any" appends', async () => {
    const id = streamId();
    await Promise.all(
      Array.from({ length: 50 }, (_, i) => store.append(id, [testEvent('NoteAdded', { i })], { expectedVersion: 'any' })),
    );
    const events = await store.readStream(id);
    expect(events.map((e) => e.streamVersion)).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
    expect(await store.streamVersion(id)).toBe(50);
  });

  it('answers an idempotent retry with the first result and appends nothing', async () => {
    const id = streamId();
    await store.append(id, [testEvent('CaseOpened', {})], { expectedVersion: 0 });
    const command = () => [testEvent('PreAuthRequested', { at: randomUUID() }), testEvent('NoteAdded', {})];
    const first = await store.append(id, command(), { expectedVersion: 1, idempotencyKey: 'request-1' });
    const retry = await store.append(id, command(), { expectedVersion: 1, idempotencyKey: 'request-1' });
    expect(retry.replayed).toBe(true);
    expect({ ...retry, replayed: false }).toEqual(first);
    // Same key on a retry carrying the *new* expected version is still a replay, not a second append.
    const retryLater = await store.append(id, command(), { expectedVersion: 3, idempotencyKey: 'request-1' });
    expect(retryLater.events.map((e) => e.eventId)).toEqual(first.events.map((e) => e.eventId));
    expect(await store.streamVersion(id)).toBe(3);

    // Racing retries of one command: one appends, the others replay it.
    const racing = await Promise.all(
      Array.from({ length: 10 }, () => store.append(id, command(), { expectedVersion: 3, idempotencyKey: 'request-2' })),
    );
    expect(racing.filter((r) => !r.replayed)).toHaveLength(1);
    expect(new Set(racing.map((r) => r.events[0].eventId)).size).toBe(1);
    expect(await store.streamVersion(id)).toBe(5);
  });

  it('does not burn an idempotency key on a conflicting append', async () => {
    const id = streamId();
    await store.append(id, [testEvent('CaseOpened', {})], { expectedVersion: 0 });
    await expect(
      store.append(id, [testEvent('NoteAdded', {})], { expectedVersion: 7, idempotencyKey: 'k' }),
    ).rejects.toBeInstanceOf(ConcurrencyError);
    const ok = await store.append(id, [testEvent('NoteAdded', {})], { expectedVersion: 1, idempotencyKey: 'k' });
    expect(ok).toMatchObject({ replayed: false, streamVersion: 2 });
  });

  it('rejects a duplicate event id', async () => {
    const eventId = randomUUID();
    await store.append(streamId(), [{ ...testEvent('CaseOpened', {}), eventId }], { expectedVersion: 0 });
    await expect(
      store.append(streamId(), [{ ...testEvent('CaseOpened', {}), eventId }], { expectedVersion: 0 }),
    ).rejects.toThrow(/events_event_id_uq/);
  });

  it('commits inline projections with the events, and rolls the events back when one fails', async () => {
    await dataSource.query(`CREATE TABLE inline_counts (stream_id text PRIMARY KEY, events int NOT NULL)`);
    const counting: InlineProjection = {
      name: 'inline-counts',
      async apply(events: StoredEvent[], tx: EntityManager) {
        await tx.query(
          `INSERT INTO inline_counts (stream_id, events) VALUES ($1, $2)
           ON CONFLICT (stream_id) DO UPDATE SET events = inline_counts.events + EXCLUDED.events`,
          [events[0].streamId, events.length],
        );
      },
    };
    const failing: InlineProjection = {
      name: 'failing',
      async apply(events: StoredEvent[]) {
        if (events.some((e) => e.type === 'Poison')) throw new Error('projection refused');
      },
    };
    const withProjections = new EventStore(dataSource, { inlineProjections: [counting, failing] });
    const id = streamId();
    await withProjections.append(id, [testEvent('CaseOpened', {}), testEvent('NoteAdded', {})], { expectedVersion: 0 });
    await expect(
      withProjections.append(id, [testEvent('NoteAdded', {}), testEvent('Poison', {})], { expectedVersion: 2 }),
    ).rejects.toThrow('projection refused');
    expect((await store.readStream(id)).map((e) => e.type)).toEqual(['CaseOpened', 'NoteAdded']);
    expect(await store.streamVersion(id)).toBe(2);
    expect(await dataSource.query(`SELECT events FROM inline_counts WHERE stream_id = $1`, [id])).toEqual([{ events: 2 }]);
  });

  it('reads a stream as of a point in time', async () => {
    const id = streamId();
    await store.append(id, [testEvent('CaseOpened', {})], { expectedVersion: 0 });
    await sleep(20);
    const between = new Date();
    await sleep(20);
    await store.append(id, [testEvent('NoteAdded', {})], { expectedVersion: 1 });
    expect((await store.readStream(id, { asOf: between })).map((e) => e.type)).toEqual(['CaseOpened']);
    expect(await store.readStream(id, { asOf: new Date(0) })).toEqual([]);
    // An event's own recordedAt (millisecond precision) includes it.
    const [first] = await store.readStream(id);
    expect((await store.readStream(id, { asOf: first.recordedAt })).map((e) => e.type)).toEqual(['CaseOpened']);
  });

  it('reads old event shapes through upcasters', async () => {
    const id = streamId();
    await store.append(id, [testEvent('CaseOpened', { patientName: 'Ada Lovelace' }, 1)], { expectedVersion: 0 });
    const upcasting = new EventStore(dataSource, {
      upcasters: [
        {
          type: 'CaseOpened',
          fromVersion: 1,
          upcast: (data) => {
            const { patientName, ...rest } = data as { patientName: string };
            const [given, family] = patientName.split(' ');
            return { ...rest, patient: { given, family } };
          },
        },
        { type: 'CaseOpened', fromVersion: 2, upcast: (data) => ({ ...(data as object), urgency: 'routine' }) },
      ],
    });
    const [event] = await upcasting.readStream(id);
    expect(event).toMatchObject({ schemaVersion: 3, data: { patient: { given: 'Ada', family: 'Lovelace' }, urgency: 'routine' } });
    const [raw] = await store.readStream(id);
    expect(raw).toMatchObject({ schemaVersion: 1, data: { patientName: 'Ada Lovelace' } });
  });

  it('refuses to update or delete events', async () => {
    await expect(dataSource.query(`DELETE FROM event_store.events`)).rejects.toThrow(/append-only/);
  });

  it('reads the global log after a position', async () => {
    const [last] = await dataSource.query(`SELECT max(global_position)::text AS position FROM event_store.events`);
    const id = streamId();
    await store.append(id, [testEvent('CaseOpened', {}), testEvent('NoteAdded', {})], { expectedVersion: 0 });
    // Waits out write transactions elsewhere in the cluster, which hold the xmin horizon back.
    let after: StoredEvent[] = [];
    for (const deadline = Date.now() + 20_000; Date.now() < deadline; await sleep(50)) {
      after = await store.readAll({ after: last.position, limit: 1000 });
      if (after.some((e) => e.streamId === id)) break;
    }
    expect(after.filter((e) => e.streamId === id).map((e) => e.streamVersion)).toEqual([1, 2]);
    const positions = after.map((e) => BigInt(e.globalPosition));
    expect(positions).toEqual([...positions].sort((a, b) => (a < b ? -1 : 1)));
    expect(await store.readAll({ after: last.position, limit: 1 })).toHaveLength(1);
  });
});
