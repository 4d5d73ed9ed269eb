import { QUEUES } from '@secondlook/contracts';
import { Queue } from 'bullmq';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FhirReceiver } from '../support/fhir-receiver';
import { adminEnv, deleteRedisPrefix, documentBytes, PrivateRedis, ProductClient } from '../support/records-transfer-support';
import { type RunningProduct, startProduct, waitUntil } from '../support/running-product';

const SHARED_REDIS = 'redis://127.0.0.1:6379';

// Faults against real processes: the worker killed outright mid-transfer, the
// worker asked to stop mid-transfer, and Redis gone while staff request records.
describe('records transfer under faults', () => {
  const cleanups: Array<() => Promise<void>> = [];

  afterAll(async () => {
    for (const cleanup of cleanups.reverse()) await cleanup().catch(() => undefined);
  });

  async function product(extraEnv: NodeJS.ProcessEnv, redisUrl = SHARED_REDIS): Promise<{ product: RunningProduct; client: ProductClient }> {
    const documentsDir = mkdtempSync(join(tmpdir(), 'sl-docs-'));
    const running = await startProduct({
      withWorker: true,
      extraEnv: { ...adminEnv, DOCUMENTS_DIR: documentsDir, REDIS_URL: redisUrl, RECORDS_TRANSFER_BACKOFF_MS: '100', QUEUE_LOCK_MS: '2000', LOG_LEVEL: 'warn', ...extraEnv },
    });
    cleanups.push(async () => {
      await running.stop();
      await deleteRedisPrefix(redisUrl, running.redisPrefix);
      rmSync(documentsDir, { recursive: true, force: true });
    });
    return { product: running, client: await ProductClient.for(running) };
  }

  async function receiver(options: Parameters<typeof FhirReceiver.start>[0]): Promise<FhirReceiver> {
    const started = await FhirReceiver.start(options);
    cleanups.push(() => started.close());
    return started;
  }

  it.each([
    ['inline base64 Bundles', String(10 * 1024 * 1024)],
    ['native Binary PUTs', '0'],
  ])('kill -9 of the worker mid-transfer (%s), then a restart: every document arrives exactly once', async (_mode, inlineMaxBytes) => {
    // ~1 MB bodies (0.7 MB raw) read in 64 KB chunks every 40 ms: about 0.5 s per document, so the kill lands mid-body.
    const destination = await receiver({ chunkDelayMs: 40 });
    // One document in flight, so "a document in flight" means every earlier one is in the ledger: the
    // kill lands mid-body, never between a 2xx and its ledger write (a window the destination's
    // ifNoneExist covers, checked below through `created`).
    const { product: running, client } = await product({ RECORDS_TRANSFER_DOCUMENT_CONCURRENCY: '1', RECORDS_INLINE_MAX_BYTES: inlineMaxBytes });
    await client.addDestination('Slow Receiver', destination.url);
    const caseId = await client.openCase();
    const documents = [];
    for (let i = 0; i < 6; i++) documents.push(await client.upload(caseId, documentBytes(700_000 + i, 10 + i), `part-${i}.pdf`));
    const requestId = await client.requestRecords(caseId, 'Slow Receiver', documents);

    await waitUntil(async () => destination.documents.length >= 2 && destination.inFlight > 0, 'two documents delivered and a third in flight', 30_000);
    await running.stopWorker('SIGKILL');
    const deliveredBeforeKill = destination.documents.length;
    expect(deliveredBeforeKill).toBeLessThan(documents.length);

    running.startWorker();
    await client.waitForRecordsStatus(caseId, requestId, 'sent', 45_000);

    const counts = destination.deliveriesByKey();
    expect([...counts.keys()].sort()).toEqual(documents.map((document) => `${requestId}:${document.id}`).sort());
    expect([...counts.values()].every((count) => count === 1)).toBe(true);
    expect(destination.documents.filter((document) => document.created)).toHaveLength(documents.length);
    expect(destination.problems).toEqual([]);
    // A native Binary goes to an id derived from (request, document): even a resend would land on the same one.
    const nativeBinaries = new Set(destination.binaryPuts);
    expect(nativeBinaries.size).toBe(inlineMaxBytes === '0' ? documents.length : 0);
    expect(destination.documents.every((document) => document.binary === (inlineMaxBytes === '0' ? 'native' : 'inline'))).toBe(true);
  });

  it('SIGTERM mid-transfer lets the active job finish before the worker exits', async () => {
    const destination = await receiver({ chunkDelayMs: 20 });
    const { product: running, client } = await product({});
    await client.addDestination('Patient Receiver', destination.url);
    const caseId = await client.openCase();
    const documents = [await client.upload(caseId, documentBytes(600_000, 30), 'a.pdf'), await client.upload(caseId, documentBytes(600_000, 31), 'b.pdf')];
    const requestId = await client.requestRecords(caseId, 'Patient Receiver', documents);

    await waitUntil(async () => destination.inFlight > 0, 'the first document to be in flight', 20_000);
    await running.stopWorker('SIGTERM');
    // The worker exited only after finishing its job: the request is sent with no worker running.
    const detail = await client.caseDetail(caseId);
    expect(detail.state.records[0].status).toBe('sent');
    expect([...destination.deliveriesByKey().values()]).toEqual([1, 1]);
    expect(running.logs()).not.toMatch(/records transfer attempt failed/);
    void requestId;
  });

  it('Redis down while request-records is called: the command succeeds, and the transfer completes once Redis is back', async () => {
    const redis = await PrivateRedis.start();
    cleanups.push(() => redis.stop());
    const destination = await receiver({});
    const { product: running, client } = await product({}, redis.url);
    await client.addDestination('Outbox Clinic', destination.url);
    const caseId = await client.openCase();
    const documents = [await client.upload(caseId, documentBytes(100_000, 40), 'x.pdf')];

    await redis.stop();
    const requestId = await client.requestRecords(caseId, 'Outbox Clinic', documents);
    // The command answered 200 without Redis; nothing can be enqueued yet.
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    expect(destination.requests).toBe(0);
    expect((await client.caseDetail(caseId)).state.records[0].status).toBe('requested');

    await redis.restart();
    await client.waitForRecordsStatus(caseId, requestId, 'sent', 45_000);
    expect([...destination.deliveriesByKey().values()]).toEqual([1]);
    const queue = new Queue(QUEUES.recordsTransfer, { connection: { host: '127.0.0.1', port: redis.port }, prefix: running.redisPrefix });
    try {
      expect(await queue.getJobCountByTypes('completed')).toBe(1);
    } finally {
      await queue.close();
    }
  });
});
