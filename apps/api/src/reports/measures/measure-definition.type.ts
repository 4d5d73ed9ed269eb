import type { ReportMeasure, ReportUnit } from '@secondlook/contracts';

interface ColumnBase {
  key: string;
  label: string;
  /** Columns shown together (one phase, one chart). */
  group?: string;
}

/** A count of cases (or concerns). `hidden` counts are never shown but can be worked out, so they take part in suppression. */
export interface CountColumn extends ColumnBase {
  kind: 'count';
  unit: 'count';
  sql: string;
  hidden?: boolean;
}

/** A median or percentile over the values behind the count column `n`. */
export interface StatisticColumn extends ColumnBase {
  kind: 'statistic';
  unit: Extract<ReportUnit, 'days' | 'cents'>;
  sql: string;
  n: string;
  /** Aggregated over one row per array element (`v`) of `valuesArray` rather than per case. */
  fromValues?: boolean;
}

/** numerator / denominator × 100, both count columns. */
export interface RatioColumn extends ColumnBase {
  kind: 'ratio';
  unit: Extract<ReportUnit, 'percent' | 'per-100'>;
  numerator: string;
  denominator: string;
}

export type MeasureColumn = CountColumn | StatisticColumn | RatioColumn;

export interface MeasureDefinition {
  measure: ReportMeasure;
  columns: MeasureColumn[];
  /** Count columns that add up within a row (parts sum to total); groups × all-cases margins are added for every count column. */
  rowMargins: Array<{ total: string; parts: string[] }>;
  /** The per-case array the `fromValues` statistics unnest. */
  valuesArray?: string;
  notes: string[];
}

/** Days between two timestamps, as a float, for percentile_cont. */
export const days = (interval: string): string => `extract(epoch FROM (${interval})) / 86400.0`;
export const median = (expression: string): string => `percentile_cont(0.5) WITHIN GROUP (ORDER BY ${expression})`;
export const p90 = (expression: string): string => `percentile_cont(0.9) WITHIN GROUP (ORDER BY ${expression})`;

export const count = (key: string, label: string, sql: string, extra: Partial<CountColumn> = {}): CountColumn => ({ kind: 'count', unit: 'count', key, label, sql, ...extra });
export const hiddenCount = (key: string, sql: string): CountColumn => count(key, key, sql, { hidden: true });
export const share = (key: string, label: string, numerator: string, denominator: string, group?: string): RatioColumn => ({
  kind: 'ratio',
  unit: 'percent',
  key,
  label,
  numerator,
  denominator,
  group,
});
