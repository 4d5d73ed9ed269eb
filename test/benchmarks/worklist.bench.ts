/**
 * Dashboard benchmark: with N cases loaded into a fresh database, how long from navigation
 * until the worklist's first page of cases is on screen, measured in Chromium with the
 * browser's own Performance API (not a timed test).
 *
 *   npx nx run-many -t build --projects=api,dashboard
 *   SWC_NODE_PROJECT=tsconfig.base.json node -r @swc-node/register test/benchmarks/worklist.bench.ts --cases 100000 --runs 15
 *
 * Options: --cases N; --runs R (navigations measured per build, after one warm-up); --keep
 * (leave the database); --cold (no HTTP or code cache: every navigation is a first visit);
 * --dashboard-dir DIR (the build to serve; give it twice, e.g. the previous commit's build and
 * this one's, to compare them on the same data, navigations alternating).
 *
 * Needs PostgreSQL (the tests' admin URL) and Redis, as the e2e tests do. Cases go in through
 * the api benchmark's bulk loader (real domain decisions, real EventStore appends and
 * case_summaries projection, one transaction per case), so 100,000 cases load in minutes.
 */
import { createTestDatabase } from '@secondlook/event-store';
import { postgresOptions } from '@secondlook/platform';
import { spawn } from 'node:child_process';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { DataSource } from 'typeorm';
import { deleteRedisPrefix } from '../../apps/api/src/testing/redis-prefix';
import { launchChromium } from '../support/browser';
import { freePort, repoRoot, waitUntil } from '../support/running-product';
import { bulkLoadCases } from './api/bulk-load-cases';
import { type FirstPageSample, measureFirstPage, signedInPage } from './worklist/measure-first-page';

const BENCH_ADMIN = { email: 'bench-admin@clinic.test', password: 'bench-admin-password-2026' };
const BENCH_COORDINATOR = { email: 'bench-coordinator@clinic.test', password: 'bench-coordinator-password-2026', name: 'Bench Coordinator', role: 'coordinator' };

async function bearer(baseUrl: string, account: { email: string; password: string }): Promise<string> {
  const response = await fetch(`${baseUrl}/api/auth/login`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ email: account.email, password: account.password }) });
  if (!response.ok) throw new Error(`sign-in as ${account.email}: ${response.status} ${await response.text()}`);
  return ((await response.json()) as { accessToken: string }).accessToken;
}

