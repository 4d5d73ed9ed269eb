import { Badge, Button, Group, Progress, Stack, Text } from '@mantine/core';
import type { RecordsTransferJobState } from '@secondlook/contracts';
import type { RecordsRequestState } from '@secondlook/domain';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { caseKeys } from '../../api/cases.api';
import { documentKeys, documentsApi } from '../../api/documents.api';
import { isApiError } from '../../api/http-client';
import { formatBytes, formatDateTime } from '../../lib/format';

const FINISHED = new Set(['sent', 'received']);

const JOB_WORDS: Record<RecordsTransferJobState, string> = {
  'not-enqueued': 'Queued',
  waiting: 'Waiting',
  delayed: 'Retrying soon',
  active: 'Sending',
  completed: 'Sent',
  failed: 'Failed',
  unknown: 'Requested',
};

/** One records request and, while it moves, its live transfer progress. */
export function TransferProgressRow({ caseId, request, live, canRetry }: { caseId: string; request: RecordsRequestState; live: boolean; canRetry: boolean }) {
  const queryClient = useQueryClient();
  const moving = !FINISHED.has(request.status);
  const transfer = useQuery({
    queryKey: documentKeys.transfer(caseId, request.requestId),
    queryFn: () => documentsApi.transfer(caseId, request.requestId),
    refetchInterval: (query) => (live && moving && !(query.state.error && isApiError(query.state.error, 404)) ? 1_000 : false),
    retry: false,
  });
  const retry = useMutation({
    mutationFn: () => documentsApi.retryTransfer(caseId, request.requestId),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: documentKeys.transfer(caseId, request.requestId) }),
  });
  const view = transfer.data;
  // The worker appends RecordsSent (or RecordsTransferFailed) before its job ends, so a job seen
  // ended while the case still shows the request under way means the case has moved on: refresh
  // it and its timeline now rather than at their next poll.
  const caseBehind = (view?.state === 'completed' && moving) || (view?.state === 'failed' && request.status !== 'failed');
  useEffect(() => {
    if (live && caseBehind) void queryClient.invalidateQueries({ queryKey: caseKeys.detail(caseId) });
  }, [live, caseBehind, caseId, queryClient]);
  // A job that has not reported yet answers an all-zero progress: say what was requested instead of "0 of 0".
  const progress = view?.progress && view.progress.documentsTotal > 0 ? view.progress : null;
  const done = FINISHED.has(request.status);
  const failed = request.status === 'failed' || view?.state === 'failed';
  const percent = done
    ? 100
    : progress && progress.bytesTotal > 0
      ? (progress.bytesDone / progress.bytesTotal) * 100
      : progress && progress.documentsTotal > 0
        ? (progress.documentsDone / progress.documentsTotal) * 100
        : 0;
  const status = failed ? 'Failed' : done ? (request.status === 'received' ? 'Received' : 'Sent') : view ? JOB_WORDS[view.state] : 'Requested';
  const reason = request.failure?.reason ?? view?.failedReason;

  return (
    <Stack gap={4} data-request={request.requestId} data-transfer-status={status}>
      <Group justify="space-between" wrap="nowrap">
        <Text size="sm" fw={500}>
          Records: {request.fromProvider} → {request.toProvider}
        </Text>
        <Group gap="xs" wrap="nowrap">
          {failed && canRetry && (
            <Button size="compact-xs" variant="light" color="red" onClick={() => retry.mutate()} loading={retry.isPending}>
              Retry transfer
            </Button>
          )}
          <Badge color={failed ? 'red' : done ? 'teal' : 'blue'} variant="light">
            {status}
          </Badge>
        </Group>
      </Group>
      <Progress
        value={percent}
        color={failed ? 'red' : done ? 'teal' : 'blue'}
        animated={!done && !failed && view?.state === 'active'}
        aria-label={`Transfer from ${request.fromProvider} to ${request.toProvider}`}
      />
      <Text size="xs" c="dimmed" aria-live="polite">
        {progress && !done
          ? `${progress.documentsDone} of ${progress.documentsTotal} documents · ${formatBytes(progress.bytesDone)} of ${formatBytes(progress.bytesTotal)}`
          : `${request.documents.length} document${request.documents.length === 1 ? '' : 's'} requested ${formatDateTime(request.requestedAt)}`}
        {view && view.attempts > 1 ? ` · attempt ${view.attempts} of ${view.maxAttempts}` : ''}
        {done && request.sentAt ? ` · sent ${formatDateTime(request.sentAt)}` : ''}
        {failed && reason ? ` · ${reason}` : ''}
      </Text>
    </Stack>
  );
}
