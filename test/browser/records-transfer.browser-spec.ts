import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, saveScreenshot } from '../support/browser';
import { apiSignIn, type ApiSession, type DashboardProduct, expectNoSeriousA11yViolations, openCaseViaApi, signInThroughUi, startDashboardProduct } from '../support/dashboard-session';
import { FhirReceiver } from '../support/fhir-receiver';
import { deleteRedisPrefix, documentBytes } from '../support/records-transfer-support';
import { watchTransferRow } from '../support/transfer-watch';

const DESTINATION = 'Lakeside Cancer Center';
// Big enough, and the destination slow enough (a pause after every chunk it reads), that the
// transfer is under way for a few seconds: long enough to be seen moving, not just finished.
const DOCUMENT_BYTES = 6 * 1024 * 1024;
const RECEIVER_CHUNK_DELAY_MS = 60;

async function choose(page: Page, scope: ReturnType<Page['locator']>, label: string | RegExp, option: string | RegExp): Promise<void> {
  await scope.getByRole('combobox', { name: label }).click();
  await page.getByRole('option', { name: option }).click();
}

// A coordinator uploads a document in the case's documents panel, asks for it to go to a
// second-opinion provider through the request form, and watches the transfer finish. The
// built api and worker run as real processes against PostgreSQL and Redis, and the provider
// is a local FHIR server that checks every Bundle it gets.
describe('dashboard: sending a document to a second-opinion provider', () => {
  let staff: DashboardProduct;
  let browser: Browser;
  let receiver: FhirReceiver;
  let coordinatorApi: ApiSession;
  let documentsDir: string;

  beforeAll(async () => {
    documentsDir = mkdtempSync(join(tmpdir(), 'sl-browser-docs-'));
    receiver = await FhirReceiver.start({ chunkDelayMs: RECEIVER_CHUNK_DELAY_MS });
    staff = await startDashboardProduct({ withWorker: true, extraEnv: { DOCUMENTS_DIR: documentsDir, RECORDS_TRANSFER_BACKOFF_MS: '200', LOG_LEVEL: 'warn' } });
    browser = await launchChromium();
    coordinatorApi = await apiSignIn(staff.baseUrl, staff.coordinator);
    const destination = await coordinatorApi.request('POST', '/api/providers', { name: DESTINATION, fhirBaseUrl: receiver.url });
    if (destination.status !== 201) throw new Error(`adding the destination answered ${destination.status}: ${JSON.stringify(destination.body)}`);
  });

  afterAll(async () => {
    await browser?.close();
    const redisPrefix = staff?.product.redisPrefix;
    await staff?.stop();
    if (redisPrefix) await deleteRedisPrefix('redis://127.0.0.1:6379', redisPrefix);
    await receiver?.close();
    if (documentsDir) rmSync(documentsDir, { recursive: true, force: true });
  });

  it('uploads a document, requests it for the provider through the form, and shows the transfer until it is sent', async () => {
    const opened = await openCaseViaApi(coordinatorApi, { firstName: 'Dana', lastName: 'Transfer' }, { currentProvider: 'Riverside General' });
    const bytes = documentBytes(DOCUMENT_BYTES, 42);
    const context = await browser.newContext({ viewport: { width: 1440, height: 1000 } });
    const page = await context.newPage();
    await signInThroughUi(page, staff.baseUrl, staff.coordinator, `/cases/${opened.id}`);
    await page.getByRole('heading', { name: 'Dana Transfer' }).waitFor();

    // Upload through the documents panel.
    const panel = page.getByRole('region', { name: 'Documents and transfers' });
    await panel.getByText('No documents uploaded yet.').waitFor();
    await choose(page, panel, 'Kind of document', 'Pathology reports');
    await panel.locator('input[type="file"]').setInputFiles({ name: 'biopsy-report.pdf', mimeType: 'application/pdf', buffer: bytes });
    await panel.getByRole('button', { name: 'Upload' }).click();
    await panel.getByRole('table', { name: 'Documents' }).getByText('biopsy-report.pdf').waitFor({ timeout: 30_000 });

    // Request it through the form: the uploaded document fills in its row; the destination is offered by name.
    await choose(page, page.locator('body'), 'Record something else', 'Request records');
    const form = page.getByRole('dialog').getByRole('form', { name: 'Request records' });
    await form.waitFor();
    expect(await form.getByLabel(/From provider/).inputValue()).toBe('Riverside General');
    await form.getByRole('combobox', { name: /To provider/ }).fill('Lakeside');
    await page.getByRole('option', { name: DESTINATION }).click();
    const row = form.getByRole('group', { name: 'Documents 1' });
    await choose(page, row, /Uploaded document/, /biopsy-report\.pdf/);
    expect(await row.getByRole('combobox', { name: /Kind/ }).inputValue()).toBe('Pathology reports');
    expect(await row.getByLabel(/Description/).inputValue()).toBe('biopsy-report.pdf');
    await expectNoSeriousA11yViolations(page, 'request records form (uploaded document, records destination)');
    await saveScreenshot(page, 'records-transfer-request-form');
    await form.getByRole('button', { name: 'Request records', exact: true }).click();
    await page.getByRole('status').filter({ hasText: 'Request records' }).waitFor();
    await page.getByRole('dialog').waitFor({ state: 'hidden' });

    // Watch the row in the documents panel until it says Sent.
    const detail = await coordinatorApi.request<{ state: { records: Array<{ requestId: string; toProvider: string }> } }>('GET', `/api/cases/${opened.id}`);
    const [request] = detail.body.state.records;
    expect(request.toProvider).toBe(DESTINATION);
    let shotWhileSending = false;
    const seen = await watchTransferRow(page, request.requestId, {
      onChange: async (observation) => {
        if (observation.status !== 'Sending' || shotWhileSending) return;
        shotWhileSending = true;
        await saveScreenshot(page, 'records-transfer-sending');
      },
    });
    // It was seen under way, part of the bytes out to the slow destination, before it was seen sent.
    const underWay = seen.filter((observation) => observation.status === 'Sending' && observation.percent > 0 && observation.percent < 100);
    expect({ underWay: underWay.length > 0, seen }).toMatchObject({ underWay: true });
    expect(underWay[0].detail).toMatch(/^0 of 1 documents · /);
    expect(seen[seen.length - 1].status).toBe('Sent');

    // The case itself moves on at once: the timeline says so, and the bar is full.
    const timeline = page.getByRole('region', { name: 'Timeline' });
    await timeline.getByText('Records sent').waitFor({ timeout: 10_000 });
    const sentRow = page.locator(`[data-request="${request.requestId}"]`);
    await page.locator(`[data-request="${request.requestId}"][data-transfer-status="Sent"]`).waitFor();
    expect(await sentRow.getByRole('progressbar', { name: `Transfer from Riverside General to ${DESTINATION}` }).getAttribute('aria-valuenow')).toBe('100');
    expect(await sentRow.textContent()).toMatch(/sent /);
    await expectNoSeriousA11yViolations(page, 'case workspace (records sent)');
    await saveScreenshot(page, 'records-transfer-sent');

    // The destination got the document exactly once, byte for byte.
    const documents = await coordinatorApi.request<{ items: Array<{ id: string; sha256: string }> }>('GET', `/api/cases/${opened.id}/documents`);
    const [uploaded] = documents.body.items;
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    expect(uploaded.sha256).toBe(sha256);
    expect(receiver.problems).toEqual([]);
    expect([...receiver.deliveriesByKey().entries()]).toEqual([[`${request.requestId}:${uploaded.id}`, 1]]);
    expect(receiver.documents.map((document) => ({ fileName: document.fileName, sizeBytes: document.sizeBytes, sha256: document.sha256 }))).toEqual([
      { fileName: 'biopsy-report.pdf', sizeBytes: DOCUMENT_BYTES, sha256 },
    ]);
    await context.close();
  });
});
