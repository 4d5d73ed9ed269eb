import type { CookieOptions, Request, Response } from 'express';
import { formatRefreshToken, parseRefreshToken, type RefreshToken } from './refresh-token';
import { REFRESH_COOKIE, REFRESH_COOKIE_PATH } from './session-policy.constant';

// httpOnly keeps it from scripts (an XSS cannot read it), SameSite=Strict keeps
// it off cross-site requests, and the path keeps it off every non-auth request.
function options(req: Request): CookieOptions {
  return { httpOnly: true, sameSite: 'strict', secure: req.secure, path: REFRESH_COOKIE_PATH };
}

export function setRefreshCookie(req: Request, res: Response, token: RefreshToken, expiresAt: Date): void {
  res.cookie(REFRESH_COOKIE, formatRefreshToken(token), { ...options(req), expires: expiresAt });
}

export function clearRefreshCookie(req: Request, res: Response): void {
  res.clearCookie(REFRESH_COOKIE, options(req));
}

export function refreshTokenFrom(req: Request): RefreshToken | undefined {
  const cookies = (req as Request & { cookies?: Record<string, unknown> }).cookies;
  return parseRefreshToken(cookies?.[REFRESH_COOKIE]);
}
