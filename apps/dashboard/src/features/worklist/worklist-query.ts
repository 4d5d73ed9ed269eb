import { infiniteQueryOptions } from '@tanstack/react-query';
import { caseKeys, casesApi, type WorklistFilters } from '../../api/cases.api';

/** The worklist's pages for some filters: one definition for the page and for the early prefetch. */
export const worklistQuery = (filters: WorklistFilters) =>
  infiniteQueryOptions({
    queryKey: caseKeys.list(filters),
    queryFn: ({ pageParam }) => casesApi.list(filters, pageParam),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.nextCursor,
  });
