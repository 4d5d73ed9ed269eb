import { createTestDatabase } from '@secondlook/event-store';
import { type ChildProcess, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { createServer } from 'node:net';
import { join } from 'node:path';

export const repoRoot = join(__dirname, '..', '..');

export type StaffRole = 'coordinator' | 'advocate' | 'admin';

/** The first admin the api creates from ADMIN_EMAIL / ADMIN_PASSWORD unless a test passes its own. */
export const DEFAULT_TEST_ADMIN = { email: 'e2e-admin@test.secondlook.test', password: 'e2e-admin-password-2026' };

export interface RunningProduct {
  baseUrl: string;
  /** The start-up admin's sign-in (from the final ADMIN_EMAIL / ADMIN_PASSWORD). */
  admin: { email: string; password: string };
  /**
   * A new user of that role, created by the start-up admin through POST /api/users
   * and signed in through POST /api/auth/login: answers the `Authorization` header value.
   */
  signIn(role: StaffRole): Promise<string>;
  databaseUrl: string;
  redisPrefix: string;
  env: NodeJS.ProcessEnv;
  logs: () => string;
  stopWorker(signal?: NodeJS.Signals): Promise<void>;
  startWorker(): void;
  stop(): Promise<void>;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

export async function waitUntil(check: () => Promise<boolean>, what: string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check().catch(() => false)) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`Timed out waiting for ${what}`);
}

function stopProcess(child: ChildProcess, signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill(signal);
  });
}

/**
 * The built api and worker as real processes, on a database and Redis key prefix
 * of their own (dropped afterwards), the way a clinic runs them.
 */
export async function startProduct(options: { withWorker?: boolean; extraEnv?: NodeJS.ProcessEnv } = {}): Promise<RunningProduct> {
  const database = await createTestDatabase('e2e');
  const port = await freePort();
  const redisPrefix = `test-${randomUUID().slice(0, 8)}`;
  const output: string[] = [];
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: 'test',
    PORT: String(port),
    DATABASE_URL: database.url,
    REDIS_URL: 'redis://127.0.0.1:6379',
    REDIS_PREFIX: redisPrefix,
    DASHBOARD_DIR: join(repoRoot, 'dist/apps/dashboard'),
    LOG_LEVEL: 'info',
    SEED_DEMO: 'false',
    // Browser suites sign the same staff in again and again within a minute, all from 127.0.0.1;
    // the throttle itself is proven by the api's login-throttle suite at the default limits.
    LOGIN_LIMIT_PER_ACCOUNT: '1000',
    LOGIN_LIMIT_PER_ADDRESS: '1000',
    ADMIN_EMAIL: DEFAULT_TEST_ADMIN.email,
    ADMIN_PASSWORD: DEFAULT_TEST_ADMIN.password,
    ...options.extraEnv,
  };
  const admin = { email: String(env.ADMIN_EMAIL), password: String(env.ADMIN_PASSWORD) };
  const launch = (app: 'api' | 'worker') => {
    const child = spawn(process.execPath, ['--enable-source-maps', join(repoRoot, `dist/apps/${app}/main.js`)], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout?.on('data', (chunk: Buffer) => output.push(chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => output.push(chunk.toString()));
    return child;
  };

  const api = launch('api');
  const baseUrl = `http://127.0.0.1:${port}`;
  await waitUntil(async () => (await fetch(`${baseUrl}/api/health`)).ok, 'the api to answer /api/health').catch((error: Error) => {
    throw new Error(`${error.message}\n${output.join('')}`);
  });
  let worker: ChildProcess | undefined = options.withWorker ? launch('worker') : undefined;

  return {
    baseUrl,
    admin,
    signIn: (role) => signInAs(baseUrl, admin, role),
    databaseUrl: database.url,
    redisPrefix,
    env,
    logs: () => output.join(''),
    startWorker: () => {
      worker = launch('worker');
    },
    stopWorker: async (signal) => {
      if (worker) await stopProcess(worker, signal);
    },
    stop: async () => {
      if (worker) await stopProcess(worker);
      await stopProcess(api);
      await database.drop();
    },
  };
}

async function login(baseUrl: string, email: string, password: string): Promise<string> {
  const response = await fetch(`${baseUrl}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password }) });
  if (!response.ok) throw new Error(`sign-in as ${email} answered ${response.status}: ${await response.text()}`);
  return `Bearer ${((await response.json()) as { accessToken: string }).accessToken}`;
}

/** Signs in as the start-up admin and, for another role, creates such a user and signs in as them. */
export async function signInAs(baseUrl: string, admin: { email: string; password: string }, role: StaffRole): Promise<string> {
  const adminAuthorization = await login(baseUrl, admin.email, admin.password);
  if (role === 'admin') return adminAuthorization;
  const email = `${role}-${randomUUID().slice(0, 8)}@test.secondlook.test`;
  const password = `pw-${randomUUID()}`;
  const created = await fetch(`${baseUrl}/api/users`, {
    method: 'POST',
    headers: { authorization: adminAuthorization, 'content-type': 'application/json' },
    body: JSON.stringify({ email, name: `E2E ${role}`, role, password }),
  });
  if (created.status !== 201) throw new Error(`creating a ${role} answered ${created.status}: ${await created.text()}`);
  return login(baseUrl, email, password);
}
