import type { Browser } from 'playwright-core';
import { launchChromium, saveScreenshot } from '../support/browser';
import { type RunningProduct, startProduct } from '../support/running-product';

describe('dashboard: opening a case', () => {
  let product: RunningProduct;
  let browser: Browser;

  beforeAll(async () => {
    product = await startProduct();
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await product?.stop();
  });

  it('opens a case through the form and lists it in the worklist', async () => {
    const page = await browser.newPage();
    await page.goto(product.baseUrl);
    await page.getByRole('heading', { name: 'Worklist' }).waitFor();
    await page.getByRole('button', { name: 'Open a case' }).click();

    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('First name').fill('Rowan');
    await dialog.getByLabel('Last name').fill('Testcase');
    await dialog.getByLabel('Date of birth').fill('1984-03-09');
    await dialog.getByLabel('Specialty').fill('Oncology');
    await dialog.getByLabel('Unclear diagnosis').check();
    await dialog.getByRole('button', { name: 'Open case' }).click();

    const row = page.getByRole('row', { name: /Rowan Testcase/ });
    await row.waitFor();
    expect(await row.textContent()).toContain('Oncology');
    await saveScreenshot(page, 'worklist-after-opening-a-case');

    const listed = (await (await fetch(`${product.baseUrl}/api/cases`)).json()) as { items: Array<{ patientName: string }> };
    expect(listed.items.map((item) => item.patientName)).toContain('Rowan Testcase');
  });
});
