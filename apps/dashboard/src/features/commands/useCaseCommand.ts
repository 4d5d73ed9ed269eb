import type { CaseDetail, CaseWriteResponse, CommandBody, CommandBodyName } from '@secondlook/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { caseKeys, casesApi } from '../../api/cases.api';

export interface CommandVariables {
  body: Record<string, unknown>;
  expectedVersion: number;
}

/** Sends one command and refreshes what it changed: the case, its timeline, the worklist. */
export function useCaseCommand(caseId: string, command: CommandBodyName) {
  const queryClient = useQueryClient();
  return useMutation<CaseWriteResponse, Error, CommandVariables>({
    mutationFn: ({ body, expectedVersion }) => casesApi.command(caseId, command, body as CommandBody<typeof command>, expectedVersion),
    onSuccess: async (result) => {
      // The response carries the new version: the next form opened is already current.
      queryClient.setQueryData<CaseDetail>(caseKeys.detailAsOf(caseId, null), (old) => (old ? { ...old, version: result.version } : old));
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: caseKeys.detail(caseId) }),
        queryClient.invalidateQueries({ queryKey: caseKeys.lists() }),
        queryClient.invalidateQueries({ queryKey: caseKeys.counts() }),
      ]);
    },
  });
}
