// No zod here: the dashboard's first screen needs these two strings, and a module that builds
// schemas would drag the validation library into its initial bundle.

/**
 * Cross-site forms cannot set custom headers, so requiring this one on the
 * cookie-authenticated routes (refresh, logout) is the CSRF defence.
 */
export const CSRF_HEADER = 'X-Requested-With';
export const CSRF_HEADER_VALUE = 'secondlook';
