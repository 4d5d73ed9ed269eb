import type {
  CaseCounts,
  CaseDetail,
  CaseEventsPage,
  CaseListPage,
  CaseWriteResponse,
  CommandBody,
  CommandBodyName,
  ListCasesQuery,
  OpenCaseBody,
} from '@secondlook/contracts';
import { apiFetch } from './http-client';

export type WorklistFilters = Partial<Omit<ListCasesQuery, 'cursor'>>;

/** Query keys in one place, so writes invalidate exactly what they change. */
export const caseKeys = {
  all: ['cases'] as const,
  lists: () => [...caseKeys.all, 'list'] as const,
  list: (filters: WorklistFilters) => [...caseKeys.lists(), filters] as const,
  counts: () => [...caseKeys.all, 'counts'] as const,
  detail: (id: string) => [...caseKeys.all, 'detail', id] as const,
  detailAsOf: (id: string, asOf: string | null) => [...caseKeys.detail(id), { asOf }] as const,
  events: (id: string) => [...caseKeys.detail(id), 'events'] as const,
};

const toSearch = (values: Record<string, unknown>): string => {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(values)) if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  const text = params.toString();
  return text ? `?${text}` : '';
};

export const casesApi = {
  list(filters: WorklistFilters, cursor?: string | null): Promise<CaseListPage> {
    return apiFetch<CaseListPage>(`/api/cases${toSearch({ ...filters, cursor: cursor ?? undefined })}`);
  },
  counts: (): Promise<CaseCounts> => apiFetch<CaseCounts>('/api/cases/counts'),
  detail: (id: string, asOf?: string | null): Promise<CaseDetail> =>
    apiFetch<CaseDetail>(`/api/cases/${encodeURIComponent(id)}${toSearch({ asOf })}`),
  events: (id: string): Promise<CaseEventsPage> => apiFetch<CaseEventsPage>(`/api/cases/${encodeURIComponent(id)}/events`),
  open(body: OpenCaseBody): Promise<CaseWriteResponse> {
    return apiFetch<CaseWriteResponse>('/api/cases', { method: 'POST', body: JSON.stringify(body) });
  },
  /** Sends a command against the version the user was looking at: a 412 means the case moved on. */
  command<K extends CommandBodyName>(id: string, name: K, body: CommandBody<K>, expectedVersion: number): Promise<CaseWriteResponse> {
    return apiFetch<CaseWriteResponse>(`/api/cases/${encodeURIComponent(id)}/commands/${name}`, {
      method: 'POST',
      body: JSON.stringify(body),
      headers: { 'If-Match': `"${expectedVersion}"` },
    });
  },
};
