// `npm start`: install, build, then run the whole product on this machine —
// PostgreSQL (embedded PGlite unless DATABASE_URL is set), Redis, the api (which
// migrates and serves the dashboard), demo data, and the worker. Ctrl-C stops all.
import { fork, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { canConnect, freePort, onPath, run, waitFor } from './lib/processes.mjs';

const root = new URL('..', import.meta.url).pathname;
const dataDir = process.env.SECONDLOOK_DATA_DIR ?? join(root, '.data');
const children = [];
const log = (message) => console.log(`[start] ${message}`);

function track(child, name) {
  children.push({ child, name });
  child.on('exit', (code, signal) => {
    if (!shuttingDown) {
      log(`${name} stopped (${code ?? signal}); stopping everything`);
      void shutdown(1);
    }
  });
  return child;
}

let shuttingDown = false;
async function shutdown(exitCode = 0) {
  if (shuttingDown) return;
  shuttingDown = true;
  // Stop in reverse start order: worker and api drain first, the databases last.
  for (const { child, name } of [...children].reverse()) {
    if (child.exitCode !== null || child.signalCode !== null) continue;
    log(`stopping ${name}`);
    child.kill('SIGTERM');
    await new Promise((resolve) => {
      const timer = setTimeout(() => { child.kill('SIGKILL'); resolve(); }, 15_000);
      child.once('exit', () => { clearTimeout(timer); resolve(); });
    });
  }
  process.exit(exitCode);
}
process.on('SIGINT', () => void shutdown(0));
process.on('SIGTERM', () => void shutdown(0));

async function main() {
  await run(process.execPath, [join(root, 'tools/ensure-install.mjs')], { cwd: root });
  // The test suite starts the already-built product; people always get a fresh build.
  if (process.env.SECONDLOOK_SKIP_BUILD !== '1') {
    log('building api, worker and dashboard');
    await run('npx', ['nx', 'run-many', '-t', 'build', '--projects=api,worker,dashboard', '--output-style=stream'], { cwd: root });
  }
  mkdirSync(dataDir, { recursive: true });

  const env = { ...process.env, NODE_ENV: process.env.NODE_ENV ?? 'production' };
  // The api refuses to run in production without JWT_SECRET. On one machine a
  // secret kept beside the data is enough, and keeps sign-ins across restarts.
  if (!env.JWT_SECRET) env.JWT_SECRET = localJwtSecret(join(dataDir, 'jwt-secret'));
  if (!env.DATABASE_URL) {
    const port = await freePort();
    log(`DATABASE_URL is not set: starting embedded PostgreSQL (PGlite) on 127.0.0.1:${port}, data in .data/pglite`);
    const pglite = track(fork(join(root, 'tools/embedded-postgres.mjs'), [join(dataDir, 'pglite'), String(port)], { cwd: root }), 'embedded PostgreSQL');
    await new Promise((resolve, reject) => {
      pglite.once('message', resolve);
      pglite.once('exit', () => reject(new Error('embedded PostgreSQL failed to start')));
    });
    env.DATABASE_URL = `postgres://postgres@127.0.0.1:${port}/postgres`;
    // PGlite runs one session: a small pool keeps waits short.
    env.DATABASE_POOL_SIZE = env.DATABASE_POOL_SIZE ?? '4';
    // Named prepared statements from several connections collide in PGlite's single session.
    env.DATABASE_PREPARED_STATEMENTS = 'false';
  }

  if (!env.REDIS_URL) {
    if (await canConnect(6379)) {
      env.REDIS_URL = 'redis://127.0.0.1:6379';
      log('using the Redis on 127.0.0.1:6379');
    } else if (onPath('redis-server')) {
      const port = await freePort();
      mkdirSync(join(dataDir, 'redis'), { recursive: true });
      log(`starting redis-server on 127.0.0.1:${port}, data in .data/redis`);
      track(spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--dir', join(dataDir, 'redis'), '--appendonly', 'yes'], { stdio: 'ignore' }), 'redis-server');
      await waitFor(() => canConnect(port), { what: 'redis-server' });
      env.REDIS_URL = `redis://127.0.0.1:${port}`;
    } else {
      console.error(
        'SecondLook needs Redis and none was found: nothing listens on 127.0.0.1:6379 and redis-server is not on PATH.\n' +
          'Install it with your package manager (apt-get install redis-server, brew install redis), or run\n' +
          '  docker compose -f docker/compose.yml up redis\n' +
          'or point REDIS_URL at one.',
      );
      await shutdown(1);
    }
  }

  const port = Number(env.PORT ?? 3000);
  env.DASHBOARD_DIR = env.DASHBOARD_DIR ?? join(root, 'dist/apps/dashboard');
  log('starting the api (it applies migrations first)');
  track(spawn(process.execPath, ['--enable-source-maps', join(root, 'dist/apps/api/main.js')], { cwd: root, env, stdio: 'inherit' }), 'api');
  await waitFor(async () => (await fetch(`http://127.0.0.1:${port}/api/health`)).ok, { what: 'the api', timeoutMs: 120_000 });

  if (env.SEED_DEMO !== 'false') {
    await run(process.execPath, [join(root, 'dist/apps/api/seed.js'), '--if-empty', '--cases', env.SEED_CASES ?? '120'], { cwd: root, env });
    log('demo sign-ins (password demo-password-2026): coordinator@demo.secondlook.test, advocate@demo.secondlook.test, admin@demo.secondlook.test');
  }

  log('starting the worker');
  track(spawn(process.execPath, ['--enable-source-maps', join(root, 'dist/apps/worker/main.js')], { cwd: root, env, stdio: 'inherit' }), 'worker');
  log(`SecondLook is running: http://localhost:${port}  (Ctrl-C to stop)`);
}

function localJwtSecret(file) {
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  const secret = randomBytes(48).toString('base64url');
  writeFileSync(file, `${secret}\n`, { mode: 0o600 });
  return secret;
}

main().catch(async (error) => {
  console.error(`[start] ${error.message}`);
  await shutdown(1);
});
