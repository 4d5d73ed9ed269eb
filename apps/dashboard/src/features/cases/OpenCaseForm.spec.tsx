import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { caseKeys } from '../../api/cases.api';
import { renderWithProviders } from '../../testing/render-with-providers';
import { OpenCaseForm } from './OpenCaseForm';

describe('OpenCaseForm', () => {
  const fetchMock = jest.fn();
  beforeEach(() => {
    fetchMock.mockReset();
    global.fetch = fetchMock;
  });

  it('shows what is missing and sends nothing when the form is incomplete', async () => {
    renderWithProviders(<OpenCaseForm onOpened={jest.fn()} />);
    await userEvent.click(screen.getByRole('button', { name: 'Open case' }));
    expect(await screen.findByText('needs at least one reason')).toBeInTheDocument();
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it('sends the contract-shaped body and reports the new case', async () => {
    fetchMock.mockResolvedValue({ ok: true, status: 201, statusText: 'Created', json: async () => ({ id: 'c1', version: 1 }) });
    const onOpened = jest.fn();
    const { queryClient } = renderWithProviders(<OpenCaseForm onOpened={onOpened} />);
    // What the worklist showed before: its counts must not stay at the old numbers.
    queryClient.setQueryData(caseKeys.counts(), { total: 0, byPhase: {}, byRiskFlag: {} });
    await userEvent.type(screen.getByLabelText(/First name/), 'Sam');
    await userEvent.type(screen.getByLabelText(/Last name/), 'Rivera');
    await userEvent.type(screen.getByLabelText(/Date of birth/), '1970-02-03');
    await userEvent.type(screen.getByLabelText(/Specialty/), 'Oncology');
    await userEvent.click(screen.getByLabelText('Felt dismissed'));
    await userEvent.click(screen.getByRole('button', { name: 'Open case' }));

    await waitFor(() => expect(onOpened).toHaveBeenCalledWith('c1'));
    expect(queryClient.getQueryState(caseKeys.counts())?.isInvalidated).toBe(true);
    const [url, init] = fetchMock.mock.calls[0] as [string, RequestInit];
    expect(url).toBe('/api/cases');
    expect(JSON.parse(String(init.body))).toEqual({
      patient: { firstName: 'Sam', lastName: 'Rivera', dateOfBirth: '1970-02-03' },
      reasons: ['felt-dismissed'],
      urgency: 'routine',
      specialty: 'Oncology',
    });
  });
});
