import type { NextStep } from '@secondlook/domain';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderWithProviders } from '../../testing/render-with-providers';
import { NextStepsChecklist } from './NextStepsChecklist';

const steps: NextStep[] = [
  { key: 'inform-current-doctor', label: 'Tell the current doctor about the second opinion', done: true, command: 'inform-current-doctor' },
  { key: 'referral', label: 'Get a referral to a second-opinion provider', done: false, command: 'receive-referral' },
  { key: 'provider', label: 'Select the second-opinion provider', done: false, command: 'select-provider' },
];

describe('NextStepsChecklist', () => {
  it('marks done steps, points at the next one, and puts each open step’s action one click away', async () => {
    const onAction = jest.fn();
    renderWithProviders(<NextStepsChecklist steps={steps} onAction={onAction} actionsEnabled />);

    const items = within(screen.getByRole('list', { name: 'Next steps' })).getAllByRole('listitem');
    expect(items).toHaveLength(3);
    expect(items[0]).toHaveTextContent('Done: Tell the current doctor');
    expect(within(items[0]).queryByRole('button')).not.toBeInTheDocument();
    expect(items[1]).toHaveTextContent('To do: Get a referral');
    expect(items[1]).toHaveTextContent('Next');
    expect(screen.getByText('1 of 3 done')).toBeInTheDocument();

    const action = within(items[1]).getByRole('button', { name: 'Record referral received' });
    expect(action).toHaveAccessibleDescription(/Get a referral to a second-opinion provider/);
    await userEvent.click(action);
    expect(onAction).toHaveBeenCalledWith(steps[1]);

    await userEvent.click(within(items[2]).getByRole('button', { name: 'Select second-opinion provider' }));
    expect(onAction).toHaveBeenLastCalledWith(steps[2]);
  });

  it('hides the actions when looking at the past', () => {
    renderWithProviders(<NextStepsChecklist steps={steps} onAction={jest.fn()} actionsEnabled={false} />);
    expect(screen.queryByRole('button')).not.toBeInTheDocument();
  });

  it('says when a case has nothing left to do', () => {
    renderWithProviders(<NextStepsChecklist steps={[]} onAction={jest.fn()} actionsEnabled />);
    expect(screen.getByText(/This case has ended/)).toBeInTheDocument();
  });
});
