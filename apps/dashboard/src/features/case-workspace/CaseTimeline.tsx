import { Alert, Loader, Paper, Text, Timeline, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { caseKeys, casesApi } from '../../api/cases.api';
import { formatDateTime, formatRelative } from '../../lib/format';
import type { StaffDirectory } from '../worklist/useStaffDirectory';
import { timelineTitle } from './timeline-title';

const ROLE_WORDS: Record<string, string> = { coordinator: 'a coordinator', advocate: 'an advocate', admin: 'an admin', system: 'the system', worker: 'the records service' };

/** Every event on the case, newest first, in plain words with who and when. */
export function CaseTimeline({ caseId, directory, asOf, live }: { caseId: string; directory: StaffDirectory; asOf: string | null; live: boolean }) {
  const events = useQuery({ queryKey: caseKeys.events(caseId), queryFn: () => casesApi.events(caseId), refetchInterval: live ? 5_000 : false });
  const now = new Date();
  const items = (events.data?.items ?? []).filter((event) => !asOf || event.metadata.occurredAt <= asOf || event.recordedAt <= asOf).reverse();

  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="timeline-title">
      <Title order={3} size="h4" id="timeline-title" mb="sm">
        Timeline
      </Title>
      {events.isPending && <Loader size="sm" aria-label="Loading the timeline" />}
      {events.isError && <Alert color="red" title="Could not load the timeline">{events.error.message}</Alert>}
      {events.isSuccess && items.length === 0 && <Text c="dimmed">Nothing has happened on this case yet.</Text>}
      {items.length > 0 && (
        <Timeline bulletSize={12} lineWidth={2} active={items.length} aria-label="Events">
          {items.map((event) => {
            const who = directory.nameOf(event.metadata.actorId) ?? ROLE_WORDS[event.metadata.actorRole] ?? event.metadata.actorRole;
            return (
              <Timeline.Item key={event.eventId} title={<Text size="sm" fw={500}>{timelineTitle(event)}</Text>}>
                <Text size="xs" c="dimmed">
                  By {who} · <time dateTime={event.metadata.occurredAt}>{formatDateTime(event.metadata.occurredAt)}</time> ({formatRelative(event.metadata.occurredAt, now)})
                </Text>
              </Timeline.Item>
            );
          })}
        </Timeline>
      )}
    </Paper>
  );
}
