import type { NextFunction, Request, Response } from 'express';
import type { ActiveActor } from '../auth/sessions.service';

/** Checks an access token the way the global JwtAuthGuard does: signature, expiry, live user and session. */
export type ResolveActor = (accessToken: string) => Promise<ActiveActor | undefined>;

export const BOARD_COOKIE = 'sl_board';
export const BOARD_PATH = '/admin/queues';
const BEARER = /^Bearer ([A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*)$/;

/**
 * Bull Board lives outside /api, so the global guards never see it: this
 * middleware is its guard. Admins only. API clients send the bearer token; a
 * browser (which cannot add a header to a page load) first POSTs
 * /admin/queues/session with it and gets an httpOnly, SameSite=Strict cookie
 * scoped to /admin/queues holding that same token, so the cookie dies with the
 * token and every page load is checked against the live session again.
 */
export function queueBoardAuth(resolveActor: ResolveActor) {
  return async (req: Request, res: Response, next: NextFunction): Promise<void> => {
    try {
      const bearer = BEARER.exec(req.headers.authorization ?? '')?.[1];
      const token = bearer ?? cookieValue(req.headers.cookie, BOARD_COOKIE);
      const actor = token ? await resolveActor(token).catch(() => undefined) : undefined;
      if (!actor) {
        res.setHeader('WWW-Authenticate', 'Bearer realm="secondlook"');
        res.status(401).json({ statusCode: 401, error: 'authentication-required', message: 'Sign in as an admin to see the queues' });
        return;
      }
      if (actor.role !== 'admin') {
        res.status(403).json({ statusCode: 403, error: 'forbidden-for-role', message: 'Only admins see the queues' });
        return;
      }
      if (req.method === 'POST' && req.path === '/session' && bearer) {
        res.cookie(BOARD_COOKIE, bearer, { httpOnly: true, sameSite: 'strict', secure: req.secure, path: BOARD_PATH });
        res.status(204).end();
        return;
      }
      next();
    } catch (error) {
      next(error);
    }
  };
}

function cookieValue(header: string | undefined, name: string): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return decodeURIComponent(rest.join('='));
  }
  return undefined;
}
