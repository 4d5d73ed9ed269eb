import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { type ReportFilters, reportKeys, reportsApi } from './reports.api';

/** Reports move slowly (an async projection behind the log): no polling, a minute of freshness. */
export function useReportTable(filters: ReportFilters) {
  return useQuery({
    queryKey: reportKeys.table(filters),
    queryFn: () => reportsApi.table(filters),
    staleTime: 60_000,
    placeholderData: keepPreviousData,
  });
}
