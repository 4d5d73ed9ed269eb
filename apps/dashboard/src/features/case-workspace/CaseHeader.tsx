import { Badge, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { CaseDetail } from '@secondlook/contracts';
import { CASE_STATUS_LABELS, OPENING_REASON_LABELS, PHASE_LABELS, RISK_FLAG_LABELS, URGENCY_LABELS } from '@secondlook/domain';
import type { ReactNode } from 'react';
import { daysSince, formatDate, formatRelative, isPastDate } from '../../lib/format';
import type { StaffDirectory } from '../worklist/useStaffDirectory';
import { URGENCY_COLORS } from '../worklist/CaseTable';

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      <Text size="sm" component="div">
        {children}
      </Text>
    </div>
  );
}

export function CaseHeader({ detail, directory, now }: { detail: CaseDetail; directory: StaffDirectory; now: Date }) {
  const { state, patient } = detail;
  const overdue = detail.phase !== 'closed' && isPastDate(detail.targetDate, now);
  const person = (id: string | null) => (id ? (directory.nameOf(id) ?? 'Assigned') : 'Not assigned');

  return (
    <Paper withBorder p="md" radius="md" component="header">
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start">
          <div>
            <Title order={2}>{patient ? patient.name : '[erased]'}</Title>
            <Text size="sm" c="dimmed">
              {patient ? `Born ${formatDate(patient.dateOfBirth)}${patient.mrn ? ` · MRN ${patient.mrn}` : ''} · ` : ''}
              {state.specialty}
            </Text>
          </div>
          <Group gap="xs">
            <Badge size="lg" variant="light">
              {PHASE_LABELS[detail.phase]}
            </Badge>
            <Badge size="lg" color={URGENCY_COLORS[state.urgency]} variant={state.urgency === 'urgent' ? 'filled' : 'light'}>
              {URGENCY_LABELS[state.urgency]}
            </Badge>
            {state.status !== 'open' && (
              <Badge size="lg" color="gray">
                {CASE_STATUS_LABELS[state.status]}
              </Badge>
            )}
          </Group>
        </Group>
        <SimpleGrid cols={{ base: 2, sm: 3, lg: 6 }} spacing="sm">
          <Fact label="Days open">{daysSince(state.openedAt, now)}</Fact>
          <Fact label="Target date">
            <Text span size="sm" c={overdue ? 'red.9' : undefined} fw={overdue ? 700 : undefined}>
              {formatDate(detail.targetDate)}
            </Text>{' '}
            {overdue ? (
              <Badge color="red" size="sm">
                Overdue
              </Badge>
            ) : (
              detail.phase !== 'closed' && (
                <Text span size="xs" c="dimmed">
                  ({formatRelative(detail.targetDate, now)})
                </Text>
              )
            )}
          </Fact>
          <Fact label="Advocate">{person(state.advocateId)}</Fact>
          <Fact label="Coordinator">{person(state.coordinatorId)}</Fact>
          <Fact label="Current provider">{state.currentProvider ?? '—'}</Fact>
          <Fact label="Why a second opinion">{state.reasons.map((reason) => OPENING_REASON_LABELS[reason]).join(', ')}</Fact>
        </SimpleGrid>
        {detail.riskFlags.length > 0 && (
          <Group gap="xs" aria-label="Risk flags" role="list">
            {detail.riskFlags.map((flag) => (
              <Badge key={flag} color="red" variant="light" role="listitem" style={{ textTransform: 'none' }}>
                {RISK_FLAG_LABELS[flag]}
              </Badge>
            ))}
          </Group>
        )}
      </Stack>
    </Paper>
  );
}
