/** Runs `op` on `concurrency` workers for `seconds` (after a short warm-up) and returns ops/s. */
export async function measureRate(
  concurrency: number,
  seconds: number,
  op: (worker: number) => Promise<void>,
  warmupMs = 500,
): Promise<number> {
  let counting = false;
  let stop = false;
  let count = 0;
  const workers = Array.from({ length: concurrency }, async (_, worker) => {
    while (!stop) {
      await op(worker);
      if (counting) count++;
    }
  });
  await sleep(warmupMs);
  counting = true;
  const started = performance.now();
  await sleep(seconds * 1000);
  counting = false;
  const elapsed = (performance.now() - started) / 1000;
  const measured = count;
  stop = true;
  await Promise.all(workers);
  return measured / elapsed;
}

export function percentile(sortedMs: number[], p: number): number {
  return sortedMs[Math.min(sortedMs.length - 1, Math.floor((p / 100) * sortedMs.length))];
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

export function fmt(n: number, digits = 0): string {
  return n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}
