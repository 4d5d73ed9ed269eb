import type { ComponentProps } from 'react';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { installFakeFetch } from '../../testing/fake-fetch';
import { renderWithProviders } from '../../testing/render-with-providers';
import { CommandForm } from './CommandForm';

const CASE_ID = '11111111-1111-4111-8111-111111111111';
const DOCUMENT_ID = '33333333-3333-4333-8333-333333333333';

/** The request-records form with an api that accepts the command; answers the fake to inspect what was sent. */
function renderRecordsRequestForm(defaults: ComponentProps<typeof CommandForm>['defaults'], references?: ComponentProps<typeof CommandForm>['references']) {
  const fake = installFakeFetch();
  fake.answer({ status: 200, body: { id: CASE_ID, version: 8 } });
  renderWithProviders(<CommandForm caseId={CASE_ID} command="request-records" version={7} defaults={defaults} references={references} onReload={jest.fn()} />);
  return fake;
}

describe('CommandForm (generated from the contract schema)', () => {
  it('validates with the schema and sends nothing while a required field is empty', async () => {
    const fake = installFakeFetch();
    renderWithProviders(<CommandForm caseId={CASE_ID} command="decline-referral" version={3} onReload={jest.fn()} />);
    await userEvent.click(screen.getByRole('button', { name: 'Record referral declined' }));
    expect(await screen.findByText('Required')).toBeInTheDocument();
    expect(fake.mock).not.toHaveBeenCalled();
  });

  it('sends the typed body with If-Match and reports the new version', async () => {
    const fake = installFakeFetch();
    fake.answer({ status: 200, body: { id: CASE_ID, version: 4 } });
    const onDone = jest.fn();
    renderWithProviders(<CommandForm caseId={CASE_ID} command="check-coverage" version={3} onReload={jest.fn()} onDone={onDone} />);
    await userEvent.click(screen.getByLabelText('The plan covers second opinions'));
    await userEvent.click(screen.getByLabelText('Pre-authorization is required'));
    await userEvent.type(screen.getByLabelText(/Estimated out-of-pocket cost/), '250');
    await userEvent.type(screen.getByLabelText(/Estimated travel cost/), '80.5');
    await userEvent.type(screen.getByLabelText('Insurer'), 'Acme Health');
    await userEvent.click(screen.getByRole('button', { name: 'Record coverage check' }));

    await waitFor(() => expect(onDone).toHaveBeenCalledWith({ id: CASE_ID, version: 4 }));
    const [request] = fake.requests;
    expect(request.url).toBe(`/api/cases/${CASE_ID}/commands/check-coverage`);
    expect(request.method).toBe('POST');
    expect(request.headers['if-match']).toBe('"3"');
    expect(request.body).toEqual({
      coversSecondOpinions: true,
      inNetworkOnly: false,
      preAuthRequired: true,
      estimatedOutOfPocketCents: 25000,
      estimatedTravelCostCents: 8050,
      costConcern: false,
      insurerName: 'Acme Health',
    });
  });

  it('offers repeatable rows for the documents of a records request', async () => {
    const fake = renderRecordsRequestForm({ fromProvider: 'Riverside General', toProvider: 'Lakeside Cancer Center', documents: [{ kind: 'pathology-slides', description: 'Biopsy slides', documentId: '' }] });
    await userEvent.click(screen.getByRole('button', { name: 'Add document' }));
    const second = screen.getByRole('group', { name: 'Documents 2' });
    await userEvent.click(within(second).getByRole('combobox', { name: /Kind/ }));
    await userEvent.click(await screen.findByRole('option', { name: /Imaging files/ }));
    await userEvent.type(within(second).getByRole('textbox', { name: /Description/ }), 'MRI, DICOM');
    await userEvent.click(screen.getByRole('button', { name: 'Request records' }));

    await waitFor(() => expect(fake.requests).toHaveLength(1));
    expect(fake.requests[0].body).toEqual({
      fromProvider: 'Riverside General',
      toProvider: 'Lakeside Cancer Center',
      documents: [
        { kind: 'pathology-slides', description: 'Biopsy slides' },
        { kind: 'imaging-files', description: 'MRI, DICOM' },
      ],
    });
  });

  it('names an uploaded document and a records destination: the document fills in its kind and description', async () => {
    const fake = renderRecordsRequestForm({ fromProvider: 'Riverside General', toProvider: '', documents: [{ kind: '', description: '', documentId: '' }] }, {
      documentId: [{ value: DOCUMENT_ID, label: 'biopsy-report.pdf (Pathology reports)', fills: { kind: 'pathology-reports', description: 'biopsy-report.pdf' } }],
      toProvider: [
        { value: 'Lakeside Cancer Center', label: 'Lakeside Cancer Center' },
        { value: 'Hillcrest Clinic', label: 'Hillcrest Clinic' },
      ],
    });
    const row = screen.getByRole('group', { name: 'Documents 1' });
    await userEvent.click(within(row).getByRole('combobox', { name: /Uploaded document/ }));
    await userEvent.click(await screen.findByRole('option', { name: 'biopsy-report.pdf (Pathology reports)' }));
    expect(within(row).getByRole('textbox', { name: /Description/ })).toHaveValue('biopsy-report.pdf');
    expect(within(row).getByRole('combobox', { name: /Kind/ })).toHaveValue('Pathology reports');

    // The destinations are offered while typing; the exact name is what goes out.
    await userEvent.type(screen.getByRole('combobox', { name: /To provider/ }), 'lake');
    await userEvent.click(await screen.findByRole('option', { name: 'Lakeside Cancer Center' }));
    await userEvent.click(screen.getByRole('button', { name: 'Request records' }));

    await waitFor(() => expect(fake.requests).toHaveLength(1));
    expect(fake.requests[0].body).toEqual({
      fromProvider: 'Riverside General',
      toProvider: 'Lakeside Cancer Center',
      documents: [{ kind: 'pathology-reports', description: 'biopsy-report.pdf', documentId: DOCUMENT_ID }],
    });
  });

  it('keeps what the user already wrote when a document is chosen after it', async () => {
    renderRecordsRequestForm(
      { fromProvider: 'Riverside General', toProvider: 'Lakeside Cancer Center', documents: [{ kind: '', description: 'Slides from the 2025 biopsy', documentId: '' }] },
      { documentId: [{ value: DOCUMENT_ID, label: 'slides.zip (Pathology slides)', fills: { kind: 'pathology-slides', description: 'slides.zip' } }] },
    );
    const row = screen.getByRole('group', { name: 'Documents 1' });
    await userEvent.click(within(row).getByRole('combobox', { name: /Uploaded document/ }));
    await userEvent.click(await screen.findByRole('option', { name: 'slides.zip (Pathology slides)' }));
    expect(within(row).getByRole('textbox', { name: /Description/ })).toHaveValue('Slides from the 2025 biopsy');
    expect(within(row).getByRole('combobox', { name: /Kind/ })).toHaveValue('Pathology slides');
  });

  it('names a missing row field and sends nothing', async () => {
    const fake = installFakeFetch();
    renderWithProviders(<CommandForm caseId={CASE_ID} command="request-records" version={7} onReload={jest.fn()} />);
    await userEvent.type(screen.getByLabelText(/From provider/), 'Riverside');
    await userEvent.type(screen.getByLabelText(/To provider/), 'Lakeside');
    await userEvent.click(screen.getByRole('button', { name: 'Request records' }));
    const row = screen.getByRole('group', { name: 'Documents 1' });
    expect(await within(row).findByText('Choose one of the options')).toBeInTheDocument();
    expect(within(row).getByText('Required')).toBeInTheDocument();
    expect(fake.mock).not.toHaveBeenCalled();
  });

  it('sends a date-time as an ISO instant with an offset, and an enum by its code', async () => {
    const fake = installFakeFetch();
    fake.answer({ status: 200, body: { id: CASE_ID, version: 12 } });
    renderWithProviders(<CommandForm caseId={CASE_ID} command="schedule-appointment" version={11} onReload={jest.fn()} />);
    await userEvent.type(screen.getByLabelText(/Date and time/), '2026-03-16T14:00');
    await userEvent.click(screen.getByRole('combobox', { name: /How/ }));
    await userEvent.click(await screen.findByRole('option', { name: 'Video' }));
    await userEvent.click(screen.getByRole('button', { name: 'Schedule appointment' }));
    await waitFor(() => expect(fake.requests).toHaveLength(1));
    expect(fake.requests[0].body).toEqual({ at: new Date('2026-03-16T14:00').toISOString(), mode: 'video' });
  });

  it('shows the domain’s refusal in plain words', async () => {
    const fake = installFakeFetch();
    fake.answer({ status: 409, body: { statusCode: 409, error: 'pre-auth-not-requested', message: 'Pre-authorization was never requested', requestId: 'r1' } });
    renderWithProviders(<CommandForm caseId={CASE_ID} command="approve-pre-auth" version={5} onReload={jest.fn()} />);
    await userEvent.click(screen.getByRole('button', { name: 'Record pre-authorization approved' }));
    expect(await screen.findByText('Pre-authorization was never requested')).toBeInTheDocument();
    expect(screen.getByText('Not allowed right now')).toBeInTheDocument();
  });
});

