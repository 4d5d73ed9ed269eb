import { CSRF_HEADER, CSRF_HEADER_VALUE } from '@secondlook/contracts';
import type { Request } from 'express';
import { csrfHeaderMissing } from './auth-errors';

/**
 * The routes a cookie authenticates need a header a cross-site form or image
 * cannot send (and a cross-site fetch cannot send without a CORS preflight that
 * the allow-list refuses). SameSite=Strict is the first line; this is the second.
 */
export function requireCsrfHeader(req: Request): void {
  if (req.get(CSRF_HEADER) !== CSRF_HEADER_VALUE) throw csrfHeaderMissing();
}
