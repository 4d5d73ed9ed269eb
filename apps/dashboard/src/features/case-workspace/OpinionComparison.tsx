import { Badge, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { CONCORDANCE_LABELS, CONFLICTING_CONCORDANCES, includesCode, latestOpinionOfCurrentRound, type CaseState } from '@secondlook/domain';
import { formatDate } from '../../lib/format';

/** The original and the second opinion side by side, when they disagree and the patient must choose. */
export function OpinionComparison({ state }: { state: CaseState }) {
  const opinion = latestOpinionOfCurrentRound(state);
  if (!opinion) return null;
  const conflicting = includesCode(CONFLICTING_CONCORDANCES, opinion.concordance);
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="opinions-title" style={conflicting ? { borderColor: 'var(--mantine-color-orange-5)' } : undefined}>
      <Title order={3} size="h4" id="opinions-title" mb="sm">
        {conflicting ? 'The opinions disagree' : 'Opinion'}
      </Title>
      {conflicting ? (
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Stack gap={4} aria-label="Original opinion" role="group">
            <Text fw={600} size="sm">
              Original{state.currentProvider ? ` — ${state.currentProvider}` : ''}
            </Text>
            <Text size="sm">
              <Text span c="dimmed">Diagnosis: </Text>
              {state.currentDiagnosis ?? 'not recorded'}
            </Text>
            <Text size="sm">
              <Text span c="dimmed">Treatment: </Text>
              {state.currentTreatment ?? 'not recorded'}
            </Text>
          </Stack>
          <Stack gap={4} aria-label="Second opinion" role="group">
            <Text fw={600} size="sm">
              {state.round > 1 ? 'Third opinion' : 'Second opinion'}
              {state.provider ? ` — ${state.provider.providerName}` : ''}
            </Text>
            <Badge color="orange" variant="light" w="fit-content">
              {CONCORDANCE_LABELS[opinion.concordance]}
            </Badge>
            <Text size="sm">{opinion.summary}</Text>
            <Text size="xs" c="dimmed">
              Received {formatDate(opinion.receivedAt)}
            </Text>
          </Stack>
        </SimpleGrid>
      ) : (
        <Stack gap={4}>
          <Badge color="teal" variant="light" w="fit-content">
            {CONCORDANCE_LABELS[opinion.concordance]}
          </Badge>
          <Text size="sm">{opinion.summary}</Text>
        </Stack>
      )}
    </Paper>
  );
}