describe('CommandForm on a 412 (the case changed under the user)', () => {
  it('says so plainly, keeps what was typed, and saves against the reloaded version', async () => {
    const fake = installFakeFetch();
    fake.answer({
      status: 412,
      body: { statusCode: 412, error: 'stale-version', message: 'The case changed', details: { expectedVersion: 5, actualVersion: 6 }, requestId: 'r1' },
    });
    fake.answer({ status: 200, body: { id: CASE_ID, version: 7 } });
    const onReload = jest.fn().mockResolvedValue(6);
    const onDone = jest.fn();
    renderWithProviders(<CommandForm caseId={CASE_ID} command="add-note" version={5} onReload={onReload} onDone={onDone} />);

    await userEvent.type(screen.getByLabelText(/Note/), 'Patient prefers calls after 5pm');
    await userEvent.click(screen.getByRole('button', { name: 'Add note' }));

    expect(await screen.findByText('This case changed while you were editing')).toBeInTheDocument();
    expect(screen.getByLabelText(/Note/)).toHaveValue('Patient prefers calls after 5pm');
    expect(onDone).not.toHaveBeenCalled();

    await userEvent.click(screen.getByRole('button', { name: 'Reload' }));
    await waitFor(() => expect(screen.queryByText('This case changed while you were editing')).not.toBeInTheDocument());
    expect(onReload).toHaveBeenCalledTimes(1);
    expect(screen.getByLabelText(/Note/)).toHaveValue('Patient prefers calls after 5pm');

    await userEvent.click(screen.getByRole('button', { name: 'Add note' }));
    await waitFor(() => expect(onDone).toHaveBeenCalledWith({ id: CASE_ID, version: 7 }));
    expect(fake.requests.map((request) => request.headers['if-match'])).toEqual(['"5"', '"6"']);
    expect(fake.requests[1].body).toEqual({ text: 'Patient prefers calls after 5pm' });
  });
});
