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

  const openCase = (authorization: string, name: { firstName: string; lastName: string }, urgency: 'routine' | 'urgent'): Promise<Response> =>
    fetch(`${baseUrl}/api/cases`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization },
      body: JSON.stringify({ patient: { ...name, dateOfBirth: '1990-01-01' }, reasons: ['unclear-diagnosis'], urgency, specialty: 'Neurology' }),
    });

  it('announces the embedded database', () => {
    expect(output).toContain('DATABASE_URL is not set: starting embedded PostgreSQL (PGlite)');
  });

  it('opens a case and lists it', async () => {
    const authorization = await signInAs(baseUrl, DEFAULT_TEST_ADMIN, 'coordinator');
    const opened = await openCase(authorization, { firstName: 'Embed', lastName: 'Default' }, 'routine');
    expect(opened.status).toBe(201);
    const list = (await (await fetch(`${baseUrl}/api/cases`, { headers: { authorization } })).json()) as { items: Array<{ patientName: string }> };
    expect(list.items.map((item) => item.patientName)).toEqual(['Embed Default']);
  });

  // The embedded database has one session for every connection: a worker consumer that opened a
  // transaction and then waited on a second connection used to wedge it, and the api with it.
  it('keeps answering once the worker has consumed the log and armed a timer', async () => {
    const authorization = await signInAs(baseUrl, DEFAULT_TEST_ADMIN, 'coordinator');
    const opened = await openCase(authorization, { firstName: 'Urgent', lastName: 'Embedded' }, 'urgent');
    expect(opened.status).toBe(201);
    const { id } = (await opened.json()) as { id: string };

    // An urgent case arms a delayed follow-up job once the worker's timer consumer has handled CaseOpened.
    const delayedFollowUps = async (): Promise<number> => {
      const health = (await (await fetch(`${baseUrl}/api/health`, { signal: AbortSignal.timeout(5_000) })).json()) as { details?: { queues?: Record<string, { delayed?: number }> } };
      return health.details?.queues?.['follow-ups']?.delayed ?? 0;
    };
    await waitUntil(async () => (await delayedFollowUps()) > 0, 'the worker to arm the urgent case’s timer', 30_000);

    const noted = await fetch(`${baseUrl}/api/cases/${id}/commands/add-note`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization },
      body: JSON.stringify({ text: 'Still answering.' }),
      signal: AbortSignal.timeout(10_000),
    });
    expect(noted.status).toBe(200);
    expect((await fetch(`${baseUrl}/api/health`, { signal: AbortSignal.timeout(5_000) })).status).toBe(200);
  });
});
