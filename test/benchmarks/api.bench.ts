// `npm run bench:api`: 100,000 synthetic cases, then the api (its own process)
// under load from autocannon, beside the event store's raw append rate measured
// in the same run. Prints figures; see docs/benchmarks.md.
import { createTestDatabase, EventStore } from '@secondlook/event-store';
import { postgresOptions } from '@secondlook/platform';
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { freePort, repoRoot, waitUntil } from '../support/running-product';
import { bulkLoadCases } from './api/bulk-load-cases';
import { load as loadOnce } from './api/load-generator';

const CASES = Number(process.env.BENCH_CASES ?? 100_000);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
// Profiling knobs: extra node flags for the api (e.g. `--cpu-prof --cpu-prof-dir=/tmp/prof`).
// Run a subset of the loads: e.g. BENCH_ONLY=commands (names: list, search, detail, commands).
const ONLY = process.env.BENCH_ONLY?.split(',');
const wanted = (name: string): boolean => !ONLY || ONLY.includes(name);
const API_NODE_ARGS = (process.env.BENCH_API_NODE_ARGS ?? '').split(' ').filter(Boolean);

async function main(): Promise<void> {
  const database = await createTestDatabase('bench_api');
  const port = await freePort();
  const admin = { email: 'bench-admin@bench.test', password: 'bench-admin-password' };
  const api = spawn(process.execPath, [...API_NODE_ARGS, process.env.BENCH_API_MAIN ?? join(repoRoot, 'dist/apps/api/main.js')], {
    env: { ...process.env, PORT: String(port), DATABASE_URL: database.url, LOG_LEVEL: 'warn', SEED_DEMO: 'false', REDIS_PREFIX: `bench-${port}`, ADMIN_EMAIL: admin.email, ADMIN_PASSWORD: admin.password, JWT_SECRET: randomUUID() + randomUUID() },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const base = `http://127.0.0.1:${port}`;
  const dataSource = new DataSource(postgresOptions(database.url, [], 16));
  try {
    await waitUntil(async () => (await fetch(`${base}/api/health`)).ok, 'the api', 60_000);
    await dataSource.initialize();

    const started = Date.now();
    const loaded = await bulkLoadCases(dataSource, CASES, 16, (done, events) => process.stdout.write(`\rloading: ${done}/${CASES} cases, ${events} events`));
    const loadSeconds = (Date.now() - started) / 1000;
    console.log(`\nloaded ${CASES} cases, ${loaded.events} events in ${loadSeconds.toFixed(0)} s (${(loaded.events / loadSeconds).toFixed(0)} events/s)`);
    // Measure the steady state, not the bulk load's aftermath: set hint bits and the visibility
    // map now, and flush the dirty pages, so neither lands on whichever load happens to run first.
    await dataSource.query('VACUUM ANALYZE');
    await dataSource.query('CHECKPOINT');

    const token = await coordinatorToken(base, admin);
    const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
    // Every load also reports the api process's CPU per request: a figure that holds even when
    // other work shares the machine, unlike latency and throughput.
    const load = (options: Parameters<typeof loadOnce>[0]) => loadOnce({ ...options, cpuOfPid: api.pid });
    const pick = () => loaded.caseIds[Math.floor(Math.random() * loaded.caseIds.length)];

    type Result = Awaited<ReturnType<typeof loadOnce>>;
    const listUrl = `${base}/api/cases?phase=records&urgency=urgent&sort=target-date&limit=25`;
    const detailLoad = (connections: number) => load({ url: `${base}/api/cases/${pick()}`, connections, seconds: SECONDS, headers, setupRequest: (request) => ({ ...request, path: `/api/cases/${pick()}` }) });
    // One connection: the latency a single user sees; then 8 connections: the same under concurrent use.
    const firstPageSingle = wanted('list') ? await load({ url: listUrl, connections: 1, seconds: SECONDS, headers }) : undefined;
    const detailSingle = wanted('detail') ? await detailLoad(1) : undefined;
    const firstPage = wanted('list') ? await load({ url: listUrl, connections: 8, seconds: SECONDS, headers }) : undefined;
    const search = wanted('search') ? await load({ url: `${base}/api/cases?q=mar&limit=25`, connections: 8, seconds: SECONDS, headers }) : undefined;
    const detail = wanted('detail') ? await detailLoad(8) : undefined;
    const commands = wanted('commands')
      ? await load({
          url: `${base}/api/cases/${pick()}/commands/add-note`,
          method: 'POST',
          body: JSON.stringify({ text: 'benchmark note' }),
          connections: 32,
          seconds: SECONDS,
          headers,
          setupRequest: (request) => ({ ...request, path: `/api/cases/${pick()}/commands/add-note` }),
        })
      : undefined;
    // The framework's floor: a request the auth guard refuses (no token, no database, no audit).
    // Nothing the api serves can be cheaper, so it bounds what commands/s could ever reach here.
    const floor = wanted('commands') ? await load({ url: `${base}/api/cases`, connections: 32, seconds: SECONDS, headers: {} }) : undefined;
    const rawAppends = await rawAppendRate(dataSource, 32, SECONDS);

    const row = (name: string, r: Result | undefined) => {
      if (r) console.log(`${name.padEnd(44)} p50 ${r.p50.toFixed(1).padStart(6)} ms   p95 ${r.p95.toFixed(1).padStart(6)} ms   ${r.perSecond.toFixed(0).padStart(6)} req/s   api CPU ${r.cpuMsPerRequest?.toFixed(2) ?? '?'} ms/req   (${r.requests} requests, ${r.non2xx} non-2xx)`);
    };
    console.log(`\nSecondLook api benchmark — ${CASES} cases, ${loaded.events} events, ${SECONDS} s per load`);
    row('GET /api/cases first page, 2 filters (1 c)', firstPageSingle);
    row('GET /api/cases first page, 2 filters (8 c)', firstPage);
    row('GET /api/cases?q= name search (8 c)', search);
    row('GET /api/cases/:id detail (1 c)', detailSingle);
    row('GET /api/cases/:id detail (8 c)', detail);
    row('POST add-note commands over HTTP (32 c)', commands);
    if (floor) console.log(`${'HTTP floor: 401 without a token (32 c)'.padEnd(44)} ${(floor.requests / SECONDS).toFixed(0)} req/s   api CPU ${floor.cpuMsPerRequest?.toFixed(2) ?? '?'} ms/req`);
    console.log(`${'EventStore.append raw, single event (32 w)'.padEnd(44)} ${rawAppends.toFixed(0)} appends/s`);
    if (commands && floor) console.log(`commands/s ÷ HTTP floor req/s = ${(commands.perSecond / (floor.requests / SECONDS)).toFixed(2)}; HTTP floor ÷ raw appends/s = ${(floor.requests / SECONDS / rawAppends).toFixed(2)}`);
    if (commands) console.log(`commands/s ÷ raw appends/s = ${(commands.perSecond / rawAppends).toFixed(2)} (target ≥ 0.3)`);
    const verdict = (r: Result | undefined, target: number) => (r ? `${r.p95.toFixed(1)} ms ${r.p95 <= target ? 'met' : 'NOT met'}` : 'not run');
    console.log(`targets: list p95 ≤ 25 ms: 1 c ${verdict(firstPageSingle, 25)}, 8 c ${verdict(firstPage, 25)}; detail p95 ≤ 10 ms: 1 c ${verdict(detailSingle, 10)}, 8 c ${verdict(detail, 10)}`);
  } finally {
    api.kill('SIGTERM');
    await new Promise((resolve) => api.once('exit', resolve));
    if (dataSource.isInitialized) await dataSource.destroy();
    // BENCH_KEEP_DATABASE=1 leaves the loaded database behind, e.g. to EXPLAIN the worklist queries.
    if (process.env.BENCH_KEEP_DATABASE === '1') console.log(`kept the database: ${database.url}`);
    else await database.drop();
  }
}

async function coordinatorToken(base: string, admin: { email: string; password: string }): Promise<string> {
  const login = async (email: string, password: string) => {
    const response = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password }) });
    if (!response.ok) throw new Error(`login failed: ${response.status} ${await response.text()}`);
    return ((await response.json()) as { accessToken: string }).accessToken;
  };
  const adminToken = await login(admin.email, admin.password);
  const coordinator = { email: 'bench-coordinator@bench.test', name: 'Bench Coordinator', role: 'coordinator', password: 'bench-coordinator-password' };
  const created = await fetch(`${base}/api/users`, { method: 'POST', headers: { authorization: `Bearer ${adminToken}`, 'content-type': 'application/json' }, body: JSON.stringify(coordinator) });
  if (!created.ok) throw new Error(`creating the coordinator failed: ${created.status} ${await created.text()}`);
  return login(coordinator.email, coordinator.password);
}

/** The store's own ceiling on this machine: single-event appends to fresh streams, no HTTP. */
async function rawAppendRate(dataSource: DataSource, writers: number, seconds: number): Promise<number> {
  const store = new EventStore(dataSource);
  const deadline = Date.now() + seconds * 1000;
  let appended = 0;
  await Promise.all(
    Array.from({ length: writers }, async () => {
      while (Date.now() < deadline) {
        await store.append(`bench-${randomUUID()}`, [{ type: 'BenchmarkEvent', schemaVersion: 1, data: { n: appended }, metadata: { actorId: 'bench', actorRole: 'bench', requestId: 'bench', correlationId: 'bench', occurredAt: new Date().toISOString() } }], { expectedVersion: 0 });
        appended++;
      }
    }),
  );
  return appended / seconds;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
