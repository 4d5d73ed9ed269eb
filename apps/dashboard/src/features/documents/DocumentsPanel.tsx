import { Alert, Anchor, Button, FileInput, Group, Paper, Select, Stack, Table, Text, Title } from '@mantine/core';
import { DOCUMENT_KIND_LABELS, DOCUMENT_KINDS, type CaseState } from '@secondlook/domain';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { documentKeys, documentsApi, type CaseDocument } from '../../api/documents.api';
import { apiResponse, isApiError } from '../../api/http-client';
import { formatBytes, formatDateTime } from '../../lib/format';
import { TransferProgressRow } from './TransferProgressRow';

const kindLabel = (kind: string): string => (DOCUMENT_KIND_LABELS as Record<string, string>)[kind] ?? kind;

export function useCaseDocuments(caseId: string, live: boolean) {
  return useQuery({
    queryKey: documentKeys.list(caseId),
    queryFn: () => documentsApi.list(caseId),
    refetchInterval: (query) => (live && !(query.state.error && isApiError(query.state.error, 404)) ? 5_000 : false),
    retry: false,
  });
}

/** The patient's records on this case: upload, download, and each transfer's live progress. */
export function DocumentsPanel({ caseId, state, live, canUpload }: { caseId: string; state: CaseState; live: boolean; canUpload: boolean }) {
  const queryClient = useQueryClient();
  const documents = useCaseDocuments(caseId, live);
  const [kind, setKind] = useState<string | null>(null);
  const [file, setFile] = useState<File | null>(null);
  const upload = useMutation({
    mutationFn: ({ kind: chosen, file: chosenFile }: { kind: string; file: File }) => documentsApi.upload(caseId, chosen, chosenFile),
    onSuccess: async () => {
      setFile(null);
      await queryClient.invalidateQueries({ queryKey: documentKeys.list(caseId) });
    },
  });
  const unavailable = isApiError(documents.error, 404);
  const requests = state.records.filter((request) => request.round === state.round);

  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="documents-title">
      <Title order={3} size="h4" id="documents-title" mb="sm">
        Documents and transfers
      </Title>
      <Stack gap="md">
        {requests.length > 0 && (
          <Stack gap="sm" aria-label="Records transfers" role="group">
            {requests.map((request) => (
              <TransferProgressRow key={request.requestId} caseId={caseId} request={request} live={live} canRetry={canUpload} />
            ))}
          </Stack>
        )}
        {unavailable && (
          <Text size="sm" c="dimmed">
            Document storage is not available on this server yet.
          </Text>
        )}
        {documents.isError && !unavailable && (
          <Alert color="red" title="Could not load the documents">
            {documents.error.message}
          </Alert>
        )}
        {documents.isSuccess && documents.data.length === 0 && (
          <Text size="sm" c="dimmed">
            No documents uploaded yet.
          </Text>
        )}
        {documents.isSuccess && documents.data.length > 0 && <DocumentTable caseId={caseId} documents={documents.data} />}
        {canUpload && !unavailable && (
          <form
            aria-label="Upload a document"
            onSubmit={(event) => {
              event.preventDefault();
              if (kind && file) upload.mutate({ kind, file });
            }}
          >
            <Group align="flex-end" gap="sm">
              <Select label="Kind of document" data={DOCUMENT_KINDS.map((code) => ({ value: code, label: DOCUMENT_KIND_LABELS[code] }))} value={kind} onChange={setKind} w={220} placeholder="Choose…" />
              <FileInput label="File" value={file} onChange={setFile} w={240} placeholder="Choose a file" clearable />
              <Button type="submit" disabled={!kind || !file} loading={upload.isPending}>
                Upload
              </Button>
            </Group>
            {upload.isError && (
              <Alert color="red" mt="sm" title="Not uploaded" role="alert">
                {upload.error.message}
              </Alert>
            )}
          </form>
        )}
      </Stack>
    </Paper>
  );
}

/** Downloads through the authenticated client (a plain link would carry no access token). */
async function downloadDocument(caseId: string, document: CaseDocument): Promise<void> {
  const response = await apiResponse(documentsApi.contentUrl(caseId, document.id));
  if (!response.ok) return;
  const url = URL.createObjectURL(await response.blob());
  const link = window.document.createElement('a');
  link.href = url;
  link.download = document.fileName;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

function DocumentTable({ caseId, documents }: { caseId: string; documents: CaseDocument[] }) {
  return (
    <Table aria-label="Documents" verticalSpacing={4}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>File</Table.Th>
          <Table.Th>Kind</Table.Th>
          <Table.Th>Size</Table.Th>
          <Table.Th>Uploaded</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {documents.map((document) => (
          <Table.Tr key={document.id}>
            <Table.Td>
              <Anchor component="button" type="button" size="sm" onClick={() => void downloadDocument(caseId, document)}>
                {document.fileName}
              </Anchor>
            </Table.Td>
            <Table.Td>{kindLabel(document.kind)}</Table.Td>
            <Table.Td>{document.sizeBytes !== undefined ? formatBytes(document.sizeBytes) : '—'}</Table.Td>
            <Table.Td>{formatDateTime(document.uploadedAt)}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
