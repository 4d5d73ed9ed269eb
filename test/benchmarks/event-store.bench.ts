// `npm run bench:event-store`: the event store beside raw `pg` baselines measured in the same run,
// in a fresh database that is dropped at the end. Prints figures; see docs/benchmarks.md.
import { randomUUID } from 'node:crypto';
import os from 'node:os';
import {
  ConsumerRunner,
  createMigratedDataSource,
  createTestDatabase,
  EventStore,
  type EventMetadata,
} from '@secondlook/event-store';
import { runRebuildWithProgress } from '../../tools/projections-rebuild';
import { BENCH_PROJECTION_TABLES_SQL, benchStreamStats } from './event-store/bench-projection';
import { fmt, measureRate, median, percentile, sleep } from './event-store/measure';
import { rawPool } from './event-store/raw-pg';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 2);
// Raw and store runs alternate, and medians are reported: the box is shared, so load drifts during a run.
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const LOG_EVENTS = Number(process.env.BENCH_LOG_EVENTS ?? 1_000_000);
const CONCURRENCY = [1, 8, 32];

const metadata: EventMetadata = {
  actorId: 'bench-user',
  actorRole: 'coordinator',
  correlationId: randomUUID(),
  requestId: randomUUID(),
  occurredAt: new Date().toISOString(),
};
const event = (i: number) => ({ type: 'NoteAdded', schemaVersion: 1, data: { text: `note ${i}`, i }, metadata });

