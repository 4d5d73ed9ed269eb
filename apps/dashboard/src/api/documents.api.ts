import type { DocumentList, DocumentView, RecordsTransferView } from '@secondlook/contracts';
import { apiFetch } from './http-client';

export type CaseDocument = DocumentView;

export const documentKeys = {
  list: (caseId: string) => ['cases', 'detail', caseId, 'documents'] as const,
  transfer: (caseId: string, requestId: string) => ['cases', 'detail', caseId, 'transfer', requestId] as const,
};

const casePath = (caseId: string) => `/api/cases/${encodeURIComponent(caseId)}`;

export const documentsApi = {
  async list(caseId: string): Promise<DocumentView[]> {
    return (await apiFetch<DocumentList>(`${casePath(caseId)}/documents`)).items;
  },
  /** Multipart, `kind` first so the api knows what it is before the bytes stream in. */
  upload(caseId: string, kind: string, file: File, description?: string): Promise<DocumentView> {
    const form = new FormData();
    form.append('kind', kind);
    if (description) form.append('description', description);
    form.append('file', file, file.name);
    return apiFetch<DocumentView>(`${casePath(caseId)}/documents`, { method: 'POST', body: form });
  },
  contentUrl: (caseId: string, documentId: string): string => `${casePath(caseId)}/documents/${encodeURIComponent(documentId)}/content`,
  transfer: (caseId: string, requestId: string): Promise<RecordsTransferView> =>
    apiFetch<RecordsTransferView>(`${casePath(caseId)}/records-requests/${encodeURIComponent(requestId)}/transfer`),
  retryTransfer: (caseId: string, requestId: string): Promise<RecordsTransferView> =>
    apiFetch<RecordsTransferView>(`${casePath(caseId)}/records-requests/${encodeURIComponent(requestId)}/retry`, { method: 'POST' }),
};
