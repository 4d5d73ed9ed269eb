/** An idle session (no refresh) signs out on its own after this: the automatic log-off. */
export const SESSION_IDLE_MS = 8 * 60 * 60 * 1000;
/** However active, a session ends after this and the user signs in again. */
export const SESSION_ABSOLUTE_MS = 12 * 60 * 60 * 1000;
/** Two tabs refreshing at once present the same token; the slower one is not a thief. */
export const REFRESH_REUSE_GRACE_MS = 30 * 1000;

export const REFRESH_COOKIE = 'sl_refresh';
export const REFRESH_COOKIE_PATH = '/api/auth';

/** The sign-in throttle window; the limits per account and per address are configuration. */
export const LOGIN_WINDOW_MS = 60 * 1000;
