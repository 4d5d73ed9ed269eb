import { Badge, Group, Paper, Stack, Text, Title } from '@mantine/core';
import type { DismissalConcernState, DismissalConcernStatus } from '@secondlook/domain';
import { formatDate, formatRelative, isPastDate } from '../../lib/format';

const STATUS: Record<DismissalConcernStatus, { label: string; color: string }> = {
  logged: { label: 'Not asked to add to the record', color: 'gray' },
  'addendum-requested': { label: 'Not yet on the medical record', color: 'orange' },
  'added-to-record': { label: 'On the medical record', color: 'teal' },
  'amendment-denied': { label: 'Amendment denied', color: 'red' },
};

/** Concerns that the patient was dismissed, whether each is on the record, and the 60-day answer deadline. */
export function DismissalConcernsPanel({ concerns, now }: { concerns: DismissalConcernState[]; now: Date }) {
  if (concerns.length === 0) return null;
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="concerns-title">
      <Title order={3} size="h4" id="concerns-title" mb="sm">
        Dismissal concerns
      </Title>
      <Stack gap="sm">
        {concerns.map((concern) => {
          const waiting = concern.status === 'addendum-requested';
          const late = waiting && isPastDate(concern.amendmentDeadline, now);
          return (
            <div key={concern.concernId}>
              <Group justify="space-between" align="flex-start" wrap="nowrap">
                <Text size="sm">{concern.description}</Text>
                <Badge color={STATUS[concern.status].color} variant="light" style={{ flexShrink: 0 }}>
                  {STATUS[concern.status].label}
                </Badge>
              </Group>
              <Text size="xs" c="dimmed">
                Happened {formatDate(concern.occurredOn)}
                {concern.byWhom ? `, by ${concern.byWhom}` : ''}
              </Text>
              {waiting && concern.amendmentDeadline && (
                <Text size="xs" c={late ? 'red.9' : 'orange.9'} fw={600}>
                  The provider must answer by {formatDate(concern.amendmentDeadline)} ({formatRelative(concern.amendmentDeadline, now)}), 60 days from the request.
                </Text>
              )}
              {concern.status === 'amendment-denied' && (
                <Text size="xs">
                  Denied: {concern.denialReason}
                  {concern.statementOfDisagreement ? ' · statement of disagreement filed' : ''}
                </Text>
              )}
            </div>
          );
        })}
      </Stack>
    </Paper>
  );
}
