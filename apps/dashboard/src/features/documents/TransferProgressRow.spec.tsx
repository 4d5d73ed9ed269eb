import type { RecordsTransferView } from '@secondlook/contracts';
import type { RecordsRequestState } from '@secondlook/domain';
import { screen, waitFor } from '@testing-library/react';
import { caseKeys } from '../../api/cases.api';
import { documentKeys } from '../../api/documents.api';
import { installFakeFetch } from '../../testing/fake-fetch';
import { renderWithProviders } from '../../testing/render-with-providers';
import { TransferProgressRow } from './TransferProgressRow';

const CASE_ID = '11111111-1111-4111-8111-111111111111';
const REQUEST_ID = '22222222-2222-4222-8222-222222222222';

const request = (status: RecordsRequestState['status']): RecordsRequestState => ({
  requestId: REQUEST_ID,
  round: 1,
  fromProvider: 'Riverside General',
  toProvider: 'Lakeside Cancer Center',
  documents: [
    { kind: 'pathology-reports', description: 'Biopsy report', documentId: 'd1' },
    { kind: 'imaging-reports', description: 'MRI report', documentId: 'd2' },
  ],
  status,
  requestedAt: '2026-11-20T10:00:00.000Z',
  transferStartedAt: status === 'requested' ? null : '2026-11-20T10:00:01.000Z',
  sentAt: status === 'sent' ? '2026-11-20T10:00:09.000Z' : null,
  receipt: null,
  failure: null,
  receivedAt: null,
});

const view = (state: RecordsTransferView['state'], documentsDone: number, bytesDone: number): RecordsTransferView => ({
  requestId: REQUEST_ID,
  state,
  attempts: 1,
  maxAttempts: 8,
  progress: { documentsDone, documentsTotal: 2, bytesDone, bytesTotal: 4_000_000 },
  failedReason: null,
  documentsDelivered: documentsDone,
});

const bar = () => screen.getByRole('progressbar', { name: 'Transfer from Riverside General to Lakeside Cancer Center' });

describe('TransferProgressRow', () => {
  it('shows a transfer under way: its share of the bytes, the documents done, and "Sending"', async () => {
    const fake = installFakeFetch();
    fake.answer({ status: 200, body: view('active', 1, 1_000_000) });
    renderWithProviders(<TransferProgressRow caseId={CASE_ID} request={request('in-transfer')} live canRetry />);

    expect(await screen.findByText(/^1 of 2 documents · /)).toBeInTheDocument();
    expect(bar()).toHaveAttribute('aria-valuenow', '25');
    expect(screen.getByText('Sending')).toBeInTheDocument();
    expect(fake.requests[0].url).toBe(`/api/cases/${CASE_ID}/records-requests/${REQUEST_ID}/transfer`);
  });

  it('says what was requested while the job has not reported any progress yet', async () => {
    const fake = installFakeFetch();
    fake.answer({ status: 200, body: { ...view('active', 0, 0), progress: { documentsDone: 0, documentsTotal: 0, bytesDone: 0, bytesTotal: 0 } } });
    renderWithProviders(<TransferProgressRow caseId={CASE_ID} request={request('requested')} live canRetry />);

    expect(await screen.findByText('Sending')).toBeInTheDocument();
    expect(screen.getByText(/^2 documents requested /)).toBeInTheDocument();
    expect(screen.queryByText(/0 of 0 documents/)).not.toBeInTheDocument();
    expect(bar()).toHaveAttribute('aria-valuenow', '0');
  });

  it('refreshes the case as soon as the job is seen finished, so "Records sent" does not wait for the next poll', async () => {
    const fake = installFakeFetch();
    fake.answer({ status: 200, body: view('completed', 2, 4_000_000) });
    const { queryClient } = renderWithProviders(<TransferProgressRow caseId={CASE_ID} request={request('in-transfer')} live canRetry />);
    // The case as the workspace last read it: the request still in transfer.
    queryClient.setQueryData(caseKeys.detailAsOf(CASE_ID, null), { id: CASE_ID, version: 4 });
    queryClient.setQueryData(caseKeys.events(CASE_ID), { items: [] });

    await waitFor(() => expect(bar()).toHaveAttribute('aria-valuenow', '100'));
    await waitFor(() => expect(queryClient.getQueryState(caseKeys.detailAsOf(CASE_ID, null))?.isInvalidated).toBe(true));
    expect(queryClient.getQueryState(caseKeys.events(CASE_ID))?.isInvalidated).toBe(true);
  });

  it('leaves the case alone once it already shows the request sent', async () => {
    const fake = installFakeFetch();
    fake.answer({ status: 200, body: view('completed', 2, 4_000_000) });
    const { queryClient } = renderWithProviders(<TransferProgressRow caseId={CASE_ID} request={request('sent')} live canRetry />);
    queryClient.setQueryData(caseKeys.detailAsOf(CASE_ID, null), { id: CASE_ID, version: 5 });

    await waitFor(() => expect(queryClient.getQueryState(documentKeys.transfer(CASE_ID, REQUEST_ID))?.status).toBe('success'));
    await new Promise((resolve) => setTimeout(resolve, 50)); // past the render and effects that follow the answer
    expect(screen.getByText('Sent')).toBeInTheDocument();
    expect(bar()).toHaveAttribute('aria-valuenow', '100');
    expect(queryClient.getQueryState(caseKeys.detailAsOf(CASE_ID, null))?.isInvalidated).toBe(false);
  });
});
