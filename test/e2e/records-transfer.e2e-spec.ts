import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import { FhirReceiver } from '../support/fhir-receiver';
import { adminEnv, authHeaders, deleteRedisPrefix, documentBytes, ProductClient } from '../support/records-transfer-support';
import { type RunningProduct, startProduct, waitUntil } from '../support/running-product';

// Documents in, FHIR transaction Bundles out: the built api and worker as real
// processes, a real PostgreSQL and Redis, and a local FHIR destination that
// validates every Bundle it gets.
const INLINE_MAX_BYTES = 250_000;

describe('records transfer: documents to a FHIR destination', () => {
  let product: RunningProduct;
  let client: ProductClient;
  let documentsDir: string;
  const receivers: FhirReceiver[] = [];

  beforeAll(async () => {
    documentsDir = mkdtempSync(join(tmpdir(), 'sl-docs-'));
    product = await startProduct({
      withWorker: true,
      extraEnv: { ...adminEnv, DOCUMENTS_DIR: documentsDir, DOCUMENTS_MAX_BYTES: String(2 * 1024 * 1024), RECORDS_TRANSFER_BACKOFF_MS: '100', RECORDS_TRANSFER_ATTEMPTS: '5', LOG_LEVEL: 'warn',
        // One document at a time, so "503 three times" is three attempts whatever the timing.
        RECORDS_TRANSFER_DOCUMENT_CONCURRENCY: '1',
        // Documents over 250 kB go as a native Binary PUT, smaller ones inline: the suite sees both.
        RECORDS_INLINE_MAX_BYTES: String(INLINE_MAX_BYTES) },
    });
    client = await ProductClient.for(product);
  });

  afterAll(async () => {
    await product?.stop();
    await Promise.all(receivers.map((receiver) => receiver.close()));
    if (product) await deleteRedisPrefix('redis://127.0.0.1:6379', product.redisPrefix);
    rmSync(documentsDir, { recursive: true, force: true });
  });

  const receiver = async (options: ConstructorParameters<typeof Object>[0] = {}): Promise<FhirReceiver> => {
    const started = await FhirReceiver.start(options as never);
    receivers.push(started);
    return started;
  };

  it('stores an upload streamed with its sha-256, lists it and streams it back', async () => {
    const caseId = await client.openCase();
    const bytes = documentBytes(700_000, 1);
    const uploaded = await client.upload(caseId, bytes, 'biopsy report é.pdf');
    expect(uploaded).toMatchObject({ caseId, kind: 'pathology-reports', fileName: 'biopsy report é.pdf', contentType: 'application/pdf', sizeBytes: bytes.length });
    expect(uploaded.sha256).toBe(createHash('sha256').update(bytes).digest('hex'));

    const list = await client.json<{ items: Array<{ id: string }> }>('GET', `/api/cases/${caseId}/documents`);
    expect(list.items.map((item) => item.id)).toEqual([uploaded.id]);

    const download = await client.raw('GET', `/api/cases/${caseId}/documents/${uploaded.id}/content`);
    expect(download.status).toBe(200);
    expect(download.headers.get('content-type')).toBe('application/pdf');
    expect(download.headers.get('etag')).toBe(`"${uploaded.sha256}"`);
    expect(Buffer.from(await download.arrayBuffer()).equals(bytes)).toBe(true);
    const again = await client.raw('GET', `/api/cases/${caseId}/documents/${uploaded.id}/content`, { headers: { 'if-none-match': `"${uploaded.sha256}"` } });
    expect(again.status).toBe(304);
  });

  it('refuses types off the allow-list (415), unknown kinds (400) and files over the limit (413)', async () => {
    const caseId = await client.openCase();
    const send = async (kind: string, type: string, size: number): Promise<number> => {
      const form = new FormData();
      form.append('kind', kind);
      form.append('file', new Blob([new Uint8Array(documentBytes(size, 2))], { type }), 'x.bin');
      return (await client.raw('POST', `/api/cases/${caseId}/documents`, { body: form })).status;
    };
    expect(await send('pathology-reports', 'text/html', 100)).toBe(415);
    expect(await send('x-rays', 'application/pdf', 100)).toBe(400);
    expect(await send('pathology-reports', 'application/pdf', 2 * 1024 * 1024 + 1)).toBe(413);
    expect((await client.json<{ items: unknown[] }>('GET', `/api/cases/${caseId}/documents`)).items).toEqual([]);
    expect((await client.raw('GET', `/api/cases/00000000-0000-4000-8000-000000000000/documents`)).status).toBe(404);
  });

  it('retries a destination answering 503 three times, then sends every document once, with the attempts visible', async () => {
    const destination = await receiver({ override: (n: number) => (n <= 3 ? 503 : undefined) });
    await client.addDestination('Lakeside Cancer Center', destination.url, 'Bearer lakeside-secret');
    const caseId = await client.openCase();
    // a.pdf is over the inline limit (a native Binary PUT, then its Bundle), b.png under it (inline base64).
    const documents = [await client.upload(caseId, documentBytes(300_000, 3), 'a.pdf'), await client.upload(caseId, documentBytes(200_001, 4), 'b.png', 'image/png', 'imaging-reports')];

    const requestId = await client.requestRecords(caseId, 'Lakeside Cancer Center', documents);
    const detail = await client.waitForRecordsStatus(caseId, requestId, 'sent');

    expect(destination.problems).toEqual([]);
    expect([...destination.deliveriesByKey().entries()].sort()).toEqual(documents.map((document) => [`${requestId}:${document.id}`, 1]).sort());
    expect(destination.documents.every((document) => document.authorization === 'Bearer lakeside-secret')).toBe(true);
    expect(destination.documents.map((document) => document.sha256).sort()).toEqual(documents.map((document) => document.sha256).sort());
    expect(destination.documents.map((document) => [document.fileName, document.binary]).sort()).toEqual([
      ['a.pdf', 'native'],
      ['b.png', 'inline'],
    ]);
    expect(destination.binaryPuts).toHaveLength(1);
    expect(detail.state.records[0].receipt).toMatch(/^2 document\(s\): DocumentReference\//);

    const transfer = await client.transfer(caseId, requestId);
    expect(transfer).toMatchObject({ state: 'completed', attempts: 4, failedReason: null, documentsDelivered: 2 });
    expect(transfer.progress).toEqual({ documentsDone: 2, documentsTotal: 2, bytesDone: 500_001, bytesTotal: 500_001 });
    // The credential never reaches the logs.
    expect(product.logs()).not.toContain('lakeside-secret');
  });

  it('sends a large document inline when the destination refuses native Binaries (405), once', async () => {
    const destination = await receiver({ nativeBinary: false });
    await client.addDestination('Oldtown Records', destination.url);
    const caseId = await client.openCase();
    const documents = [await client.upload(caseId, documentBytes(400_000, 6), 'large-1.pdf'), await client.upload(caseId, documentBytes(400_001, 7), 'large-2.pdf')];
    const requestId = await client.requestRecords(caseId, 'Oldtown Records', documents);
    await client.waitForRecordsStatus(caseId, requestId, 'sent');

    expect(destination.problems).toEqual([]);
    expect([...destination.deliveriesByKey().values()]).toEqual([1, 1]);
    expect(destination.documents.map((document) => document.binary)).toEqual(['inline', 'inline']);
    // The transfer learned from the first refusal: the second document went inline without asking again.
    expect(destination.requests).toBe(3);
    expect((await client.transfer(caseId, requestId)).progress).toEqual({ documentsDone: 2, documentsTotal: 2, bytesDone: 800_001, bytesTotal: 800_001 });
  });

  it('records RecordsTransferFailed and the risk flag when the destination always fails, and a staff retry sends it', async () => {
    let healthy = false;
    const destination = await receiver({ override: () => (healthy ? undefined : 503) });
    await client.addDestination('Hillcrest Clinic', destination.url);
    const caseId = await client.openCase();
    const documents = [await client.upload(caseId, documentBytes(50_000, 5), 'c.pdf')];
    const requestId = await client.requestRecords(caseId, 'Hillcrest Clinic', documents);

    const failed = await client.waitForRecordsStatus(caseId, requestId, 'failed');
    expect(failed.riskFlags).toContain('records-transfer-failed');
    expect(failed.state.records[0].failure).toMatchObject({ attempts: 5, reason: expect.stringContaining('503') });
    const transfer = await client.transfer(caseId, requestId);
    expect(transfer).toMatchObject({ state: 'failed', attempts: 5, failedReason: expect.stringContaining('503') });
    const events = await client.json<{ items: Array<{ type: string }> }>('GET', `/api/cases/${caseId}/events`);
    expect(events.items.filter((event) => event.type === 'RecordsTransferFailed')).toHaveLength(1);
    // The worklist row (written by the worker's append) carries the flag too.
    const list = await client.json<{ items: Array<{ id: string; riskFlags: string[] }> }>('GET', `/api/cases?risk=records-transfer-failed`);
    expect(list.items.find((item) => item.id === caseId)?.riskFlags).toContain('records-transfer-failed');

    healthy = true;
    const retried = await client.json<{ state: string }>('POST', `/api/cases/${caseId}/records-requests/${requestId}/retry`);
    expect(['waiting', 'active', 'completed', 'delayed']).toContain(retried.state);
    const sent = await client.waitForRecordsStatus(caseId, requestId, 'sent');
    expect(sent.riskFlags).not.toContain('records-transfer-failed');
    expect(destination.deliveriesByKey().get(`${requestId}:${documents[0].id}`)).toBe(1);
    await waitUntil(async () => (await client.transfer(caseId, requestId)).state === 'completed', 'the retry job to complete', 10_000);
  });

  it('shows Bull Board at /admin/queues to admins only, and queue depth in /api/health', async () => {
    const board = `${product.baseUrl}/admin/queues`;
    expect((await fetch(board)).status).toBe(401);
    expect((await fetch(board, { headers: await authHeaders(product, 'coordinator') })).status).toBe(403);
    const admin = await authHeaders(product, 'admin');
    const page = await fetch(board, { headers: admin });
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<html');
    // A browser gets a cookie scoped to the board from its bearer token, then loads pages with it.
    const session = await fetch(`${board}/session`, { method: 'POST', headers: admin });
    expect(session.status).toBe(204);
    const cookie = (session.headers.get('set-cookie') ?? '').split(';')[0];
    expect(cookie).toMatch(/^sl_board=/);
    expect((await fetch(`${board}/api/queues`, { headers: { cookie } })).status).toBe(200);

    const health = (await (await fetch(`${product.baseUrl}/api/health`)).json()) as { details: Record<string, Record<string, unknown>> };
    expect(health.details['queues']).toMatchObject({ status: 'up', 'records-transfer': { depth: expect.any(Number), failed: expect.any(Number) } });
  });
});
