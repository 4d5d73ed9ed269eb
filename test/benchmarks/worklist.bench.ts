/**
 * Dashboard benchmark: with N cases seeded into a fresh database, how long from navigation
 * until the worklist's first page of cases is on screen, measured in Chromium with the
 * browser's own Performance API (not a timed test).
 *
 *   npm run build   # api + dashboard
 *   node -r @swc-node/register test/benchmarks/worklist.bench.ts --cases 100000 --runs 15
 *
 * Needs PostgreSQL (the tests' admin URL) and Redis, as the e2e tests do.
 */
import { spawn, spawnSync } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';
// Relative, not '@secondlook/…': plain `node -r @swc-node/register` does not read the path aliases.
import { createTestDatabase } from '../../libs/event-store/src/testing/test-database';

const repoRoot = join(__dirname, '..', '..');

const launchChromium = () =>
  chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-dev-shm-usage'],
  });

const freePort = (): Promise<number> =>
  new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });

async function waitUntil(check: () => Promise<boolean>, what: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check().catch(() => false)) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`Timed out waiting for ${what}`);
}

const DEMO_COORDINATOR = { email: 'coordinator@demo.secondlook.test', password: 'demo-password-2026' };
const BENCH_ADMIN = { email: 'bench-admin@clinic.test', password: 'bench-admin-password-2026' };
const BENCH_COORDINATOR = { email: 'bench-coordinator@clinic.test', password: 'bench-coordinator-password-2026' };

async function bearer(baseUrl: string, account: { email: string; password: string }): Promise<string> {
  const response = await fetch(`${baseUrl}/api/auth/login`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(account) });
  if (!response.ok) throw new Error(`sign-in as ${account.email}: ${response.status}`);
  return ((await response.json()) as { accessToken: string }).accessToken;
}

