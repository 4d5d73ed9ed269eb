import type { CaseListPage, CaseWriteResponse, ListCasesQuery, OpenCaseBody } from '@secondlook/contracts';
import { apiFetch } from './http-client';

type ListFilters = Partial<ListCasesQuery>;

/** Query keys in one place, so writes invalidate exactly what they change. */
export const caseKeys = {
  all: ['cases'] as const,
  lists: () => [...caseKeys.all, 'list'] as const,
  list: (filters: ListFilters) => [...caseKeys.lists(), filters] as const,
  detail: (id: string) => [...caseKeys.all, 'detail', id] as const,
};

export const casesApi = {
  list(filters: ListFilters): Promise<CaseListPage> {
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries(filters)) if (value !== undefined && value !== '') params.set(key, String(value));
    return apiFetch<CaseListPage>(`/api/cases?${params.toString()}`);
  },
  open(body: OpenCaseBody): Promise<CaseWriteResponse> {
    return apiFetch<CaseWriteResponse>('/api/cases', { method: 'POST', body: JSON.stringify(body) });
  },
};
