import type { AuthUser, Role } from '@secondlook/contracts';
import { useQueryClient } from '@tanstack/react-query';
import { createContext, useCallback, useEffect, useMemo, useState, useSyncExternalStore, type ReactNode } from 'react';
import { authApi } from '../../api/auth.api';
import { sessionStore } from '../../api/auth-session';
import { isApiError, restoreSessionOnce } from '../../api/http-client';

export type AuthStatus = 'restoring' | 'signed-in' | 'signed-out' | 'auth-not-enabled';

export interface AuthContextValue {
  status: AuthStatus;
  user: AuthUser | null;
  /** The role the screens are built for; a server without sign-in is treated as a coordinator's. */
  role: Role;
  signOut(): Promise<void>;
}

export const AuthContext = createContext<AuthContextValue | null>(null);

/**
 * Restores the session on load through the refresh cookie, then follows the in-memory
 * session: a 401 the client could not refresh away drops back to the sign-in screen.
 */
export function AuthProvider({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient();
  const session = useSyncExternalStore(sessionStore.subscribe, sessionStore.get);
  const [restore, setRestore] = useState<'pending' | 'done' | 'auth-not-enabled'>(() => (sessionStore.get().accessToken ? 'done' : 'pending'));

  useEffect(() => {
    if (restore !== 'pending') return;
    let cancelled = false;
    restoreSessionOnce()
      .then(() => !cancelled && setRestore('done'))
      .catch((error: unknown) => {
        if (cancelled) return;
        // A server built before sign-in existed answers 404: run without a session.
        setRestore(isApiError(error, 404) ? 'auth-not-enabled' : 'done');
      });
    return () => {
      cancelled = true;
    };
  }, [restore]);

  const signOut = useCallback(async () => {
    await authApi.logout().catch(() => undefined);
    queryClient.clear();
  }, [queryClient]);

  const value = useMemo<AuthContextValue>(() => {
    const status: AuthStatus =
      restore === 'pending' ? 'restoring' : restore === 'auth-not-enabled' ? 'auth-not-enabled' : session.user ? 'signed-in' : 'signed-out';
    return { status, user: session.user, role: session.user?.role ?? 'coordinator', signOut };
  }, [restore, session.user, signOut]);

  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}
