import { CSRF_HEADER, CSRF_HEADER_VALUE, type AuthSessionResponse, type AuthUser, type LoginBody } from '@secondlook/contracts';
import { sessionStore } from './auth-session';
import { apiFetch } from './http-client';

export const authApi = {
  async login(body: LoginBody): Promise<AuthSessionResponse> {
    const session = await apiFetch<AuthSessionResponse>('/api/auth/login', { method: 'POST', body: JSON.stringify(body), anonymous: true });
    sessionStore.set(session);
    return session;
  },
  async logout(): Promise<void> {
    try {
      await apiFetch<void>('/api/auth/logout', { method: 'POST', headers: { [CSRF_HEADER]: CSRF_HEADER_VALUE } });
    } finally {
      sessionStore.set(null);
    }
  },
  me: (): Promise<AuthUser> => apiFetch<AuthUser>('/api/auth/me'),
};
