import type { Browser } from 'playwright-core';
import { launchChromium, saveScreenshot } from '../support/browser';
import { apiSignIn, type DashboardProduct, expectNoSeriousA11yViolations, startDashboardProduct } from '../support/dashboard-session';

describe('dashboard: signing in and opening a case', () => {
  let staff: DashboardProduct;
  let browser: Browser;

  beforeAll(async () => {
    staff = await startDashboardProduct();
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await staff?.stop();
  });

  it('refuses a wrong password, signs in, opens a case through the form and lists it in the worklist', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(staff.baseUrl);
    await page.getByRole('heading', { name: 'SecondLook' }).waitFor();
    await expectNoSeriousA11yViolations(page, 'sign-in');
    await saveScreenshot(page, 'sign-in');

    await page.getByLabel('Email').fill(staff.coordinator.email);
    await page.locator('input[autocomplete="current-password"]').fill('not-the-password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByText('That email and password do not match an account.').waitFor();

    await page.locator('input[autocomplete="current-password"]').fill(staff.coordinator.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'Worklist' }).waitFor();
    await page.getByText('No cases yet. Open the first one.').waitFor();

    await page.getByRole('button', { name: 'Open a case' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('First name').fill('Rowan');
    await dialog.getByLabel('Last name').fill('Testcase');
    await dialog.getByLabel('Date of birth').fill('1984-03-09');
    await dialog.getByLabel('Specialty').fill('Oncology');
    await dialog.getByLabel('Unclear diagnosis').check();
    await dialog.getByRole('button', { name: 'Open case' }).click();

    // Opening lands in the new case's workspace; the worklist lists it.
    await page.getByRole('heading', { name: 'Rowan Testcase' }).waitFor();
    await page.getByRole('link', { name: '← Worklist' }).click();
    const row = page.getByRole('row', { name: /Rowan Testcase/ });
    await row.waitFor();
    expect(await row.textContent()).toContain('Oncology');
    // The counts above the list move with it, without waiting for the next poll.
    await page.getByText('Intake · 1').waitFor({ timeout: 2_000 });
    await expectNoSeriousA11yViolations(page, 'worklist');
    await saveScreenshot(page, 'worklist-after-opening-a-case');

    // The session survives a reload through the refresh cookie; the token is not in storage.
    await page.reload();
    await page.getByRole('row', { name: /Rowan Testcase/ }).waitFor();
    const stored = await page.evaluate(() => JSON.stringify({ ...window.localStorage }) + JSON.stringify({ ...window.sessionStorage }));
    expect(stored).not.toMatch(/eyJ/);

    const session = await apiSignIn(staff.baseUrl, staff.coordinator);
    const listed = await session.request<{ items: Array<{ patientName: string }> }>('GET', '/api/cases');
    expect(listed.body.items.map((item) => item.patientName)).toContain('Rowan Testcase');

    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('button', { name: 'Sign in' }).waitFor();
    await page.reload();
    await page.getByRole('button', { name: 'Sign in' }).waitFor();
    await context.close();
  });
});