/** Fallback when the seed CLI fails: open cases through the api itself (slower, same write path). */
async function seedThroughApi(baseUrl: string, cases: number): Promise<{ email: string; password: string }> {
  const admin = await bearer(baseUrl, BENCH_ADMIN);
  await fetch(`${baseUrl}/api/users`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${admin}` },
    body: JSON.stringify({ ...BENCH_COORDINATOR, name: 'Bench Coordinator', role: 'coordinator' }),
  });
  let token = await bearer(baseUrl, BENCH_COORDINATOR);
  const urgencies = ['routine', 'soon', 'urgent'];
  let next = 0;
  const worker = async () => {
    while (next < cases) {
      const i = next++;
      if (i % 2000 === 0) token = await bearer(baseUrl, BENCH_COORDINATOR);
      const response = await fetch(`${baseUrl}/api/cases`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
        body: JSON.stringify({
          patient: { firstName: `Pat${i}`, lastName: `Bench${(i * 7919) % 100_000}`, dateOfBirth: '1970-01-01', mrn: `MRN-${i}` },
          reasons: ['unclear-diagnosis'],
          urgency: urgencies[i % 3],
          specialty: 'Oncology',
        }),
      });
      if (!response.ok) throw new Error(`open case ${i}: ${response.status}`);
      if ((i + 1) % 1000 === 0) process.stdout.write(`seed (api): ${i + 1}/${cases}\n`);
    }
  };
  await Promise.all(Array.from({ length: 8 }, worker));
  return BENCH_COORDINATOR;
}

interface Sample {
  firstRowMs: number;
  refreshApiMs: number;
  listRequestStartMs: number;
  domContentLoadedMs: number;
  listApiMs: number;
  countsApiMs: number;
}

const percentile = (values: number[], p: number): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
};

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { cases: { type: 'string', default: '10000' }, runs: { type: 'string', default: '10' }, keep: { type: 'boolean', default: false } } });
  const cases = Number(values.cases);
  const runs = Number(values.runs);
  const database = await createTestDatabase('bench_dashboard');
  const port = await freePort();
  const env = {
    ...process.env,
    NODE_ENV: 'production',
    JWT_SECRET: 'bench-only-secret-0123456789abcdef0123456789',
    PORT: String(port),
    DATABASE_URL: database.url,
    REDIS_PREFIX: `bench-dash-${port}`,
    DASHBOARD_DIR: join(repoRoot, 'dist/apps/dashboard'),
    LOG_LEVEL: 'warn',
    SEED_DEMO: 'false',
    ADMIN_EMAIL: BENCH_ADMIN.email,
    ADMIN_PASSWORD: BENCH_ADMIN.password,
  };
  const api = spawn(process.execPath, [join(repoRoot, 'dist/apps/api/main.js')], { env, stdio: ['ignore', 'ignore', 'inherit'] });
  try {
    const baseUrl = `http://127.0.0.1:${port}`;
    await waitUntil(async () => (await fetch(`${baseUrl}/api/health`)).ok, 'the api', 120_000);
    const seedStarted = Date.now();
    process.stdout.write(`seeding ${cases} cases…\n`);
    const seeded = spawnSync(process.execPath, [join(repoRoot, 'dist/apps/api/seed.js'), '--cases', String(cases)], { env, stdio: 'inherit' });
    let signIn = DEMO_COORDINATOR;
    if (seeded.status !== 0) {
      process.stdout.write('the seed CLI failed; seeding through the api instead\n');
      signIn = await seedThroughApi(baseUrl, cases);
    }
    process.stdout.write(`seeded in ${((Date.now() - seedStarted) / 1000).toFixed(0)} s\n`);

    const browser = await launchChromium();
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();
    await page.goto(baseUrl);
    await page.getByLabel('Email').fill(signIn.email);
    await page.locator('input[autocomplete="current-password"]').fill(signIn.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('table', { name: 'Cases' }).getByRole('row').nth(1).waitFor({ timeout: 60_000 });

    const samples: Sample[] = [];
    for (let run = 0; run <= runs; run += 1) {
      // A fresh navigation each time: the session comes back through the refresh cookie, as on a reload.
      await page.goto(`${baseUrl}/?view=all`, { waitUntil: 'commit' });
      const firstRowMs = await page
        .waitForFunction(() => document.querySelector('table[aria-label="Cases"] tbody tr') && performance.now(), undefined, { polling: 'raf', timeout: 60_000 })
        .then((handle) => handle.jsonValue() as Promise<number>);
      const timings = await page.evaluate(() => {
        const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
        const resources = performance.getEntriesByType('resource') as PerformanceResourceTiming[];
        const duration = (match: RegExp) => resources.filter((entry) => match.test(entry.name)).map((entry) => entry.duration)[0] ?? 0;
        const list = resources.find((entry) => /\/api\/cases\?/.test(entry.name));
        return {
          domContentLoadedMs: nav.domContentLoadedEventEnd,
          refreshApiMs: duration(/\/api\/auth\/refresh/),
          listRequestStartMs: list?.startTime ?? 0,
          listApiMs: list?.duration ?? 0,
          countsApiMs: duration(/\/api\/cases\/counts/),
        };
      });
      if (run > 0) samples.push({ firstRowMs, ...timings }); // run 0 warms the caches
    }
    const chromiumVersion = browser.version();
    await browser.close();

    const row = (name: string, pick: (sample: Sample) => number) => {
      const list = samples.map(pick);
      return `| ${name} | ${percentile(list, 50).toFixed(0)} | ${percentile(list, 95).toFixed(0)} | ${Math.max(...list).toFixed(0)} |`;
    };
    process.stdout.write(
      [
        '',
        `Worklist, ${cases} cases seeded, ${samples.length} navigations (Chromium ${chromiumVersion}), milliseconds:`,
        '| measure | median | p95 | max |',
        '| --- | --- | --- | --- |',
        row('navigation → first page of cases rendered', (sample) => sample.firstRowMs),
        row('navigation → DOMContentLoaded', (sample) => sample.domContentLoadedMs),
        row('POST /api/auth/refresh (restoring the session)', (sample) => sample.refreshApiMs),
        row('navigation → GET /api/cases sent', (sample) => sample.listRequestStartMs),
        row('GET /api/cases (first page)', (sample) => sample.listApiMs),
        row('GET /api/cases/counts', (sample) => sample.countsApiMs),
        '',
      ].join('\n'),
    );
  } finally {
    api.kill('SIGTERM');
    await new Promise((resolve) => api.once('exit', resolve));
    if (!values.keep) await database.drop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
