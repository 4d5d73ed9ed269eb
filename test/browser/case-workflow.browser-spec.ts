import type { Browser, Locator, Page } from 'playwright-core';
import { launchChromium, saveScreenshot } from '../support/browser';
import {
  apiSignIn,
  type ApiSession,
  commandViaApi,
  type DashboardProduct,
  expectNoSeriousA11yViolations,
  openCaseViaApi,
  signInThroughUi,
  startDashboardProduct,
} from '../support/dashboard-session';

/** Clicks the checklist's action for a step, fills the drawer's form, saves, and waits for it to land. */
async function doStep(page: Page, action: string, fill: (form: Locator) => Promise<void> = async () => undefined): Promise<void> {
  await page.getByRole('list', { name: 'Next steps' }).getByRole('button', { name: action, exact: true }).first().click();
  const form = page.getByRole('dialog').getByRole('form', { name: action });
  await form.waitFor();
  await fill(form);
  await form.getByRole('button', { name: action, exact: true }).click();
  await page.getByRole('status').filter({ hasText: action }).waitFor();
  await page.getByRole('dialog').waitFor({ state: 'hidden' });
}

async function choose(page: Page, form: Locator, label: string | RegExp, option: string | RegExp): Promise<void> {
  await form.getByRole('combobox', { name: label }).click();
  await page.getByRole('option', { name: option }).click();
}

