import type { ReportGrouping, ReportMeasure, ReportTable } from '@secondlook/contracts';
import { apiFetch, apiResponse, ApiError } from '../../api/http-client';

export interface ReportFilters {
  measure: ReportMeasure;
  groupBy: ReportGrouping;
  /** YYYY-MM-DD, inclusive; empty for no bound. */
  from: string;
  to: string;
}

export const reportKeys = {
  all: ['reports'] as const,
  table: (filters: ReportFilters) => [...reportKeys.all, filters] as const,
};

export const reportPath = ({ measure, groupBy, from, to }: ReportFilters, format?: 'csv'): string => {
  const params = new URLSearchParams({ groupBy });
  if (from) params.set('from', from);
  if (to) params.set('to', to);
  if (format) params.set('format', format);
  return `/api/reports/${encodeURIComponent(measure)}?${params.toString()}`;
};

export const reportsApi = {
  table: (filters: ReportFilters): Promise<ReportTable> => apiFetch<ReportTable>(reportPath(filters)),

  /**
   * The CSV needs the bearer token, which a plain link cannot carry: fetch it, then hand the
   * browser a short-lived object URL to save.
   */
  async downloadCsv(filters: ReportFilters): Promise<void> {
    const response = await apiResponse(reportPath(filters, 'csv'), { headers: { Accept: 'text/csv' } });
    if (!response.ok) throw new ApiError(response.status, 'error', `The server answered ${response.status}`);
    const url = URL.createObjectURL(await response.blob());
    try {
      const link = document.createElement('a');
      link.href = url;
      link.download = `${filters.measure}-by-${filters.groupBy}.csv`;
      document.body.appendChild(link);
      link.click();
      link.remove();
    } finally {
      setTimeout(() => URL.revokeObjectURL(url), 1_000);
    }
  },
};
