import { Alert, Badge, Button, Group, Loader, Modal, Stack, Table, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { caseKeys, casesApi } from '../../api/cases.api';
import { OpenCaseForm } from '../cases/OpenCaseForm';

export function WorklistPage() {
  const [opening, { open, close }] = useDisclosure(false);
  const filters = { sort: 'age' as const, limit: 25 };
  const cases = useQuery({ queryKey: caseKeys.list(filters), queryFn: () => casesApi.list(filters) });

  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2}>Worklist</Title>
        <Button onClick={open}>Open a case</Button>
      </Group>
      <Modal opened={opening} onClose={close} title="Open a second-opinion case" size="lg">
        <OpenCaseForm onOpened={close} />
      </Modal>
      {cases.isPending && <Loader aria-label="Loading cases" />}
      {cases.isError && <Alert color="red" title="Could not load the worklist">{cases.error.message}</Alert>}
      {cases.data && cases.data.items.length === 0 && <Text c="dimmed">No cases yet. Open the first one.</Text>}
      {cases.data && cases.data.items.length > 0 && (
        <Table striped highlightOnHover aria-label="Cases">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Patient</Table.Th>
              <Table.Th>Phase</Table.Th>
              <Table.Th>Urgency</Table.Th>
              <Table.Th>Specialty</Table.Th>
              <Table.Th>Opened</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {cases.data.items.map((item) => (
              <Table.Tr key={item.id}>
                <Table.Td>{item.patientName}</Table.Td>
                <Table.Td>{item.phase}</Table.Td>
                <Table.Td>
                  <Badge color={item.urgency === 'urgent' ? 'red' : item.urgency === 'soon' ? 'orange' : 'gray'}>{item.urgency}</Badge>
                </Table.Td>
                <Table.Td>{item.specialty}</Table.Td>
                <Table.Td>{new Date(item.openedAt).toLocaleDateString()}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}