async function main(): Promise<void> {
  const database = await createTestDatabase('bench_event_store');
  const dataSource = await createMigratedDataSource(database.url, { poolSize: 34 });
  const raw = rawPool(database.url, 34);
  const store = new EventStore(dataSource);
  try {
    const [{ server_version, synchronous_commit }] = await dataSource.query(
      `SELECT current_setting('server_version') AS server_version, current_setting('synchronous_commit') AS synchronous_commit`,
    );
    console.log(`PostgreSQL ${server_version} (synchronous_commit=${synchronous_commit}), ${os.cpus().length} CPUs, Node ${process.version}`);
    console.log(`each rate: ${SECONDS} s after a 0.5 s warm-up; load average at start ${os.loadavg()[0].toFixed(1)}\n`);

    // Baseline table shaped like a minimal event row: a sequence, a text key and a jsonb body.
    await raw.query(`CREATE TABLE raw_inserts (id bigserial PRIMARY KEY, stream_id text NOT NULL, payload jsonb NOT NULL)`);

    console.log(`single-event appends/s (exact expected version, one stream per writer), median of ${ROUNDS} alternating rounds`);
    console.log('writers | raw pg INSERT/s | append/s | ratio | ratio per round  | append+idempotency key/s');
    for (const writers of CONCURRENCY) {
      const streams = Array.from({ length: writers }, () => ({ id: `bench-${randomUUID()}`, version: 0 }));
      const keyed = Array.from({ length: writers }, () => ({ id: `bench-${randomUUID()}`, version: 0 }));
      const rates = { raw: [] as number[], append: [] as number[], keyed: [] as number[] };
      for (let round = 0; round < ROUNDS; round++) {
        rates.raw.push(
          await measureRate(writers, SECONDS, (w) =>
            raw.query(`INSERT INTO raw_inserts (stream_id, payload) VALUES ($1, $2)`, [`raw-${w}`, JSON.stringify(event(w))]).then(() => undefined),
          ),
        );
        rates.append.push(
          await measureRate(writers, SECONDS, async (w) => {
            const stream = streams[w];
            stream.version = (await store.append(stream.id, [event(stream.version)], { expectedVersion: stream.version })).streamVersion;
          }),
        );
        rates.keyed.push(
          await measureRate(writers, SECONDS, async (w) => {
            const stream = keyed[w];
            const result = await store.append(stream.id, [event(stream.version)], {
              expectedVersion: stream.version,
              idempotencyKey: randomUUID(),
            });
            stream.version = result.streamVersion;
          }),
        );
      }
      const perRound = rates.append.map((rate, i) => fmt(rate / rates.raw[i], 2)).join(' ');
      console.log(
        `${String(writers).padStart(7)} | ${fmt(median(rates.raw)).padStart(15)} | ${fmt(median(rates.append)).padStart(8)} | ${fmt(median(rates.append) / median(rates.raw), 2).padStart(5)} | ${perRound.padEnd(16)} | ${fmt(median(rates.keyed)).padStart(8)}`,
      );
    }

    // 200-event streams, read back whole.
    const readStreams = Array.from({ length: 20 }, () => `bench-read-${randomUUID()}`);
    for (const id of readStreams) {
      for (let v = 0; v < 200; v += 50) {
        await store.append(id, Array.from({ length: 50 }, (_, i) => event(v + i)), { expectedVersion: v });
      }
    }
    for (let i = 0; i < 100; i++) await store.readStream(readStreams[i % readStreams.length]); // warm-up
    const timings: number[] = [];
    for (let i = 0; i < 2_000; i++) {
      const started = performance.now();
      const events = await store.readStream(readStreams[i % readStreams.length]);
      timings.push(performance.now() - started);
      if (events.length !== 200) throw new Error(`read ${events.length} events`);
    }
    timings.sort((a, b) => a - b);
    console.log(`\nreadStream of a 200-event stream (2,000 reads): p50 ${fmt(percentile(timings, 50), 2)} ms, p95 ${fmt(percentile(timings, 95), 2)} ms`);

    // A log of LOG_EVENTS events over 10,000 streams, interleaved, made in SQL (seconds, not minutes).
    const generated = performance.now();
    const streamsInLog = 10_000;
    const chunk = 100_000;
    for (let from = 0; from < LOG_EVENTS; from += chunk) {
      await dataSource.query(
        `INSERT INTO event_store.events (stream_id, stream_version, event_id, type, schema_version, data, metadata)
         SELECT 'bench-log-' || (g % $3), g / $3 + 1, gen_random_uuid(),
                (ARRAY['CaseOpened', 'NoteAdded', 'PreAuthRequested', 'RecordsSent'])[1 + g % 4], 1,
                jsonb_build_object('text', 'note ' || g, 'i', g), $4::jsonb
         FROM generate_series($1::int, $2::int) AS g`,
        [from, Math.min(from + chunk, LOG_EVENTS) - 1, streamsInLog, JSON.stringify(metadata)],
      );
    }
    await dataSource.query(
      `INSERT INTO event_store.streams (stream_id, version)
       SELECT stream_id, max(stream_version) FROM event_store.events WHERE stream_id LIKE 'bench-log-%' GROUP BY stream_id`,
    );
    await dataSource.query(`VACUUM ANALYZE event_store.events`);
    const [{ total }] = await dataSource.query(`SELECT count(*)::int AS total FROM event_store.events`);
    console.log(`\nlog: ${fmt(total)} events generated in ${fmt((performance.now() - generated) / 1000, 1)} s`);

    // Tailing: a checkpointed consumer with an empty handler, from the start of the log.
    let tailed = 0;
    const tailer = new ConsumerRunner(
      store,
      { name: 'bench-tailer', batchSize: 1_000, handle: async (events) => void (tailed += events.length) },
      { pollIntervalMs: 5 },
    );
    const tailStarted = performance.now();
    tailer.start();
    const tailDeadline = tailStarted + 20_000;
    while (tailed < total && performance.now() < tailDeadline) await sleep(20);
    const tailSeconds = (performance.now() - tailStarted) / 1000;
    await tailer.stop();
    console.log(`tailing (batches of 1,000, checkpoint per batch): ${fmt(tailed)} events in ${fmt(tailSeconds, 1)} s = ${fmt(tailed / tailSeconds)} events/s`);

    // Rebuild through the CLI's entry point, progress bar included.
    for (const sql of BENCH_PROJECTION_TABLES_SQL) await dataSource.query(sql);
    const report = await runRebuildWithProgress(dataSource, [benchStreamStats], benchStreamStats.name, { progress: true });
    const [{ streams, counted }] = await dataSource.query(
      `SELECT count(*)::int AS streams, sum(events)::int AS counted FROM bench_stream_stats`,
    );
    if (counted !== total) throw new Error(`rebuild counted ${counted} of ${total} events`);
    console.log(
      `rebuild of ${benchStreamStats.name}: ${fmt(report.events)} events (${fmt(streams)} streams) in ${fmt(report.durationMs / 1000, 1)} s = ${fmt(report.events / (report.durationMs / 1000))} events/s`,
    );
  } finally {
    await raw.end();
    await dataSource.destroy();
    await database.drop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
