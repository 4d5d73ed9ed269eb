import {
  REPORT_MEASURE_LABELS,
  type ReportCell,
  type ReportColumn,
  type ReportGrouping,
  type ReportRow,
  type ReportTable,
  SMALL_CELL_DISPLAY,
  TOTAL_ROW_KEY,
} from '@secondlook/contracts';
import type { CountColumn, MeasureDefinition, RatioColumn, StatisticColumn } from '../measures/measure-definition.type';
import { type Margin, MIN_GROUP_FOR_STATISTICS, suppressSmallCells } from '../suppression/suppress-small-cells';
import { compareGroups, groupLabel } from './group-labels';

/** A row of the measure's SQL: its group (null for all cases) and a number (or numeric string) per column key. */
export type RawReportRow = { grp: string | null } & Record<string, unknown>;

export interface ReportTableInput {
  definition: MeasureDefinition;
  groupBy: ReportGrouping;
  from: string | null;
  to: string | null;
  currency: string;
  rows: RawReportRow[];
  /** Rows of the value-level query (statistics over array elements), same grouping. */
  valueRows?: RawReportRow[];
  /** When groups partition the cases, each count column's groups add up to the all-cases row. */
  groupsPartition: boolean;
}

const SUPPRESSED_DISPLAY = 'suppressed';
const SMALL_GROUP_DISPLAY = 'n<11';
const EMPTY_DISPLAY = '—';

const toNumber = (value: unknown): number | null => (value === null || value === undefined ? null : Number(value));
const cellId = (row: string, column: string): string => `${row}:${column}`;

/**
 * Turns a measure's raw aggregates into the published table, applying the small-cell rule to
 * every count (with complementary cells across rows and the all-cases row), then hiding the
 * statistics of small groups and any share built on a hidden count. A suppressed number is
 * dropped here and never reaches JSON or CSV.
 */
export function buildReportTable(input: ReportTableInput): ReportTable {
  const { definition, groupBy } = input;
  const valuesByGroup = new Map((input.valueRows ?? []).map((row) => [row.grp ?? TOTAL_ROW_KEY, row]));
  const groups = input.rows
    .map((row) => row.grp)
    .filter((group): group is string => group !== null)
    .sort((a, b) => compareGroups(groupBy, a, b));
  const rowKeys = [...groups, TOTAL_ROW_KEY];
  const rawByKey = new Map(input.rows.map((row) => [row.grp ?? TOTAL_ROW_KEY, { ...row, ...valuesByGroup.get(row.grp ?? TOTAL_ROW_KEY) }]));

  const countColumns = definition.columns.filter((column): column is CountColumn => column.kind === 'count');
  const counts: Record<string, number> = {};
  for (const rowKey of rowKeys) {
    for (const column of countColumns) counts[cellId(rowKey, column.key)] = toNumber(rawByKey.get(rowKey)?.[column.key]) ?? 0;
  }
  const margins: Margin[] = [
    ...rowKeys.flatMap((rowKey) =>
      definition.rowMargins.map((margin) => ({ total: cellId(rowKey, margin.total), parts: margin.parts.map((part) => cellId(rowKey, part)) })),
    ),
    ...(input.groupsPartition
      ? countColumns.map((column) => ({ total: cellId(TOTAL_ROW_KEY, column.key), parts: groups.map((group) => cellId(group, column.key)) }))
      : []),
  ];
  const hidden = suppressSmallCells(counts, margins);

  const visibleColumns = definition.columns.filter((column) => !(column.kind === 'count' && column.hidden));
  const rows: ReportRow[] = rowKeys.map((rowKey) => {
    const raw = rawByKey.get(rowKey) ?? { grp: rowKey };
    const cells: Record<string, ReportCell> = {};
    for (const column of visibleColumns) {
      switch (column.kind) {
        case 'count':
          cells[column.key] = countCell(counts[cellId(rowKey, column.key)], hidden.get(cellId(rowKey, column.key)));
          break;
        case 'statistic':
          cells[column.key] = statisticCell(column, toNumber(raw[column.key]), counts[cellId(rowKey, column.n)], input.currency);
          break;
        case 'ratio':
          cells[column.key] = ratioCell(column, rowKey, counts, hidden);
          break;
      }
    }
    return { key: rowKey, label: rowKey === TOTAL_ROW_KEY ? 'All cases' : groupLabel(groupBy, rowKey), isTotal: rowKey === TOTAL_ROW_KEY, cells };
  });

  const columns: ReportColumn[] = visibleColumns.map((column) => ({ key: column.key, label: column.label, unit: column.unit, ...(column.group ? { group: column.group } : {}) }));
  return {
    measure: definition.measure,
    title: REPORT_MEASURE_LABELS[definition.measure],
    groupBy,
    from: input.from,
    to: input.to,
    columns,
    rows,
    notes: [
      ...definition.notes,
      'Counts of 1 to 10 show as "<11"; cells from which such a count could be worked out show as "suppressed"; medians and percentiles of fewer than 11 values show as "n<11".',
      ...(input.groupsPartition ? [] : ['A case can fall in several groups here, so the groups add up to more than all cases.']),
    ],
  };
}

function countCell(value: number, suppression: 'small-count' | 'complementary' | undefined): ReportCell {
  if (suppression) return { value: null, display: suppression === 'small-count' ? SMALL_CELL_DISPLAY : SUPPRESSED_DISPLAY, suppressed: suppression };
  return { value, display: String(value), suppressed: null };
}

function statisticCell(column: StatisticColumn, value: number | null, n: number, currency: string): ReportCell {
  if (n < MIN_GROUP_FOR_STATISTICS) return { value: null, display: n === 0 ? EMPTY_DISPLAY : SMALL_GROUP_DISPLAY, suppressed: n === 0 ? null : 'small-group' };
  if (value === null) return { value: null, display: EMPTY_DISPLAY, suppressed: null };
  if (column.unit === 'cents') {
    const cents = Math.round(value);
    return { value: cents, display: formatMoney(cents, currency), suppressed: null };
  }
  const rounded = Math.round(value * 10) / 10;
  return { value: rounded, display: rounded.toFixed(1), suppressed: null };
}

function ratioCell(column: RatioColumn, rowKey: string, counts: Record<string, number>, hidden: Map<string, unknown>): ReportCell {
  const numeratorId = cellId(rowKey, column.numerator);
  const denominatorId = cellId(rowKey, column.denominator);
  // A share of visible counts could give back a hidden one, so it goes with either.
  if (hidden.has(numeratorId) || hidden.has(denominatorId)) return { value: null, display: SUPPRESSED_DISPLAY, suppressed: 'derived' };
  const denominator = counts[denominatorId];
  if (!denominator) return { value: null, display: EMPTY_DISPLAY, suppressed: null };
  const value = Math.round((counts[numeratorId] / denominator) * 1000) / 10;
  return { value, display: column.unit === 'percent' ? `${value.toFixed(1)}%` : value.toFixed(1), suppressed: null };
}

function formatMoney(cents: number, currency: string): string {
  try {
    return new Intl.NumberFormat('en-US', { style: 'currency', currency }).format(cents / 100);
  } catch {
    return `${(cents / 100).toFixed(2)} ${currency}`;
  }
}
