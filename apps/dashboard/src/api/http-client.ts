import { CSRF_HEADER, CSRF_HEADER_VALUE, type AuthSessionResponse } from '@secondlook/contracts';
import { sessionStore } from './auth-session';

export interface ApiErrorDetail {
  field: string;
  problem: string;
}

/** An error the api answered with its JSON error body `{statusCode, error, message, details?, requestId}`. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
    readonly requestId?: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }

  /** Field problems of a 400 `validation-failed` answer. */
  get fieldProblems(): ApiErrorDetail[] {
    return Array.isArray(this.details) ? (this.details as ApiErrorDetail[]).filter((detail) => typeof detail?.field === 'string') : [];
  }
}

export const isApiError = (error: unknown, status?: number): error is ApiError =>
  error instanceof ApiError && (status === undefined || error.status === status);

async function toError(response: Response): Promise<ApiError> {
  const body = (await response.json().catch(() => undefined)) as
    | { error?: string; message?: string; details?: unknown; requestId?: string }
    | undefined;
  return new ApiError(response.status, body?.error ?? 'error', body?.message ?? (response.statusText || `The server answered ${response.status}`), body?.details, body?.requestId);
}

let refreshing: Promise<AuthSessionResponse | null> | null = null;

/**
 * Trades the httpOnly refresh cookie for a new access token. Concurrent callers share one
 * request, so a burst of 401s refreshes once. Resolves null when there is no session.
 */
export function refreshSession(): Promise<AuthSessionResponse | null> {
  refreshing ??= (async () => {
    try {
      const response = await fetch('/api/auth/refresh', {
        method: 'POST',
        credentials: 'same-origin',
        headers: { Accept: 'application/json', [CSRF_HEADER]: CSRF_HEADER_VALUE },
      });
      if (!response.ok) throw await toError(response);
      const session = (await response.json()) as AuthSessionResponse;
      sessionStore.set(session);
      return session;
    } catch (error) {
      if (isApiError(error) && error.status !== 401 && error.status !== 403) throw error;
      sessionStore.set(null);
      return null;
    } finally {
      refreshing = null;
    }
  })();
  return refreshing;
}

let initialRestore: Promise<AuthSessionResponse | null> | null = null;

/**
 * The one refresh a page load makes to restore its session. main.tsx starts it before React
 * renders, so it runs while the first screen's code downloads instead of after.
 */
export function restoreSessionOnce(): Promise<AuthSessionResponse | null> {
  initialRestore ??= refreshSession();
  return initialRestore;
}

export interface ApiRequestInit extends RequestInit {
  /** Leave out the Authorization header and the refresh-on-401 (login itself). */
  anonymous?: boolean;
}

function send(path: string, init: ApiRequestInit): Promise<Response> {
  const token = init.anonymous ? null : sessionStore.get().accessToken;
  const isForm = typeof FormData !== 'undefined' && init.body instanceof FormData;
  return fetch(path, {
    ...init,
    credentials: 'same-origin',
    headers: {
      Accept: 'application/json',
      ...(init.body && !isForm ? { 'Content-Type': 'application/json' } : {}),
      ...(token ? { Authorization: `Bearer ${token}` } : {}),
      ...init.headers,
    },
  });
}

/** Low level: the raw response, after one refresh-and-retry on 401. */
export async function apiResponse(path: string, init: ApiRequestInit = {}): Promise<Response> {
  let response = await send(path, init);
  if (response.status === 401 && !init.anonymous && sessionStore.get().accessToken) {
    const session = await refreshSession().catch(() => null);
    if (session) response = await send(path, init);
  }
  if (response.status === 401 && !init.anonymous) sessionStore.set(null);
  return response;
}

export async function apiFetch<T>(path: string, init: ApiRequestInit = {}): Promise<T> {
  const response = await apiResponse(path, init);
  if (!response.ok) throw await toError(response);
  if (response.status === 204) return undefined as T;
  return (await response.json().catch(() => undefined)) as T;
}
