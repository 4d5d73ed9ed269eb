import type { Browser } from 'playwright-core';
import { launchChromium, saveScreenshot } from '../support/browser';
import {
  apiSignIn,
  commandViaApi,
  type DashboardProduct,
  expectNoSeriousA11yViolations,
  openCaseViaApi,
  signInThroughUi,
  startDashboardProduct,
} from '../support/dashboard-session';

describe('dashboard: what each role sees', () => {
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

  it('shows an advocate only the cases assigned to them, starting on "My cases"', async () => {
    const coordinator = await apiSignIn(staff.baseUrl, staff.coordinator);
    const mine = await openCaseViaApi(coordinator, { firstName: 'Avery', lastName: 'Assigned' }, { urgency: 'urgent', targetDate: '2024-01-10' });
    const theirs = await openCaseViaApi(coordinator, { firstName: 'Blair', lastName: 'Elsewhere' });
    await openCaseViaApi(coordinator, { firstName: 'Nobody', lastName: 'Unassigned' });
    await commandViaApi(coordinator, mine.id, 'assign-advocate', { advocateId: staff.advocate.id });
    await commandViaApi(coordinator, theirs.id, 'assign-advocate', { advocateId: staff.otherAdvocate.id });

    const context = await browser.newContext();
    const page = await context.newPage();
    await signInThroughUi(page, staff.baseUrl, staff.advocate);
    await page.getByRole('heading', { name: 'My cases' }).waitFor();
    const rows = page.getByRole('table', { name: 'Cases' }).getByRole('row');
    await page.getByRole('row', { name: /Avery Assigned/ }).waitFor();
    expect(await rows.count()).toBe(2); // the header and the one assigned case
    // Urgent and past its target date: the row says so.
    expect(await page.getByRole('row', { name: /Avery Assigned/ }).textContent()).toContain('Overdue');
    expect(await page.getByRole('button', { name: 'Open a case' }).count()).toBe(0);
    await expectNoSeriousA11yViolations(page, 'worklist (advocate)');
    await saveScreenshot(page, 'worklist-advocate');

    // Someone else's case is simply not there for them.
    await page.goto(`${staff.baseUrl}/cases/${theirs.id}`);
    await page.getByText('This case does not exist, or it is not assigned to you.').waitFor();
    await context.close();
  });

  it('gives an admin users and the audit trail, not case data', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await signInThroughUi(page, staff.baseUrl, staff.admin);
    await page.getByRole('heading', { name: 'Users' }).waitFor();
    await page.getByRole('row', { name: /Casey Coordinator/ }).waitFor();
    await expectNoSeriousA11yViolations(page, 'admin users');
    await saveScreenshot(page, 'admin-users');

    await page.getByRole('button', { name: 'Add a user' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Name').fill('Devon Advocate');
    await dialog.getByLabel('Email').fill('devon@clinic.test');
    await dialog.getByLabel(/Temporary password/).fill('short');
    await dialog.getByRole('button', { name: 'Create user' }).click();
    await dialog.getByText('must be at least 12 characters').waitFor();
    await dialog.getByLabel(/Temporary password/).fill('a-long-enough-password');
    await dialog.getByRole('button', { name: 'Create user' }).click();
    const devon = page.getByRole('row', { name: /Devon Advocate/ });
    await devon.waitFor();
    await devon.getByRole('button', { name: 'Disable Devon Advocate' }).click();
    await devon.getByText('Disabled').waitFor();

    await page.getByRole('tab', { name: 'Audit trail' }).click();
    await page.getByRole('heading', { name: 'Audit trail' }).waitFor();
    await page.getByRole('table', { name: 'Audit entries' }).waitFor();
    await expectNoSeriousA11yViolations(page, 'admin audit trail');
    await saveScreenshot(page, 'admin-audit-trail');
    await context.close();
  });
});
