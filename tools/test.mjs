// `npm test`: the whole suite, in the order that fails fastest — lint (with Nx
// module boundaries), type checks, unit tests, then integration tests on the real
// PostgreSQL and Redis, then builds and the cross-app and browser tests in test/.
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { canConnect, run } from './lib/processes.mjs';

const root = new URL('..', import.meta.url).pathname;
const summaryDir = join(root, 'test-results', 'jest');
const nx = (...args) => run('npx', ['nx', ...args, '--output-style=stream', ...(process.env.CI ? ['--skip-nx-cache'] : [])], { cwd: root, env: { ...process.env, JEST_SUMMARY_DIR: summaryDir } });

async function requireServices() {
  const missing = [];
  if (!(await canConnect(5432))) missing.push('PostgreSQL on 127.0.0.1:5432');
  if (!(await canConnect(6379))) missing.push('Redis on 127.0.0.1:6379');
  if (!existsSync(process.env.CHROMIUM_PATH ?? '/usr/bin/chromium')) missing.push('Chromium at /usr/bin/chromium (apt-get install chromium)');
  if (missing.length) throw new Error(`The test suite needs: ${missing.join(', ')}. .ci/run starts and installs them.`);
}

function printSummary() {
  let passed = 0;
  let failed = 0;
  let skipped = 0;
  if (existsSync(summaryDir)) {
    for (const file of readdirSync(summaryDir)) {
      const counts = JSON.parse(readFileSync(join(summaryDir, file), 'utf8'));
      passed += counts.passed;
      failed += counts.failed;
      skipped += counts.skipped;
    }
  }
  console.log(`\n${passed} passed, ${failed} failed, ${skipped} skipped`);
}

async function main() {
  rmSync(summaryDir, { recursive: true, force: true });
  mkdirSync(summaryDir, { recursive: true });
  await requireServices();
  try {
    await nx('run-many', '-t', 'lint', 'typecheck', 'test');
    await nx('run-many', '-t', 'integration', '--parallel=1');
    await nx('run-many', '-t', 'build', '--projects=api,worker,dashboard');
    await nx('run', 'test:e2e');
  } finally {
    printSummary();
  }
}

main().catch((error) => {
  console.error(`\nnpm test failed: ${error.message}`);
  process.exit(1);
});
