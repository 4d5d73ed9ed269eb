import type { AuthSessionResponse, AuthUser } from '@secondlook/contracts';

/**
 * The signed-in session, held in memory only: the access token never touches localStorage,
 * so a reload restores the session through the httpOnly refresh cookie instead.
 */
export interface SessionSnapshot {
  accessToken: string | null;
  user: AuthUser | null;
  expiresAt: string | null;
}

let current: SessionSnapshot = { accessToken: null, user: null, expiresAt: null };
const listeners = new Set<() => void>();

export const sessionStore = {
  get: (): SessionSnapshot => current,
  set(session: AuthSessionResponse | null): void {
    current = session ? { accessToken: session.accessToken, user: session.user, expiresAt: session.expiresAt } : { accessToken: null, user: null, expiresAt: null };
    for (const listener of listeners) listener();
  },
  subscribe(listener: () => void): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
};
