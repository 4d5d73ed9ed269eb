import type { AuditPage, AuditQuery, CreateUserBody, StaffList, UpdateUserBody, UserAccount, UserList } from '@secondlook/contracts';
import { apiFetch } from './http-client';

export type AuditFilters = Partial<Omit<AuditQuery, 'cursor' | 'limit'>>;

export const userKeys = {
  all: ['users'] as const,
  list: () => [...userKeys.all, 'list'] as const,
};

export const auditKeys = {
  all: ['audit'] as const,
  list: (filters: AuditFilters) => [...auditKeys.all, filters] as const,
};

export const staffKeys = {
  list: () => ['staff', 'list'] as const,
};

/** Active coordinators and advocates (id, name, role), readable by every signed-in role. */
export const staffApi = {
  list: (): Promise<StaffList> => apiFetch<StaffList>('/api/staff'),
};

export const usersApi = {
  list: (): Promise<UserList> => apiFetch<UserList>('/api/users'),
  create: (body: CreateUserBody): Promise<UserAccount> => apiFetch<UserAccount>('/api/users', { method: 'POST', body: JSON.stringify(body) }),
  update: (id: string, body: UpdateUserBody): Promise<UserAccount> =>
    apiFetch<UserAccount>(`/api/users/${encodeURIComponent(id)}`, { method: 'PATCH', body: JSON.stringify(body) }),
};

export const auditApi = {
  list(filters: AuditFilters, cursor?: string | null): Promise<AuditPage> {
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries({ ...filters, cursor: cursor ?? undefined, limit: 50 })) if (value !== undefined && value !== '') params.set(key, String(value));
    return apiFetch<AuditPage>(`/api/audit?${params.toString()}`);
  },
};
