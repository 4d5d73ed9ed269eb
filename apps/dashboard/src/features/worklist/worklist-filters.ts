import { CASE_SORTS, type CaseSort, type Role } from '@secondlook/contracts';
import { includesCode, OPENING_REASONS, PHASES, RISK_FLAGS, URGENCIES } from '@secondlook/domain';
import type { WorklistFilters } from '../../api/cases.api';

// Plain functions of the address bar, without React: main.tsx reads the same filters to start
// the first page's request before the worklist's code has even arrived, and the request it
// starts must carry exactly the query key the page will ask for.

export type WorklistView = 'mine' | 'all';

const pick = <T extends string>(list: readonly T[], value: string | null): T | undefined =>
  value !== null && includesCode(list, value) ? value : undefined;

/** Advocates start on "My cases"; everyone else on every case. */
export const worklistViewFrom = (params: URLSearchParams, role: Role): WorklistView =>
  (params.get('view') as WorklistView | null) ?? (role === 'advocate' ? 'mine' : 'all');

export function worklistFiltersFrom(params: URLSearchParams, view: WorklistView): WorklistFilters {
  const advocate = params.get('advocate');
  const q = params.get('q')?.trim();
  return {
    phase: pick(PHASES, params.get('phase')),
    risk: pick(RISK_FLAGS, params.get('risk')),
    urgency: pick(URGENCIES, params.get('urgency')),
    reason: pick(OPENING_REASONS, params.get('reason')),
    assignedTo: view === 'mine' ? 'me' : advocate || undefined,
    q: q || undefined,
    sort: pick<CaseSort>(CASE_SORTS, params.get('sort')) ?? 'age',
    limit: 25,
  };
}
