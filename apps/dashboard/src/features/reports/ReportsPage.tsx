import { Alert, Button, Group, List, Loader, Paper, Stack, Text, Title } from '@mantine/core';
import { REPORT_GROUPING_LABELS } from '@secondlook/contracts';
import { useState } from 'react';
import { useAuth } from '../auth/useAuth';
import { ReportChart } from './ReportChart';
import { ReportFiltersBar } from './ReportFiltersBar';
import { ReportTableView } from './ReportTableView';
import { type ReportFilters, reportsApi } from './reports.api';
import { useReportTable } from './useReportTable';

const INITIAL: ReportFilters = { measure: 'time-to-opinion', groupBy: 'month', from: '', to: '' };

/**
 * Where delays, costs, concordance and dismissal concerns fall, for coordinators and admins.
 * Every number passed the small-cell rule on the server; the page only shows what it got.
 */
export default function ReportsPage() {
  const { role } = useAuth();
  const [filters, setFilters] = useState<ReportFilters>(INITIAL);
  const [downloadProblem, setDownloadProblem] = useState<string | null>(null);
  const report = useReportTable(filters);

  if (role !== 'admin' && role !== 'coordinator') {
    return (
      <Alert color="yellow" title="Reports are for coordinators and admins">
        Your role works on the cases assigned to you.
      </Alert>
    );
  }

  const groupLabel = REPORT_GROUPING_LABELS[filters.groupBy];
  const download = () => {
    setDownloadProblem(null);
    reportsApi.downloadCsv(filters).catch((error: unknown) => setDownloadProblem(error instanceof Error ? error.message : 'The download failed'));
  };

  return (
    <Stack component="section" aria-labelledby="reports-title">
      <Group justify="space-between" align="flex-end">
        <Title order={1} id="reports-title">
          Reports
        </Title>
        <Button variant="light" onClick={download} disabled={!report.data}>
          Download CSV
        </Button>
      </Group>
      <ReportFiltersBar filters={filters} canSeeEquityGroups={role === 'admin'} onChange={setFilters} />
      {downloadProblem && (
        <Alert color="red" title="Could not download the CSV">
          {downloadProblem}
        </Alert>
      )}
      {report.isPending && <Loader aria-label="Loading the report" />}
      {report.isError && (
        <Alert color="red" title="Could not load the report">
          {report.error.message}
        </Alert>
      )}
      {report.data && (
        <Stack aria-busy={report.isFetching}>
          <Paper withBorder p="md" radius="md">
            <Title order={2} size="h4" mb="sm">
              {report.data.title}
            </Title>
            <ReportChart table={report.data} />
          </Paper>
          <ReportTableView table={report.data} groupLabel={groupLabel} />
          <List size="sm" c="dimmed">
            {report.data.notes.map((note) => (
              <List.Item key={note}>{note}</List.Item>
            ))}
          </List>
          <Text size="xs" c="dimmed">
            Reports are built from the case log a few seconds behind live work.
          </Text>
        </Stack>
      )}
    </Stack>
  );
}
