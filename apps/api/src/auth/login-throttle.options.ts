import type { ThrottlerModuleOptions, ThrottlerStorage } from '@nestjs/throttler';
import { LOGIN_WINDOW_MS } from './session-policy.constant';

type TrackedRequest = { body?: { email?: unknown }; ip?: string };

// The throttler hashes the tracker into its key, so no email reaches Redis in clear.
const accountOf = (req: TrackedRequest): string => (typeof req.body?.email === 'string' ? req.body.email.trim().toLowerCase() : '');
const addressOf = (req: TrackedRequest): string => req.ip ?? 'unknown';

/**
 * Counts every attempt, right or wrong: per account stops guessing one
 * password; per address stops spraying many accounts from one machine (configurable:
 * a clinic whose staff share one NAT address may need more than the default).
 */
export function loginThrottleOptions(storage: ThrottlerStorage, limits: { perAccount: number; perAddress: number }): ThrottlerModuleOptions {
  return {
    storage,
    throttlers: [
      { name: 'login-account', ttl: LOGIN_WINDOW_MS, limit: limits.perAccount, getTracker: (req) => `account:${accountOf(req)}` },
      { name: 'login-address', ttl: LOGIN_WINDOW_MS, limit: limits.perAddress, getTracker: (req) => `address:${addressOf(req)}` },
    ],
  };
}
