import { Group, Select, TextInput } from '@mantine/core';
import {
  NON_DEMOGRAPHIC_GROUPINGS,
  REPORT_GROUPING_LABELS,
  REPORT_GROUPINGS,
  REPORT_MEASURE_LABELS,
  REPORT_MEASURES,
  type ReportGrouping,
  type ReportMeasure,
} from '@secondlook/contracts';
import type { ReportFilters } from './reports.api';

interface ReportFiltersBarProps {
  filters: ReportFilters;
  /** Equity groupings are offered to admins only; the api refuses them to anyone else. */
  canSeeEquityGroups: boolean;
  onChange(filters: ReportFilters): void;
}

export function ReportFiltersBar({ filters, canSeeEquityGroups, onChange }: ReportFiltersBarProps) {
  const groupings = canSeeEquityGroups ? REPORT_GROUPINGS : NON_DEMOGRAPHIC_GROUPINGS;
  return (
    <Group align="flex-end" gap="sm" wrap="wrap" role="search" aria-label="Report filters">
      <Select
        label="Measure"
        data={REPORT_MEASURES.map((measure) => ({ value: measure, label: REPORT_MEASURE_LABELS[measure] }))}
        value={filters.measure}
        allowDeselect={false}
        onChange={(value) => value && onChange({ ...filters, measure: value as ReportMeasure })}
        w={280}
      />
      <Select
        label="Group by"
        data={groupings.map((grouping) => ({ value: grouping, label: REPORT_GROUPING_LABELS[grouping] }))}
        value={filters.groupBy}
        allowDeselect={false}
        onChange={(value) => value && onChange({ ...filters, groupBy: value as ReportGrouping })}
        w={240}
      />
      <TextInput label="Opened from" type="date" value={filters.from} onChange={(event) => onChange({ ...filters, from: event.currentTarget.value })} />
      <TextInput label="Opened to" type="date" value={filters.to} onChange={(event) => onChange({ ...filters, to: event.currentTarget.value })} />
    </Group>
  );
}