/** The coordinator the browser signs in as, created by the start-up admin as a clinic would. */
async function createCoordinator(baseUrl: string): Promise<string> {
  const admin = await bearer(baseUrl, BENCH_ADMIN);
  const created = await fetch(`${baseUrl}/api/users`, { method: 'POST', headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${admin}` }, body: JSON.stringify(BENCH_COORDINATOR) });
  if (created.status !== 201) throw new Error(`creating the coordinator: ${created.status} ${await created.text()}`);
  return bearer(baseUrl, BENCH_COORDINATOR);
}

/** The coordinator's first screen must show the loaded cases, not an empty or filtered list. */
async function checkCoordinatorSeesCases(baseUrl: string, token: string, cases: number): Promise<void> {
  const get = async <T>(path: string): Promise<T> => {
    const response = await fetch(`${baseUrl}${path}`, { headers: { Authorization: `Bearer ${token}` } });
    if (!response.ok) throw new Error(`GET ${path}: ${response.status}`);
    return (await response.json()) as T;
  };
  const page = await get<{ items: unknown[]; nextCursor: string | null }>('/api/cases?sort=age&limit=25');
  const counts = await get<{ total: number }>('/api/cases/counts');
  const expectedRows = Math.min(25, cases);
  if (page.items.length !== expectedRows) throw new Error(`the coordinator's first page has ${page.items.length} cases, expected ${expectedRows}`);
  if (counts.total !== cases) throw new Error(`the counts say ${counts.total} cases, expected ${cases}`);
  process.stdout.write(`the coordinator's worklist: first page ${page.items.length} cases, more pages: ${page.nextCursor !== null}, total ${counts.total}\n`);
}

const percentile = (values: number[], p: number): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
};

interface ApiProcess {
  baseUrl: string;
  stop(): Promise<void>;
}

/** The built api serving one dashboard build, as its own process, on the benchmark's database. */
async function startApi(env: NodeJS.ProcessEnv, dashboardDir: string): Promise<ApiProcess> {
  const port = await freePort();
  const child = spawn(process.execPath, [join(repoRoot, 'dist/apps/api/main.js')], { env: { ...env, PORT: String(port), DASHBOARD_DIR: dashboardDir }, stdio: ['ignore', 'ignore', 'inherit'] });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  const baseUrl = `http://127.0.0.1:${port}`;
  const stop = async () => {
    child.kill('SIGTERM');
    await exited;
  };
  // The first api migrates the fresh database on start-up; the loader writes only after that.
  await waitUntil(async () => (await fetch(`${baseUrl}/api/health`)).ok, 'the api', 120_000).catch(async (error: unknown) => {
    await stop();
    throw error;
  });
  return { baseUrl, stop };
}

function report(label: string, samples: FirstPageSample[]): string {
  const row = (name: string, pick: (sample: FirstPageSample) => number) => {
    const list = samples.map(pick);
    return `| ${name} | ${percentile(list, 50).toFixed(0)} | ${percentile(list, 95).toFixed(0)} | ${Math.max(...list).toFixed(0)} |`;
  };
  const doubled = samples.filter((sample) => sample.listRequests !== 1).length;
  return [
    `${label}:`,
    '| measure | median | p95 | max |',
    '| --- | --- | --- | --- |',
    row('navigation → first page of cases rendered', (sample) => sample.firstRowMs),
    row('navigation → DOMContentLoaded', (sample) => sample.domContentLoadedMs),
    row('POST /api/auth/refresh (restoring the session)', (sample) => sample.refreshApiMs),
    row('navigation → worklist chunk fetched', (sample) => sample.worklistChunkEndMs),
    row('navigation → GET /api/cases sent', (sample) => sample.listRequestStartMs),
    row('navigation → GET /api/cases answered', (sample) => sample.listResponseEndMs),
    row('GET /api/cases (first page)', (sample) => sample.listApiMs),
    ...(doubled > 0 ? [`(in ${doubled} navigations the first page was not asked for exactly once before it showed)`] : []),
    '',
  ].join('\n');
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      cases: { type: 'string', default: '10000' },
      runs: { type: 'string', default: '10' },
      keep: { type: 'boolean', default: false },
      cold: { type: 'boolean', default: false },
      // More than one: each build gets its own api process on the same data, and the
      // navigations alternate between them, so load on a shared machine hits them alike.
      'dashboard-dir': { type: 'string', multiple: true, default: [join(repoRoot, 'dist/apps/dashboard')] },
    },
  });
  const cases = Number(values.cases);
  const runs = Number(values.runs);
  const dashboards = values['dashboard-dir'];
  const loadAtStart = loadavg()[0];
  const database = await createTestDatabase('bench_dashboard');
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: 'production',
    JWT_SECRET: 'bench-only-secret-0123456789abcdef0123456789',
    DATABASE_URL: database.url,
    REDIS_URL: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379',
    REDIS_PREFIX: `bench-dash-${process.pid}`,
    LOG_LEVEL: 'warn',
    SEED_DEMO: 'false',
    ADMIN_EMAIL: BENCH_ADMIN.email,
    ADMIN_PASSWORD: BENCH_ADMIN.password,
  };
  const apis: ApiProcess[] = [];
  const dataSource = new DataSource(postgresOptions(database.url, [], 16));
  try {
    for (const dashboard of dashboards) apis.push(await startApi(env, dashboard));
    await dataSource.initialize();
    const loadStarted = Date.now();
    const loaded = await bulkLoadCases(dataSource, cases, 16, (done, events) => process.stdout.write(`\rloading: ${done}/${cases} cases, ${events} events`));
    const loadSeconds = (Date.now() - loadStarted) / 1000;
    process.stdout.write(`\nloaded ${cases} cases, ${loaded.events} events in ${loadSeconds.toFixed(0)} s\n`);
    await dataSource.query('ANALYZE');
    await checkCoordinatorSeesCases(apis[0].baseUrl, await createCoordinator(apis[0].baseUrl), cases);

    const browser = await launchChromium();
    const samples: FirstPageSample[][] = dashboards.map(() => []);
    try {
      const pages = [];
      for (const api of apis) pages.push(await signedInPage(browser, api.baseUrl, BENCH_COORDINATOR, values.cold));
      for (let run = 0; run <= runs; run += 1) {
        for (const [index, page] of pages.entries()) {
          const sample = await measureFirstPage(page, apis[index].baseUrl);
          if (run > 0) samples[index].push(sample); // run 0 warms the caches
        }
      }
    } finally {
      await browser.close();
    }
    process.stdout.write(
      `\nWorklist, ${cases} cases, ${runs} ${values.cold ? 'cold (no HTTP or code cache) ' : ''}navigations to / per build as a coordinator; load average ${loadAtStart.toFixed(2)} at start, ${loadavg()[0].toFixed(2)} at end; milliseconds.\n\n` +
        dashboards.map((dashboard, index) => report(dashboard, samples[index])).join('\n'),
    );
  } finally {
    for (const api of apis) await api.stop();
    if (dataSource.isInitialized) await dataSource.destroy();
    if (!values.keep) await database.drop();
    await deleteRedisPrefix(String(env.REDIS_URL), String(env.REDIS_PREFIX));
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
