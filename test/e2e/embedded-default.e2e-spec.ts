import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_TEST_ADMIN, freePort, repoRoot, signInAs, waitUntil } from '../support/running-product';

// The README's first command must keep working with no DATABASE_URL: this starts
// `npm start`'s script on the embedded PGlite and opens and lists a case.
describe('npm start on the embedded default database', () => {
  let product: ChildProcess;
  let baseUrl: string;
  let output = '';
  const dataDir = mkdtempSync(join(tmpdir(), 'secondlook-embedded-'));

  beforeAll(async () => {
    const port = await freePort();
    baseUrl = `http://127.0.0.1:${port}`;
    const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(port), SECONDLOOK_SKIP_BUILD: '1', SECONDLOOK_DATA_DIR: dataDir, SEED_DEMO: 'false', REDIS_PREFIX: `test-embedded-${port}`, ADMIN_EMAIL: DEFAULT_TEST_ADMIN.email, ADMIN_PASSWORD: DEFAULT_TEST_ADMIN.password };
    delete env.DATABASE_URL;
    product = spawn(process.execPath, [join(repoRoot, 'tools/start.mjs')], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    product.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    product.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    await waitUntil(async () => output.includes('SecondLook is running'), 'the product to start', 150_000).catch((error: Error) => {
      throw new Error(`${error.message}\n${output}`);
    });
  });

  afterAll(async () => {
    if (product && product.exitCode === null) {
      const exited = new Promise((resolve) => product.once('exit', resolve));
      product.kill('SIGINT');
      await exited;
    }
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('announces the embedded database', () => {
    expect(output).toContain('DATABASE_URL is not set: starting embedded PostgreSQL (PGlite)');
  });

  it('opens a case and lists it', async () => {
    const authorization = await signInAs(baseUrl, DEFAULT_TEST_ADMIN, 'coordinator');
    const opened = await fetch(`${baseUrl}/api/cases`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization },
      body: JSON.stringify({ patient: { firstName: 'Embed', lastName: 'Default', dateOfBirth: '1990-01-01' }, reasons: ['unclear-diagnosis'], urgency: 'routine', specialty: 'Neurology' }),
    });
    expect(opened.status).toBe(201);
    const list = (await (await fetch(`${baseUrl}/api/cases`, { headers: { authorization } })).json()) as { items: Array<{ patientName: string }> };
    expect(list.items.map((item) => item.patientName)).toEqual(['Embed Default']);
  });
});
