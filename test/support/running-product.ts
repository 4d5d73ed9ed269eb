import { createTestDatabase } from '@secondlook/event-store';
import { type ChildProcess, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { createServer } from 'node:net';
import { join } from 'node:path';

export const repoRoot = join(__dirname, '..', '..');

export interface RunningProduct {
  baseUrl: string;
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
    ...options.extraEnv,
  };
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
