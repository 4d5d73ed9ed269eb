import { EXPONENTIAL_JITTER_BACKOFF } from '@secondlook/contracts';
import type { MinimalJob } from 'bullmq';

const MAX_DELAY_MS = 30 * 60 * 1000;

/**
 * "Equal jitter": half the exponential delay is kept, the other half is random, so
 * transfers that failed together (one destination down) do not all come back at
 * the same instant, yet none retries sooner than half its step.
 */
export function exponentialJitterBackoff(attemptsMade: number, type?: string, _error?: Error, job?: MinimalJob): number {
  if (type !== EXPONENTIAL_JITTER_BACKOFF) return -1;
  const base = (job?.opts.backoff as { delay?: number } | undefined)?.delay ?? 10_000;
  const step = Math.min(MAX_DELAY_MS, base * 2 ** Math.max(0, attemptsMade - 1));
  return Math.round(step / 2 + Math.random() * (step / 2));
}
