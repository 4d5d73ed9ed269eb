import type { Page } from 'playwright-core';

export interface TransferObservation {
  /** Milliseconds since watching began. */
  atMs: number;
  /** The row's status word ("Queued", "Sending", "Sent", "Failed"…). */
  status: string;
  /** The progress bar's aria-valuenow, 0–100. */
  percent: number;
  /** The line under the bar ("1 of 2 documents · …"). */
  detail: string;
}

/**
 * Watches one records request's row in the documents panel the way a person would: what the
 * badge says and how full the bar is, every 100 ms, until the row says `until` (or Failed).
 * Answers every change seen, in order; `onChange` hears each as it is seen.
 */
export async function watchTransferRow(
  page: Page,
  requestId: string,
  { until = 'Sent', timeoutMs = 60_000, onChange }: { until?: string; timeoutMs?: number; onChange?: (seen: TransferObservation) => Promise<void> } = {},
): Promise<TransferObservation[]> {
  const row = page.locator(`[data-request="${requestId}"]`);
  await row.waitFor({ timeout: timeoutMs });
  const started = Date.now();
  const seen: TransferObservation[] = [];
  while (Date.now() - started < timeoutMs) {
    const now = await row.evaluate((element) => ({
      status: element.getAttribute('data-transfer-status') ?? '',
      percent: Number(element.querySelector('[role="progressbar"]')?.getAttribute('aria-valuenow') ?? NaN),
      detail: element.querySelector('[aria-live]')?.textContent ?? '',
    }));
    const last = seen[seen.length - 1];
    if (!last || last.status !== now.status || last.percent !== now.percent || last.detail !== now.detail) {
      seen.push({ atMs: Date.now() - started, ...now });
      await onChange?.(seen[seen.length - 1]);
    }
    if (now.status === until || now.status === 'Failed') return seen;
    await page.waitForTimeout(100);
  }
  throw new Error(`The transfer row never said ${until}; it showed: ${JSON.stringify(seen)}`);
}
