import { Alert, Button, Center, Group, Loader, Modal, Stack, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useInfiniteQuery } from '@tanstack/react-query';
import { lazy, Suspense } from 'react';
import { useNavigate } from 'react-router';
import { useAuth } from '../auth/useAuth';
import { CaseTable } from './CaseTable';
import { CountsBar } from './CountsBar';
import { useStaffDirectory } from './useStaffDirectory';
import { useWorklistFilters } from './useWorklistFilters';
import { WorklistFiltersBar } from './WorklistFiltersBar';
import { worklistQuery } from './worklist-query';

// The form (react-hook-form and the contract's zod schema) loads when someone opens it, not
// on the way to the worklist's first page.
const OpenCaseForm = lazy(() => import('../cases/OpenCaseForm').then((module) => ({ default: module.OpenCaseForm })));

export default function WorklistPage() {
  const { role } = useAuth();
  const navigate = useNavigate();
  const [opening, { open, close }] = useDisclosure(false);
  const state = useWorklistFilters();
  const directory = useStaffDirectory();
  const { filters } = state;
  const cases = useInfiniteQuery({ ...worklistQuery(filters), refetchInterval: 5_000 });
  const items = cases.data?.pages.flatMap((page) => page.items) ?? [];
  const filtered = Object.entries(filters).some(([key, value]) => !['sort', 'limit', 'assignedTo'].includes(key) && value !== undefined);

  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2}>{state.view === 'mine' ? 'My cases' : 'Worklist'}</Title>
        {role !== 'advocate' && <Button onClick={open}>Open a case</Button>}
      </Group>
      <Modal opened={opening} onClose={close} title="Open a second-opinion case" size="lg">
        <Suspense
          fallback={
            <Center py="md">
              <Loader aria-label="Loading the form" />
            </Center>
          }
        >
          <OpenCaseForm
            onOpened={(id) => {
              close();
              void navigate(`/cases/${id}`);
            }}
          />
        </Suspense>
      </Modal>
      <CountsBar
        phase={filters.phase}
        risk={filters.risk}
        onPhase={(phase) => state.setParam('phase', phase)}
        onRisk={(risk) => state.setParam('risk', risk)}
      />
      <WorklistFiltersBar state={state} directory={directory} />
      {cases.isPending && (
        <Center py="xl">
          <Loader aria-label="Loading cases" />
        </Center>
      )}
      {cases.isError && (
        <Alert color="red" title="Could not load the worklist">
          {cases.error.message}
        </Alert>
      )}
      {cases.isSuccess && items.length === 0 && (
        <Text c="dimmed" py="lg" ta="center">
          {filtered ? 'No case matches these filters.' : state.view === 'mine' ? 'No case is assigned to you.' : 'No cases yet. Open the first one.'}
        </Text>
      )}
      {items.length > 0 && <CaseTable items={items} directory={directory} />}
      {cases.hasNextPage && (
        <Center>
          <Button variant="default" onClick={() => void cases.fetchNextPage()} loading={cases.isFetchingNextPage}>
            Show more cases
          </Button>
        </Center>
      )}
      {items.length > 0 && (
        <Text size="xs" c="dimmed" ta="center" aria-live="polite">
          Showing {items.length} {items.length === 1 ? 'case' : 'cases'}
          {cases.hasNextPage ? '' : ' (all of them)'}. Updates every few seconds.
        </Text>
      )}
    </Stack>
  );
}
