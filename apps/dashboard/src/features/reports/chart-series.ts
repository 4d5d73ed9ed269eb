import type { ReportColumn, ReportMeasure, ReportTable } from '@secondlook/contracts';

/** Which columns each measure charts: one unit per chart, so the axis means one thing. */
const CHART_COLUMNS: Record<ReportMeasure, (key: string) => boolean> = {
  'cases-opened': (key) => key === 'cases',
  'time-to-opinion': (key) => key === 'medianDays' || key === 'p90Days',
  'phase-durations': (key) => key.endsWith(':median'),
  'pre-auth': (key) => key === 'medianDays' || key === 'p90Days',
  records: (key) => key === 'medianDays' || key === 'p90Days',
  'past-target': (key) => key === 'pastTargetShare',
  cost: (key) => key === 'medianOutOfPocket' || key === 'p90OutOfPocket' || key === 'medianTravel',
  concordance: (key) => key.startsWith('concordance:') && key.endsWith(':share'),
  'dismissal-concerns': (key) => key === 'per100Cases',
};

export interface ChartData {
  series: ReportColumn[];
  /** One point per group (the all-cases row left out); suppressed cells are gaps, never zeros. */
  points: Array<{ label: string } & Record<string, number | null | string>>;
  unitLabel: string;
}

const UNIT_LABELS: Record<ReportColumn['unit'], string> = { count: 'cases', days: 'days', cents: 'US dollars', percent: '%', 'per-100': 'per 100 cases' };

export function chartData(table: ReportTable): ChartData {
  const series = table.columns.filter((column) => CHART_COLUMNS[table.measure](column.key));
  const points = table.rows
    .filter((row) => !row.isTotal)
    .map((row) => {
      const point: { label: string } & Record<string, number | null | string> = { label: row.label };
      series.forEach((column, index) => {
        const value = row.cells[column.key]?.value ?? null;
        point[`s${index}`] = value === null ? null : column.unit === 'cents' ? value / 100 : value;
      });
      return point;
    });
  return { series, points, unitLabel: UNIT_LABELS[series[0]?.unit ?? 'count'] };
}
