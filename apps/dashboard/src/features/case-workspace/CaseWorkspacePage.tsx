import { Alert, Anchor, Button, Center, Grid, Group, Loader, Select, Stack, Text } from '@mantine/core';
import { COMMAND_BODY_NAMES, type CommandBodyName } from '@secondlook/contracts';
import { COMMAND_LABELS, type NextStep } from '@secondlook/domain';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { caseKeys, casesApi } from '../../api/cases.api';
import { isApiError } from '../../api/http-client';
import { formatDateTime } from '../../lib/format';
import { useAuth } from '../auth/useAuth';
import { availableCommands, commandDefaults, referenceOptions } from '../commands/command-context';
import { CommandDrawer, type OpenCommand } from '../commands/CommandDrawer';
import { DocumentsPanel, useCaseDocuments } from '../documents/DocumentsPanel';
import { useRecordsDestinations } from '../documents/useRecordsDestinations';
import { useStaffDirectory } from '../worklist/useStaffDirectory';
import { AsOfPicker } from './AsOfPicker';
import { CaseHeader } from './CaseHeader';
import { CaseTimeline } from './CaseTimeline';
import { DismissalConcernsPanel } from './DismissalConcernsPanel';
import { NextStepsChecklist } from './NextStepsChecklist';
import { OpinionComparison } from './OpinionComparison';
import { PreAuthPanel } from './PreAuthPanel';

export default function CaseWorkspacePage() {
  const { caseId = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const asOf = params.get('asOf');
  const live = asOf === null;
  const { role } = useAuth();
  const queryClient = useQueryClient();
  const directory = useStaffDirectory();
  const [open, setOpen] = useState<OpenCommand | null>(null);
  const [saved, setSaved] = useState<string | null>(null);

  const detail = useQuery({
    queryKey: caseKeys.detailAsOf(caseId, asOf),
    queryFn: () => casesApi.detail(caseId, asOf),
    refetchInterval: live ? 5_000 : false,
    placeholderData: keepPreviousData,
  });
  const documents = useCaseDocuments(caseId, live);
  const destinations = useRecordsDestinations(live && role === 'coordinator');

  const reload = useCallback(async (): Promise<number> => {
    const fresh = await queryClient.fetchQuery({ queryKey: caseKeys.detailAsOf(caseId, null), queryFn: () => casesApi.detail(caseId), staleTime: 0 });
    await queryClient.invalidateQueries({ queryKey: caseKeys.events(caseId) });
    return fresh.version;
  }, [caseId, queryClient]);

  if (detail.isPending) {
    return (
      <Center py="xl">
        <Loader aria-label="Loading the case" />
      </Center>
    );
  }
  if (detail.isError) {
    return (
      <Stack>
        <Alert color="red" title={isApiError(detail.error, 404) ? 'No such case' : 'Could not load the case'}>
          {isApiError(detail.error, 404) ? 'This case does not exist, or it is not assigned to you.' : detail.error.message}
        </Alert>
        <Anchor component={Link} to="/">
          Back to the worklist
        </Anchor>
      </Stack>
    );
  }

  const data = detail.data;
  const now = new Date();
  const canAct = live && role !== 'admin';
  const commands = availableCommands(data, COMMAND_BODY_NAMES);
  const openCommand = (command: CommandBodyName, step?: NextStep) =>
    setOpen({ command, version: data.version, defaults: commandDefaults(command, data, step), context: step ? `Next step: ${step.label}` : undefined, nonce: Date.now() });

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end">
        <Anchor component={Link} to="/" size="sm">
          ← Worklist
        </Anchor>
        <Group align="flex-end" gap="md">
          <AsOfPicker
            asOf={asOf}
            onChange={(value) =>
              setParams(
                (previous) => {
                  const next = new URLSearchParams(previous);
                  if (value) next.set('asOf', value);
                  else next.delete('asOf');
                  return next;
                },
                { replace: true },
              )
            }
          />
          {canAct && (
            <Select
              label="Record something else"
              placeholder="Choose an action…"
              size="xs"
              w={280}
              searchable
              // The drawer hands focus back here when it closes: the list must not pop open again then.
              openOnFocus={false}
              value={null}
              data={commands.map((command) => ({ value: command, label: COMMAND_LABELS[command] }))}
              onChange={(value) => value && openCommand(value as CommandBodyName)}
            />
          )}
        </Group>
      </Group>
      {!live && (
        <Alert color="blue" title={`The case as it stood on ${formatDateTime(asOf)}`}>
          <Group justify="space-between">
            <Text size="sm">Actions are off while you look at the past.</Text>
            <Button size="xs" variant="white" onClick={() => setParams({}, { replace: true })}>
              Back to now
            </Button>
          </Group>
        </Alert>
      )}
      <CaseHeader detail={data} directory={directory} now={now} />
      {saved && (
        <Alert color="teal" variant="light" role="status" withCloseButton onClose={() => setSaved(null)} closeButtonLabel="Dismiss" py="xs">
          Saved: {saved}
        </Alert>
      )}
      <Grid gap="md">
        <Grid.Col span={{ base: 12, md: 5 }}>
          <Stack gap="md">
            <NextStepsChecklist steps={data.nextSteps} actionsEnabled={canAct} onAction={(step) => openCommand(step.command as CommandBodyName, step)} />
            <PreAuthPanel state={data.state} now={now} />
            <DismissalConcernsPanel concerns={data.state.dismissalConcerns} now={now} />
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 7 }}>
          <Stack gap="md">
            <OpinionComparison state={data.state} />
            <DocumentsPanel caseId={caseId} state={data.state} live={live} canUpload={canAct} />
            <CaseTimeline caseId={caseId} directory={directory} asOf={asOf} live={live} />
          </Stack>
        </Grid.Col>
      </Grid>
      <CommandDrawer
        caseId={caseId}
        open={open}
        references={referenceOptions(data, directory, documents.data, destinations)}
        onClose={() => setOpen(null)}
        onReload={reload}
        onDone={(command) => {
          setOpen(null);
          setSaved(COMMAND_LABELS[command]);
        }}
      />
    </Stack>
  );
}
