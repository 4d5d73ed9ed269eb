import { CASE_SORTS, type CaseSort } from '@secondlook/contracts';
import { OPENING_REASONS, PHASES, RISK_FLAGS, URGENCIES, includesCode } from '@secondlook/domain';
import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import type { WorklistFilters } from '../../api/cases.api';
import { useAuth } from '../auth/useAuth';

export type WorklistView = 'mine' | 'all';

export interface WorklistState {
  view: WorklistView;
  filters: WorklistFilters;
  setParam(name: string, value: string | null): void;
  clearFilters(): void;
}

const pick = <T extends string>(list: readonly T[], value: string | null): T | undefined =>
  value !== null && includesCode(list, value) ? value : undefined;

/**
 * The worklist's filters live in the address bar, so a filtered view can be bookmarked,
 * shared and survives a reload. Advocates start on "My cases".
 */
export function useWorklistFilters(): WorklistState {
  const { role } = useAuth();
  const [params, setParams] = useSearchParams();
  const view: WorklistView = (params.get('view') as WorklistView | null) ?? (role === 'advocate' ? 'mine' : 'all');

  const filters = useMemo<WorklistFilters>(() => {
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
  }, [params, view]);

  const setParam = useCallback(
    (name: string, value: string | null) =>
      setParams(
        (previous) => {
          const next = new URLSearchParams(previous);
          if (value === null || value === '') next.delete(name);
          else next.set(name, value);
          return next;
        },
        { replace: true },
      ),
    [setParams],
  );
  const clearFilters = useCallback(
    () =>
      setParams(
        (previous) => {
          const next = new URLSearchParams();
          const kept = previous.get('view');
          if (kept) next.set('view', kept);
          return next;
        },
        { replace: true },
      ),
    [setParams],
  );
  return { view, filters, setParam, clearFilters };
}
