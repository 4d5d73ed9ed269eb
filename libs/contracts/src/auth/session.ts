import { z } from 'zod';

export const ROLES = ['coordinator', 'advocate', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export const loginBodySchema = z.strictObject({
  email: z.string().trim().min(1, 'is required').max(254),
  password: z.string().min(1, 'is required').max(256),
});
export type LoginBody = z.infer<typeof loginBodySchema>;

export interface AuthUser {
  id: string;
  email: string;
  name: string;
  role: Role;
}

/** What login and refresh answer; the refresh token travels only in the httpOnly cookie. */
export interface AuthSessionResponse {
  accessToken: string;
  /** ISO time the access token stops working; refresh a little before it. */
  expiresAt: string;
  user: AuthUser;
}

/** `error` codes the auth routes answer with, beside the generic HTTP ones. */
export const AUTH_ERRORS = {
  /** login: wrong email or password (the same whether the email exists or not). */
  invalidCredentials: 'invalid-credentials',
  /** any route: no bearer token, or one that is forged, revoked, or of a disabled user. */
  authenticationRequired: 'authentication-required',
  /** any route: the access token has expired; call refresh. */
  tokenExpired: 'token-expired',
  /** refresh: no live session behind the cookie; sign in again. */
  sessionExpired: 'session-expired',
  /** refresh, logout: the CSRF header is missing. */
  csrfHeaderMissing: 'csrf-header-missing',
} as const;
