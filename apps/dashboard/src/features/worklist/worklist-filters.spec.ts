import { worklistFiltersFrom, worklistViewFrom } from './worklist-filters';

describe('worklist filters from the address bar', () => {
  it('starts a coordinator on every case and an advocate on their own', () => {
    const none = new URLSearchParams('');
    expect(worklistViewFrom(none, 'coordinator')).toBe('all');
    expect(worklistViewFrom(none, 'advocate')).toBe('mine');
    expect(worklistFiltersFrom(none, 'all')).toEqual({ sort: 'age', limit: 25 });
    expect(worklistFiltersFrom(none, 'mine')).toEqual({ assignedTo: 'me', sort: 'age', limit: 25 });
  });

  it('keeps the known codes, drops the rest, and lets an explicit view win', () => {
    const params = new URLSearchParams('view=all&phase=records&risk=not-a-flag&urgency=urgent&sort=sideways&q=%20mar%20&advocate=a1');
    expect(worklistViewFrom(params, 'advocate')).toBe('all');
    expect(worklistFiltersFrom(params, 'all')).toEqual({ phase: 'records', urgency: 'urgent', assignedTo: 'a1', q: 'mar', sort: 'age', limit: 25 });
  });
});
