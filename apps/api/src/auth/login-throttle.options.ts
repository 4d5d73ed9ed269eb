import type { ThrottlerModuleOptions, ThrottlerStorage } from '@nestjs/throttler';
import { LOGIN_LIMIT_PER_ACCOUNT, LOGIN_LIMIT_PER_ADDRESS, LOGIN_WINDOW_MS } from './session-policy.constant';

type TrackedRequest = { body?: { email?: unknown }; ip?: string };

// The throttler hashes the tracker into its key, so no email reaches Redis in clear.
const accountOf = (req: TrackedRequest): string => (typeof req.body?.email === 'string' ? req.body.email.trim().toLowerCase() : '');
const addressOf = (req: TrackedRequest): string => req.ip ?? 'unknown';

/**
 * Counts every attempt, right or wrong: per account stops guessing one
 * password; per address stops spraying many accounts from one machine.
 */
export function loginThrottleOptions(storage: ThrottlerStorage): ThrottlerModuleOptions {
  return {
    storage,
    throttlers: [
      { name: 'login-account', ttl: LOGIN_WINDOW_MS, limit: LOGIN_LIMIT_PER_ACCOUNT, getTracker: (req) => `account:${accountOf(req)}` },
      { name: 'login-address', ttl: LOGIN_WINDOW_MS, limit: LOGIN_LIMIT_PER_ADDRESS, getTracker: (req) => `address:${addressOf(req)}` },
    ],
  };
}
