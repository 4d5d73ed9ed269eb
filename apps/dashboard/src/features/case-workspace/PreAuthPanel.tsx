import { Badge, Group, Paper, Progress, SimpleGrid, Text, Title } from '@mantine/core';
import { DEFAULT_TARGETS, includesCode, PRE_AUTH_AWAITING_DECISION, type CaseState, type PreAuthStatus } from '@secondlook/domain';
import type { ReactNode } from 'react';
import { formatDate, formatDateTime, formatDuration, formatMoney } from '../../lib/format';

const STATUS_WORDS: Record<PreAuthStatus, string> = {
  'not-requested': 'Not requested',
  requested: 'Requested',
  pending: 'Pending with the insurer',
  approved: 'Approved',
  denied: 'Denied',
  appealed: 'Appealed',
};
const STATUS_COLORS: Record<PreAuthStatus, string> = { 'not-requested': 'gray', requested: 'blue', pending: 'yellow', approved: 'teal', denied: 'red', appealed: 'orange' };

const Row = ({ label, children }: { label: string; children: ReactNode }) => (
  <div>
    <Text size="xs" c="dimmed">
      {label}
    </Text>
    <Text size="sm" component="div">
      {children}
    </Text>
  </div>
);

/** Coverage and pre-authorization, with how long the insurer has had it against its deadline. */
export function PreAuthPanel({ state, now }: { state: CaseState; now: Date }) {
  const { preAuth, coverage } = state;
  const waiting = includesCode(PRE_AUTH_AWAITING_DECISION, preAuth.status) && preAuth.awaitingSince !== null;
  const waitedMs = waiting && preAuth.awaitingSince ? now.getTime() - new Date(preAuth.awaitingSince).getTime() : 0;
  const allowedHours = preAuth.expedited ? 72 : DEFAULT_TARGETS.preAuthDecisionHours[state.urgency];
  const share = Math.min(100, (waitedMs / (allowedHours * 3_600_000)) * 100);
  const late = share >= 100;

  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="pre-auth-title">
      <Group justify="space-between" mb="sm">
        <Title order={3} size="h4" id="pre-auth-title">
          Coverage and pre-authorization
        </Title>
        <Badge color={STATUS_COLORS[preAuth.status]} variant="light">
          {STATUS_WORDS[preAuth.status]}
        </Badge>
      </Group>
      {coverage === null ? (
        <Text size="sm" c="dimmed">
          Coverage has not been checked yet.
        </Text>
      ) : (
        <SimpleGrid cols={2} spacing="xs" mb="sm">
          <Row label="Second opinions covered">{coverage.coversSecondOpinions ? 'Yes' : 'No'}</Row>
          <Row label="In-network only">{coverage.inNetworkOnly ? 'Yes' : 'No'}</Row>
          <Row label="Pre-authorization required">{coverage.preAuthRequired ? 'Yes' : 'No'}</Row>
          <Row label="Estimated cost to the patient">
            {formatMoney(coverage.estimatedOutOfPocketCents, coverage.currency)} + {formatMoney(coverage.estimatedTravelCostCents, coverage.currency)} travel
          </Row>
        </SimpleGrid>
      )}
      {waiting && preAuth.awaitingSince && (
        <div>
          <Text size="sm" fw={500} c={late ? 'red.9' : undefined}>
            Pending for {formatDuration(waitedMs)}
            {late ? ' — past the insurer’s deadline' : ''}
          </Text>
          <Text size="xs" c="dimmed" mb={4}>
            Since {formatDateTime(preAuth.awaitingSince)}; the insurer should decide within {formatDuration(allowedHours * 3_600_000)}
            {preAuth.expedited ? ' (expedited)' : ''}.
          </Text>
          <Progress value={share} color={late ? 'red' : share > 66 ? 'yellow' : 'teal'} aria-label="Time the insurer has used of its deadline" />
        </div>
      )}
      {preAuth.status === 'approved' && (
        <Text size="sm">
          Authorization {preAuth.authorizationNumber ?? '(no number)'}
          {preAuth.validUntil ? `, valid until ${formatDate(preAuth.validUntil)}` : ''}.
        </Text>
      )}
      {preAuth.status === 'denied' && preAuth.denialReason && <Text size="sm">Denied: {preAuth.denialReason}</Text>}
    </Paper>
  );
}
