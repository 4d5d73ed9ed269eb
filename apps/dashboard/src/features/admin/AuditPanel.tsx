import { Alert, Badge, Button, Center, Group, Loader, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { auditQuerySchema } from '@secondlook/contracts';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { auditApi, auditKeys, type AuditFilters } from '../../api/users.api';
import { formatDateTime } from '../../lib/format';
import { ROLE_LABELS } from './UsersPanel';

interface Draft {
  caseId: string;
  actorId: string;
  from: string;
  to: string;
}

const toIso = (local: string): string | undefined => (local ? new Date(local).toISOString() : undefined);

/** Who read or changed which case, when, from where, and what the api answered. */
export function AuditPanel() {
  const [draft, setDraft] = useState<Draft>({ caseId: '', actorId: '', from: '', to: '' });
  const [filters, setFilters] = useState<AuditFilters>({});
  const [problem, setProblem] = useState<string | null>(null);
  const audit = useInfiniteQuery({
    queryKey: auditKeys.list(filters),
    queryFn: ({ pageParam }) => auditApi.list(filters, pageParam),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.nextCursor,
    refetchInterval: 10_000,
  });
  const items = audit.data?.pages.flatMap((page) => page.items) ?? [];

  const apply = () => {
    const candidate = { caseId: draft.caseId.trim() || undefined, actorId: draft.actorId.trim() || undefined, from: toIso(draft.from), to: toIso(draft.to) };
    const parsed = auditQuerySchema.safeParse(candidate);
    if (!parsed.success) {
      setProblem(parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; '));
      return;
    }
    setProblem(null);
    setFilters(candidate);
  };

  return (
    <Stack component="section" aria-labelledby="audit-title">
      <Title order={2} id="audit-title">
        Audit trail
      </Title>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          apply();
        }}
        aria-label="Filter the audit trail"
      >
        <Group align="flex-end" gap="sm">
          <TextInput label="Case id" value={draft.caseId} onChange={(event) => setDraft({ ...draft, caseId: event.currentTarget.value })} w={300} />
          <TextInput label="User id" value={draft.actorId} onChange={(event) => setDraft({ ...draft, actorId: event.currentTarget.value })} w={300} />
          <TextInput label="From" type="datetime-local" value={draft.from} onChange={(event) => setDraft({ ...draft, from: event.currentTarget.value })} />
          <TextInput label="To" type="datetime-local" value={draft.to} onChange={(event) => setDraft({ ...draft, to: event.currentTarget.value })} />
          <Button type="submit">Filter</Button>
        </Group>
      </form>
      {problem && (
        <Alert color="red" title="Check the filters" role="alert">
          {problem}
        </Alert>
      )}
      {audit.isPending && (
        <Center>
          <Loader aria-label="Loading the audit trail" />
        </Center>
      )}
      {audit.isError && <Alert color="red" title="Could not load the audit trail">{audit.error.message}</Alert>}
      {audit.isSuccess && items.length === 0 && <Text c="dimmed">Nothing recorded for these filters.</Text>}
      {items.length > 0 && (
        <Table.ScrollContainer minWidth={900}>
          <Table aria-label="Audit entries" striped verticalSpacing={4} fz="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>When</Table.Th>
                <Table.Th>Who</Table.Th>
                <Table.Th>What</Table.Th>
                <Table.Th>Case</Table.Th>
                <Table.Th>Outcome</Table.Th>
                <Table.Th>From</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((entry) => (
                <Table.Tr key={entry.id}>
                  <Table.Td>{formatDateTime(entry.at)}</Table.Td>
                  <Table.Td>
                    {entry.actorEmail ?? entry.actorId} <Text span c="dimmed" size="xs">({ROLE_LABELS[entry.actorRole] ?? entry.actorRole})</Text>
                  </Table.Td>
                  <Table.Td>
                    <code>{entry.action}</code>
                  </Table.Td>
                  <Table.Td>{entry.caseId ? <code>{entry.caseId.slice(0, 8)}</code> : '—'}</Table.Td>
                  <Table.Td>
                    <Badge color={entry.outcome < 300 ? 'teal' : entry.outcome < 500 ? 'orange' : 'red'} variant="light">
                      {entry.outcome}
                    </Badge>
                  </Table.Td>
                  <Table.Td>{entry.sourceAddress}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {audit.hasNextPage && (
        <Center>
          <Button variant="default" onClick={() => void audit.fetchNextPage()} loading={audit.isFetchingNextPage}>
            Show older entries
          </Button>
        </Center>
      )}
    </Stack>
  );
}
