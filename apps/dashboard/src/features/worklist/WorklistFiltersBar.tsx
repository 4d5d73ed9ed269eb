import { Button, Group, SegmentedControl, Select, TextInput } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { OPENING_REASON_LABELS, OPENING_REASONS, URGENCIES, URGENCY_LABELS } from '@secondlook/domain';
import { useState } from 'react';
import { useAuth } from '../auth/useAuth';
import type { StaffDirectory } from './useStaffDirectory';
import type { WorklistState } from './useWorklistFilters';

const SORT_OPTIONS = [
  { value: 'age', label: 'Oldest first' },
  { value: 'target-date', label: 'Target date' },
  { value: 'recent', label: 'Recently updated' },
];

export function WorklistFiltersBar({ state, directory }: { state: WorklistState; directory: StaffDirectory }) {
  const { role } = useAuth();
  const { view, filters, setParam, clearFilters } = state;
  const [search, setSearch] = useState(filters.q ?? '');
  const commitSearch = useDebouncedCallback((value: string) => setParam('q', value.trim() || null), 300);
  const advocates = directory.users.filter((user) => user.role === 'advocate');

  return (
    <Group align="flex-end" gap="sm">
      {role !== 'advocate' && (
        <SegmentedControl
          aria-label="Whose cases"
          value={view}
          onChange={(value) => setParam('view', value)}
          data={[
            { value: 'mine', label: 'My cases' },
            { value: 'all', label: 'All cases' },
          ]}
        />
      )}
      <TextInput
        label="Search"
        placeholder="Last name, first name or MRN"
        value={search}
        onChange={(event) => {
          setSearch(event.currentTarget.value);
          commitSearch(event.currentTarget.value);
        }}
        w={240}
        type="search"
      />
      <Select
        label="Urgency"
        placeholder="Any"
        clearable
        w={130}
        value={filters.urgency ?? null}
        onChange={(value) => setParam('urgency', value)}
        data={URGENCIES.map((code) => ({ value: code, label: URGENCY_LABELS[code] }))}
      />
      <Select
        label="Reason"
        placeholder="Any"
        clearable
        w={230}
        value={filters.reason ?? null}
        onChange={(value) => setParam('reason', value)}
        data={OPENING_REASONS.map((code) => ({ value: code, label: OPENING_REASON_LABELS[code] }))}
      />
      {view === 'all' && role !== 'advocate' && (
        <Select
          label="Advocate"
          placeholder="Anyone"
          clearable
          w={200}
          value={filters.assignedTo ?? null}
          onChange={(value) => setParam('advocate', value)}
          data={[{ value: 'unassigned', label: 'Unassigned' }, ...advocates.map((user) => ({ value: user.id, label: user.name }))]}
        />
      )}
      <Select
        label="Sort by"
        w={170}
        allowDeselect={false}
        value={filters.sort ?? 'age'}
        onChange={(value) => setParam('sort', value)}
        data={SORT_OPTIONS}
      />
      <Button
        variant="subtle"
        onClick={() => {
          setSearch('');
          clearFilters();
        }}
      >
        Clear filters
      </Button>
    </Group>
  );
}
