import type { CaseCommand } from './commands/case-command';
import type { Phase } from './phase';
import { phaseOf } from './phase';
import { checkCoverage, given, openCase, recordOpinion, requestRecords, scheduleAppointment, selectProvider } from './testing/case-fixtures';

const withProvider: CaseCommand[] = [openCase(), selectProvider()];

describe('phaseOf', () => {
  it.each<[string, CaseCommand[], Phase]>([
    ['just opened', [openCase()], 'intake'],
    ['an advocate assigned only', [openCase(), { type: 'assign-advocate', advocateId: 'a' }], 'intake'],
    ['current doctor informed', [openCase(), { type: 'inform-current-doctor' }], 'referral-and-coverage'],
    ['referral requested', [openCase(), { type: 'request-referral' }], 'referral-and-coverage'],
    ['provider selected, coverage not checked', withProvider, 'referral-and-coverage'],
    ['provider and coverage, pre-auth required but not approved', [...withProvider, checkCoverage()], 'referral-and-coverage'],
    ['provider and coverage needing no pre-auth', [...withProvider, checkCoverage({ preAuthRequired: false })], 'records'],
    [
      'pre-auth approved',
      [...withProvider, checkCoverage(), { type: 'request-pre-auth' }, { type: 'approve-pre-auth' }],
      'records',
    ],
    ['records requested early', [openCase(), requestRecords()], 'records'],
    ['appointment scheduled', [...withProvider, scheduleAppointment()], 'scheduled'],
    ['appointment missed', [...withProvider, scheduleAppointment(), { type: 'mark-appointment-missed' }], 'scheduled'],
    ['appointment completed', [...withProvider, scheduleAppointment(), { type: 'complete-appointment' }], 'awaiting-opinion'],
    ['opinion received after a records review', [...withProvider, recordOpinion()], 'decision'],
    ['decision recorded, not yet closed', [...withProvider, recordOpinion(), { type: 'record-decision', decision: 'follow-second-opinion' }], 'decision'],
    ['third opinion requested', [...withProvider, recordOpinion(), { type: 'request-third-opinion' }], 'referral-and-coverage'],
    ['closed', [openCase(), { type: 'close-case', outcome: 'duplicate' }], 'closed'],
    ['withdrawn', [openCase(), { type: 'withdraw-case', reason: 'moved' }], 'closed'],
    ['reopened after an opinion', [...withProvider, recordOpinion(), { type: 'close-case', outcome: 'opinion-delivered' }, { type: 'reopen-case', reason: 'r' }], 'decision'],
  ])('%s → %s', (_name, commands, phase) => {
    const { state } = given(commands);
    expect(phaseOf(state!)).toBe(phase);
  });
});
