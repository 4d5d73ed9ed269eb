import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import type { WorklistFilters } from '../../api/cases.api';
import { useAuth } from '../auth/useAuth';
import { worklistFiltersFrom, worklistViewFrom, type WorklistView } from './worklist-filters';

export type { WorklistView } from './worklist-filters';

export interface WorklistState {
  view: WorklistView;
  filters: WorklistFilters;
  setParam(name: string, value: string | null): void;
  clearFilters(): void;
}

/**
 * The worklist's filters live in the address bar, so a filtered view can be bookmarked,
 * shared and survives a reload. Advocates start on "My cases".
 */
export function useWorklistFilters(): WorklistState {
  const { role } = useAuth();
  const [params, setParams] = useSearchParams();
  const view = worklistViewFrom(params, role);
  const filters = useMemo(() => worklistFiltersFrom(params, view), [params, view]);

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
