import { Anchor, Badge, Group, Table, Text, Tooltip } from '@mantine/core';
import type { CaseListItem } from '@secondlook/contracts';
import { PHASE_LABELS, RISK_FLAG_LABELS, URGENCY_LABELS, type Urgency } from '@secondlook/domain';
import { Link } from 'react-router';
import { daysSince, formatDate, formatRelative, isPastDate } from '../../lib/format';
import type { StaffDirectory } from './useStaffDirectory';

export const URGENCY_COLORS: Record<Urgency, string> = { urgent: 'red', soon: 'orange', routine: 'gray' };

export function CaseTable({ items, directory }: { items: CaseListItem[]; directory: StaffDirectory }) {
  const now = new Date();
  return (
    <Table.ScrollContainer minWidth={900}>
      <Table highlightOnHover verticalSpacing="xs" aria-label="Cases">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Patient</Table.Th>
            <Table.Th>Phase</Table.Th>
            <Table.Th>Urgency</Table.Th>
            <Table.Th>Specialty</Table.Th>
            <Table.Th>Days open</Table.Th>
            <Table.Th>Target date</Table.Th>
            <Table.Th>Advocate</Table.Th>
            <Table.Th>Risk flags</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((item) => {
            const overdue = item.phase !== 'closed' && isPastDate(item.targetDate, now);
            const urgent = item.urgency === 'urgent';
            return (
              <Table.Tr
                key={item.id}
                data-urgent={urgent || undefined}
                data-overdue={overdue || undefined}
                style={{
                  borderLeft: `4px solid var(--mantine-color-${overdue ? 'red-6' : urgent ? 'orange-5' : 'gray-2'})`,
                  background: overdue ? 'var(--mantine-color-red-0)' : undefined,
                }}
              >
                <Table.Td>
                  <Anchor component={Link} to={`/cases/${item.id}`} fw={600}>
                    {item.patientName}
                  </Anchor>
                </Table.Td>
                <Table.Td>{PHASE_LABELS[item.phase]}</Table.Td>
                <Table.Td>
                  <Badge color={URGENCY_COLORS[item.urgency]} variant={urgent ? 'filled' : 'light'}>
                    {URGENCY_LABELS[item.urgency]}
                  </Badge>
                </Table.Td>
                <Table.Td>{item.specialty}</Table.Td>
                <Table.Td>{daysSince(item.openedAt, now)}</Table.Td>
                <Table.Td>
                  {item.targetDate ? (
                    <Group gap={6} wrap="nowrap">
                      <Text size="sm" c={overdue ? 'red.9' : undefined} fw={overdue ? 700 : undefined}>
                        {formatDate(item.targetDate)}
                      </Text>
                      {overdue && (
                        <Badge color="red" size="sm" variant="filled">
                          Overdue
                        </Badge>
                      )}
                      {!overdue && item.phase !== 'closed' && (
                        <Text size="xs" c="dimmed">
                          {formatRelative(item.targetDate, now)}
                        </Text>
                      )}
                    </Group>
                  ) : (
                    '—'
                  )}
                </Table.Td>
                <Table.Td>
                  {item.assignedAdvocateId ? (directory.nameOf(item.assignedAdvocateId) ?? 'Assigned') : <Text c="dimmed" size="sm">Unassigned</Text>}
                </Table.Td>
                <Table.Td>
                  <Group gap={4}>
                    {item.riskFlags.map((flag) => (
                      <Tooltip key={flag} label={RISK_FLAG_LABELS[flag]}>
                        <Badge color="red" variant="light" size="sm" style={{ textTransform: 'none' }}>
                          {RISK_FLAG_LABELS[flag]}
                        </Badge>
                      </Tooltip>
                    ))}
                  </Group>
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
