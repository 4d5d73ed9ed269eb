import { CASE_COMMAND_NAMES } from './commands/case-command';
import { nextSteps } from './next-steps';
import { checkCoverage, given, logConcern, openCase, recordOpinion, requestRecords, selectProvider } from './testing/case-fixtures';

const stepsOf = (...commands: Parameters<typeof given>[0]) => nextSteps(given(commands).state!);
const step = (steps: ReturnType<typeof nextSteps>, key: string) => steps.find((candidate) => candidate.key === key);

describe('nextSteps', () => {
  it('lists the whole journey, in order, for a fresh case, with nothing done', () => {
    const steps = stepsOf(openCase());
    expect(steps.map((candidate) => candidate.key)).toEqual([
      'inform-current-doctor',
      'referral',
      'provider',
      'coverage',
      'records-full-referring-record',
      'records-pathology-reports',
      'records-pathology-slides',
      'records-imaging-files',
      'records-operative-notes',
      'records-medication-list',
      'records-recent-test-results',
      'records-illness-timeline',
      'records-receipt',
      'questions',
      'desired-outcome',
      'appointment',
      'attend-appointment',
      'opinion',
      'decision',
      'close',
    ]);
    expect(steps.every((candidate) => !candidate.done)).toBe(true);
    expect(steps.every((candidate) => (CASE_COMMAND_NAMES as readonly string[]).includes(candidate.command))).toBe(true);
  });

  it('offers the directory route when the referral was declined', () => {
    const steps = stepsOf(openCase(), { type: 'request-referral' }, { type: 'decline-referral', reason: 'no' });
    expect(step(steps, 'referral')).toMatchObject({ done: false, command: 'select-provider' });
    expect(step(steps, 'referral')?.label).toMatch(/insurer's directory or a hospital website/);
    const after = stepsOf(openCase(), { type: 'request-referral' }, { type: 'decline-referral', reason: 'no' }, selectProvider({ foundVia: 'insurer-directory' }));
    expect(step(after, 'referral')?.done).toBe(true);
  });

  it('moves the referral step from request to receipt', () => {
    expect(step(stepsOf(openCase()), 'referral')?.command).toBe('request-referral');
    expect(step(stepsOf(openCase(), { type: 'request-referral' }), 'referral')).toMatchObject({ command: 'receive-referral', done: false });
    expect(step(stepsOf(openCase(), { type: 'request-referral' }, { type: 'receive-referral' }), 'referral')?.done).toBe(true);
  });

  it('adds a pre-auth step only when coverage requires it, and points at the appeal after a denial', () => {
    expect(step(stepsOf(openCase(), checkCoverage({ preAuthRequired: false })), 'pre-auth')).toBeUndefined();
    const denied = stepsOf(openCase(), selectProvider(), checkCoverage(), { type: 'request-pre-auth' }, { type: 'deny-pre-auth', reason: 'r' });
    expect(step(denied, 'pre-auth')).toMatchObject({ done: false, command: 'appeal-pre-auth' });
  });

  it('ticks records checklist items only once those documents were sent', () => {
    const requested = stepsOf(openCase(), requestRecords());
    expect(step(requested, 'records-pathology-slides')).toMatchObject({ done: false, command: 'record-records-sent' });
    expect(step(requested, 'records-imaging-files')).toMatchObject({ done: false, command: 'request-records' });
    const sent = stepsOf(openCase(), requestRecords(), { type: 'record-records-sent', requestId: 'id-1', receipt: 'r' });
    expect(step(sent, 'records-pathology-slides')?.done).toBe(true);
    expect(step(sent, 'records-imaging-files')?.done).toBe(false);
    expect(step(sent, 'records-receipt')).toMatchObject({ done: false, command: 'confirm-records-receipt' });
  });

  it('asks for an answer to each amendment request the patient made', () => {
    const steps = stepsOf(openCase(), logConcern(), logConcern({ patientRequestedRecordAddendum: false }));
    expect(steps.filter((candidate) => candidate.key.startsWith('dismissal-concern-'))).toEqual([
      expect.objectContaining({ key: 'dismissal-concern-id-1', done: false, command: 'add-dismissal-concern-to-record' }),
    ]);
  });

  it('counts a records-only review as the appointment and offers a third opinion when the patient wants one', () => {
    const steps = stepsOf(openCase(), selectProvider(), recordOpinion(), { type: 'record-decision', decision: 'seek-third-opinion' });
    expect(step(steps, 'appointment')?.done).toBe(true);
    expect(step(steps, 'opinion')?.done).toBe(true);
    expect(step(steps, 'decision')?.done).toBe(true);
    expect(step(steps, 'third-opinion')).toMatchObject({ done: false, command: 'request-third-opinion' });
  });

  it('has no next steps on an ended case', () => {
    expect(stepsOf(openCase(), { type: 'close-case', outcome: 'duplicate' })).toEqual([]);
  });
});