describe('dashboard: the case workspace', () => {
  let staff: DashboardProduct;
  let browser: Browser;
  let coordinatorApi: ApiSession;

  beforeAll(async () => {
    staff = await startDashboardProduct();
    browser = await launchChromium();
    coordinatorApi = await apiSignIn(staff.baseUrl, staff.coordinator);
  });

  afterAll(async () => {
    await browser?.close();
    await staff?.stop();
  });

  it('walks a case from intake to a decision through the UI', async () => {
    const opened = await openCaseViaApi(
      coordinatorApi,
      { firstName: 'Morgan', lastName: 'Walkthrough', mrn: 'MRN-4242' },
      { currentDiagnosis: 'Fibromyalgia', currentTreatment: 'Pregabalin', urgency: 'soon' },
    );
    const context = await browser.newContext();
    const page = await context.newPage();
    await signInThroughUi(page, staff.baseUrl, staff.coordinator, `/cases/${opened.id}`);
    await page.getByRole('heading', { name: 'Morgan Walkthrough' }).waitFor();
    await expectNoSeriousA11yViolations(page, 'case workspace (intake)');
    await saveScreenshot(page, 'workspace-intake');

    await doStep(page, 'Record that the current doctor was told', async (form) => choose(page, form, /Channel/, 'Letter'));
    await doStep(page, 'Request referral', (form) => form.getByLabel(/To provider/).fill('Lakeside Rheumatology Center'));
    await doStep(page, 'Record referral received', (form) => form.getByLabel(/Reference/).fill('REF-2211'));
    await doStep(page, 'Select second-opinion provider', async (form) => {
      expect(await form.getByLabel(/Provider name/).inputValue()).toBe('Lakeside Rheumatology Center');
      await form.getByLabel(/In the patient’s insurance network/).check();
    });
    await doStep(page, 'Record coverage check', async (form) => {
      await form.getByLabel(/The plan covers second opinions/).check();
      await form.getByLabel(/Pre-authorization is required/).check();
      await form.getByLabel(/Estimated out-of-pocket cost/).fill('250');
      await form.getByLabel(/Estimated travel cost/).fill('40');
    });
    await doStep(page, 'Request pre-authorization', (form) => form.getByLabel(/Insurer reference/).fill('PA-77'));
    await page.getByText(/Pending for/).waitFor();
    await expectNoSeriousA11yViolations(page, 'case workspace (pre-auth pending)');
    await saveScreenshot(page, 'workspace-pre-auth-pending');
    await doStep(page, 'Record pre-authorization approved', (form) => form.getByLabel(/Authorization number/).fill('AUTH-5'));

    await page.getByRole('list', { name: 'Next steps' }).getByRole('button', { name: 'Request records', exact: true }).first().click();
    const records = page.getByRole('dialog').getByRole('form', { name: 'Request records' });
    expect(await records.getByLabel(/From provider/).inputValue()).toBe('Riverside General');
    await records.getByRole('button', { name: 'Add document' }).click();
    const second = records.getByRole('group', { name: 'Documents 2' });
    await choose(page, second, /Kind/, /Pathology slides/);
    await second.getByLabel(/Description/).fill('Biopsy slides, 2025');
    await expectNoSeriousA11yViolations(page, 'command form (request records)');
    await saveScreenshot(page, 'command-form-request-records');
    await records.getByRole('button', { name: 'Request records', exact: true }).click();
    await page.getByRole('status').filter({ hasText: 'Request records' }).waitFor();

    await doStep(page, 'Add question', (form) => form.getByLabel(/Question for the appointment/).fill('Is this really fibromyalgia?'));
    await doStep(page, 'Record desired outcome', (form) => form.getByLabel(/What the patient hopes/).fill('A clear diagnosis and a plan'));
    await doStep(page, 'Schedule appointment', async (form) => {
      await form.getByLabel(/Date and time/).fill('2030-03-16T14:00');
      await choose(page, form, /How/, 'Video');
    });
    await doStep(page, 'Record appointment completed');
    await doStep(page, 'Record opinion', async (form) => {
      await choose(page, form, /Compared with the original opinion/, /Different treatment/);
      await form.getByLabel(/What the second opinion says/).fill('Inflammatory arthritis likely; start methotrexate');
    });
    await page.getByRole('heading', { name: 'The opinions disagree' }).waitFor();
    await page.getByText('Conflicting opinion awaiting a decision').first().waitFor();
    await saveScreenshot(page, 'workspace-opinions-side-by-side');
    await doStep(page, "Record decision", async (form) => choose(page, form, /Decision/, /Follow the second opinion/));

    // The checklist shows the decision done; the timeline says what happened in plain words.
    await page.locator('[data-step="decision"][data-done="true"]').waitFor();
    const timeline = page.getByRole('region', { name: 'Timeline' });
    await timeline.getByText(/Decision recorded/).waitFor();
    await timeline.getByText(/Pre-authorization approved/).first().waitFor();
    expect(await timeline.textContent()).toContain('Casey Coordinator');
    await expectNoSeriousA11yViolations(page, 'case workspace (decision)');
    await saveScreenshot(page, 'workspace-decision-recorded');

    // "View as of" a moment before the decision shows the case as it stood: no decision, no actions.
    // The moment the event before the decision was recorded: the case then had everything but the decision.
    const events = await coordinatorApi.request<{ items: Array<{ type: string; recordedAt: string }> }>('GET', `/api/cases/${opened.id}/events`);
    const decisionAt = events.body.items.findIndex((event) => event.type === 'DecisionRecorded');
    const before = new Date(events.body.items[decisionAt - 1].recordedAt);
    await page.goto(`${staff.baseUrl}/cases/${opened.id}?asOf=${encodeURIComponent(before.toISOString())}`);
    await page.getByText(/The case as it stood on/).waitFor();
    await page.locator('[data-step="decision"][data-done="false"]').waitFor();
    expect(await page.getByRole('list', { name: 'Next steps' }).getByRole('button').count()).toBe(0);
    await saveScreenshot(page, 'workspace-view-as-of');
    await context.close();
  });

  it('tells the second of two editors that the case changed, keeps what they typed, and saves after a reload', async () => {
    const opened = await openCaseViaApi(coordinatorApi, { firstName: 'Jordan', lastName: 'Conflict' });
    const first = await browser.newContext();
    const second = await browser.newContext();
    const pageA = await first.newPage();
    const pageB = await second.newPage();
    await signInThroughUi(pageA, staff.baseUrl, staff.coordinator, `/cases/${opened.id}`);
    await signInThroughUi(pageB, staff.baseUrl, staff.coordinator, `/cases/${opened.id}`);
    await pageA.getByRole('heading', { name: 'Jordan Conflict' }).waitFor();
    await pageB.getByRole('heading', { name: 'Jordan Conflict' }).waitFor();

    // A starts a note; B records something first.
    await choose(pageA, pageA.locator('body'), 'Record something else', 'Add note');
    const noteA = pageA.getByRole('dialog').getByRole('form', { name: 'Add note' });
    await noteA.getByLabel(/Note/).fill('Patient prefers calls after 5pm');
    await doStep(pageB, 'Record that the current doctor was told');

    await noteA.getByRole('button', { name: 'Add note' }).click();
    await pageA.getByText('This case changed while you were editing').waitFor();
    expect(await noteA.getByLabel(/Note/).inputValue()).toBe('Patient prefers calls after 5pm');
    await expectNoSeriousA11yViolations(pageA, 'conflict message');
    await saveScreenshot(pageA, 'conflict-message');

    await pageA.getByRole('button', { name: 'Reload' }).click();
    await pageA.getByText('This case changed while you were editing').waitFor({ state: 'hidden' });
    // The case underneath is current (B's step is done) and the note is still there.
    await pageA.locator('[data-step="inform-current-doctor"][data-done="true"]').waitFor();
    expect(await noteA.getByLabel(/Note/).inputValue()).toBe('Patient prefers calls after 5pm');
    await noteA.getByRole('button', { name: 'Add note' }).click();
    await pageA.getByRole('status').filter({ hasText: 'Add note' }).waitFor();
    await pageA.getByRole('region', { name: 'Timeline' }).getByText('Note added').waitFor();
    await first.close();
    await second.close();
  });

  it('uploads a document to the case and lists it', async () => {
    const opened = await openCaseViaApi(coordinatorApi, { firstName: 'Sasha', lastName: 'Upload' });
    const context = await browser.newContext();
    const page = await context.newPage();
    await signInThroughUi(page, staff.baseUrl, staff.coordinator, `/cases/${opened.id}`);
    const panel = page.getByRole('region', { name: 'Documents and transfers' });
    await panel.getByText('No documents uploaded yet.').waitFor();
    await panel.getByRole('combobox', { name: 'Kind of document' }).click();
    await page.getByRole('option', { name: 'Referral letter' }).click();
    await panel.locator('input[type="file"]').setInputFiles({ name: 'referral-letter.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n% a tiny test document\n%%EOF\n') });
    await panel.getByRole('button', { name: 'Upload' }).click();
    await panel.getByRole('table', { name: 'Documents' }).getByText('referral-letter.pdf').waitFor();
    expect(await panel.getByRole('table', { name: 'Documents' }).textContent()).toContain('Referral letter');
    await saveScreenshot(page, 'documents-uploaded');
    await context.close();
  });

  it('refreshes an open case by itself when someone else changes it', async () => {
    const opened = await openCaseViaApi(coordinatorApi, { firstName: 'Riley', lastName: 'Live' });
    const context = await browser.newContext();
    const page = await context.newPage();
    await signInThroughUi(page, staff.baseUrl, staff.coordinator, `/cases/${opened.id}`);
    await page.locator('[data-step="inform-current-doctor"][data-done="false"]').waitFor();
    await commandViaApi(coordinatorApi, opened.id, 'inform-current-doctor', { channel: 'call' });
    await page.locator('[data-step="inform-current-doctor"][data-done="true"]').waitFor({ timeout: 15_000 });
    await context.close();
  });
});
