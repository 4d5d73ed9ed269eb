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
import { load } from './api/load-generator';

const CASES = Number(process.env.BENCH_CASES ?? 100_000);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);

async function main(): Promise<void> {
  const database = await createTestDatabase('bench_api');
  const port = await freePort();
  const admin = { email: 'bench-admin@bench.test', password: 'bench-admin-password' };
  const api = spawn(process.execPath, [join(repoRoot, 'dist/apps/api/main.js')], {
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
    await dataSource.query('ANALYZE');

    const token = await coordinatorToken(base, admin);
    const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
    const pick = () => loaded.caseIds[Math.floor(Math.random() * loaded.caseIds.length)];

    // One connection: the latency a single user sees; then 8 connections: the same under concurrent use.
    const firstPageSingle = await load({ url: `${base}/api/cases?phase=records&urgency=urgent&sort=target-date&limit=25`, connections: 1, seconds: SECONDS, headers });
    const detailSingle = await load({ url: `${base}/api/cases/${pick()}`, connections: 1, seconds: SECONDS, headers, setupRequest: (request) => ({ ...request, path: `/api/cases/${pick()}` }) });
    const firstPage = await load({ url: `${base}/api/cases?phase=records&urgency=urgent&sort=target-date&limit=25`, connections: 8, seconds: SECONDS, headers });
    const search = await load({ url: `${base}/api/cases?q=mar&limit=25`, connections: 8, seconds: SECONDS, headers });
    const detail = await load({ url: `${base}/api/cases/${pick()}`, connections: 8, seconds: SECONDS, headers, setupRequest: (request) => ({ ...request, path: `/api/cases/${pick()}` }) });
    const commands = await load({
      url: `${base}/api/cases/${pick()}/commands/add-note`,
      method: 'POST',
      body: JSON.stringify({ text: 'benchmark note' }),
      connections: 32,
      seconds: SECONDS,
      headers,
      setupRequest: (request) => ({ ...request, path: `/api/cases/${pick()}/commands/add-note` }),
    });
    const rawAppends = await rawAppendRate(dataSource, 32, SECONDS);

    const row = (name: string, r: { p50: number; p95: number; perSecond: number; requests: number; non2xx: number }) =>
      console.log(`${name.padEnd(44)} p50 ${r.p50.toFixed(1).padStart(6)} ms   p95 ${r.p95.toFixed(1).padStart(6)} ms   ${r.perSecond.toFixed(0).padStart(6)} req/s   (${r.requests} requests, ${r.non2xx} non-2xx)`);
    console.log(`\nSecondLook api benchmark — ${CASES} cases, ${loaded.events} events, ${SECONDS} s per load`);
    row('GET /api/cases first page, 2 filters (1 c)', firstPageSingle);
    row('GET /api/cases first page, 2 filters (8 c)', firstPage);
    row('GET /api/cases?q= name search (8 c)', search);
    row('GET /api/cases/:id detail (1 c)', detailSingle);
    row('GET /api/cases/:id detail (8 c)', detail);
    row('POST add-note commands over HTTP (32 c)', commands);
    console.log(`${'EventStore.append raw, single event (32 w)'.padEnd(44)} ${rawAppends.toFixed(0)} appends/s`);
    console.log(`commands/s ÷ raw appends/s = ${(commands.perSecond / rawAppends).toFixed(2)} (target ≥ 0.3)`);
    const verdict = (p95: number, target: number) => `${p95.toFixed(1)} ms ${p95 <= target ? 'met' : 'NOT met'}`;
    console.log(`targets: list p95 ≤ 25 ms: 1 c ${verdict(firstPageSingle.p95, 25)}, 8 c ${verdict(firstPage.p95, 25)}; detail p95 ≤ 10 ms: 1 c ${verdict(detailSingle.p95, 10)}, 8 c ${verdict(detail.p95, 10)}`);
  } finally {
    api.kill('SIGTERM');
    await new Promise((resolve) => api.once('exit', resolve));
    if (dataSource.isInitialized) await dataSource.destroy();
    await database.drop();
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
