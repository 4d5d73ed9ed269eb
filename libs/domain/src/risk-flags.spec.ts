import type { CaseCommand } from './commands/case-command';
import { riskFlags, targetDateOf } from './risk-flags';
import { resolveTargets } from './targets';
import { checkCoverage, given, logConcern, openCase, recordOpinion, requestRecords, scheduleAppointment, selectProvider } from './testing/case-fixtures';

// given() runs commands one minute apart from Monday 2026-03-02 09:00 UTC.
const flagsAt = (iso: string, commands: CaseCommand[]) => riskFlags(given(commands).state!, new Date(iso));

describe('riskFlags', () => {
  it('raises nothing on a fresh case', () => {
    expect(flagsAt('2026-03-02T10:00:00Z', [openCase()])).toEqual([]);
  });

  describe('urgent-not-scheduled', () => {
    it('flags an urgent case with no appointment once its target day is over, not before', () => {
      expect(flagsAt('2026-03-20T23:59:59Z', [openCase()])).not.toContain('urgent-not-scheduled');
      expect(flagsAt('2026-03-21T00:00:00Z', [openCase()])).toContain('urgent-not-scheduled');
    });
    it('flags at once an appointment booked after the target date', () => {
      expect(flagsAt('2026-03-03T00:00:00Z', [openCase(), selectProvider(), scheduleAppointment({ at: '2026-03-25T10:00:00Z' })])).toContain(
        'urgent-not-scheduled',
      );
    });
    it('clears with an appointment on the target date, and never applies to routine cases', () => {
      expect(flagsAt('2026-03-25T00:00:00Z', [openCase(), selectProvider(), scheduleAppointment({ at: '2026-03-20T16:00:00Z' })])).not.toContain(
        'urgent-not-scheduled',
      );
      expect(flagsAt('2026-04-30T00:00:00Z', [openCase({ urgency: 'routine' })])).not.toContain('urgent-not-scheduled');
    });
    it('uses the default target when the case has none', () => {
      const { state } = given([openCase({ targetDate: undefined })]);
      expect(targetDateOf(state!)).toBe('2026-03-16');
      expect(riskFlags(state!, new Date('2026-03-17T00:00:00Z'))).toContain('urgent-not-scheduled');
    });
  });

  describe('pre-auth-pending-too-long', () => {
    const requested: CaseCommand[] = [openCase(), selectProvider(), checkCoverage(), { type: 'request-pre-auth' }];
    it('flags an urgent request after 72 hours', () => {
      expect(flagsAt('2026-03-05T09:02:59Z', requested)).not.toContain('pre-auth-pending-too-long');
      expect(flagsAt('2026-03-05T09:03:00Z', requested)).toContain('pre-auth-pending-too-long');
    });
    it('gives routine requests 7 calendar days', () => {
      const routine: CaseCommand[] = [openCase({ urgency: 'routine' }), ...requested.slice(1)];
      expect(flagsAt('2026-03-09T09:02:00Z', routine)).not.toContain('pre-auth-pending-too-long');
      expect(flagsAt('2026-03-09T09:03:00Z', routine)).toContain('pre-auth-pending-too-long');
    });
    it('honours a clinic override and stops once decided', () => {
      const { state } = given(requested);
      expect(riskFlags(state!, new Date('2026-03-03T09:03:00Z'), resolveTargets({ preAuthDecisionHours: { urgent: 24, soon: 48, routine: 96 } }))).toContain(
        'pre-auth-pending-too-long',
      );
      expect(flagsAt('2026-04-01T00:00:00Z', [...requested, { type: 'approve-pre-auth' }])).not.toContain('pre-auth-pending-too-long');
    });
  });

  it('flags a failed records transfer until it is retried', () => {
    const failed: CaseCommand[] = [openCase(), requestRecords(), { type: 'record-records-transfer-failed', requestId: 'id-1', reason: '503', attempts: 5 }];
    expect(flagsAt('2026-03-02T10:00:00Z', failed)).toContain('records-transfer-failed');
    expect(flagsAt('2026-03-02T10:00:00Z', [...failed, { type: 'start-records-transfer', requestId: 'id-1' }])).not.toContain('records-transfer-failed');
  });

  it('flags records not sent within 5 working days, skipping the weekend', () => {
    const requested: CaseCommand[] = [openCase(), requestRecords()]; // requested Monday 09:01
    expect(flagsAt('2026-03-09T09:01:00Z', requested)).not.toContain('records-overdue');
    expect(flagsAt('2026-03-09T09:01:01Z', requested)).toContain('records-overdue');
    expect(flagsAt('2026-03-20T00:00:00Z', [...requested, { type: 'record-records-sent', requestId: 'id-1', receipt: 'r' }])).not.toContain(
      'records-overdue',
    );
  });

  it('flags a declined referral until a provider is found', () => {
    const declined: CaseCommand[] = [openCase(), { type: 'request-referral' }, { type: 'decline-referral', reason: 'no' }];
    expect(flagsAt('2026-03-02T10:00:00Z', declined)).toContain('referral-declined-no-provider');
    expect(flagsAt('2026-03-02T10:00:00Z', [...declined, selectProvider({ foundVia: 'insurer-directory' })])).not.toContain(
      'referral-declined-no-provider',
    );
  });

  it('flags a conflicting opinion until the patient decides, but not a confirming one', () => {
    const conflicting: CaseCommand[] = [openCase(), selectProvider(), recordOpinion({ concordance: 'different-diagnosis' })];
    expect(flagsAt('2026-03-02T10:00:00Z', conflicting)).toContain('conflicting-opinion-awaiting-decision');
    expect(flagsAt('2026-03-02T10:00:00Z', [...conflicting, { type: 'record-decision', decision: 'stay-with-original' }])).not.toContain(
      'conflicting-opinion-awaiting-decision',
    );
    expect(flagsAt('2026-03-02T10:00:00Z', [openCase(), selectProvider(), recordOpinion({ concordance: 'confirms' })])).not.toContain(
      'conflicting-opinion-awaiting-decision',
    );
  });

  it.each<[string, CaseCommand[], boolean]>([
    ['covered, in network', [openCase(), selectProvider(), checkCoverage()], false],
    ['coordinator noted a cost concern', [openCase(), checkCoverage({ costConcern: true })], true],
    ['second opinions not covered', [openCase(), checkCoverage({ coversSecondOpinions: false })], true],
    ['in-network-only plan, out-of-network provider', [openCase(), selectProvider({ inNetwork: false }), checkCoverage({ inNetworkOnly: true })], true],
  ])('cost-concern: %s → %s', (_name, commands, flagged) => {
    expect(flagsAt('2026-03-02T10:00:00Z', commands).includes('cost-concern')).toBe(flagged);
  });

  describe('dismissal concerns', () => {
    const logged: CaseCommand[] = [openCase(), logConcern({ addendumRequestedOn: '2026-02-20' })]; // deadline 2026-04-21
    it('flags a requested addendum until answered, even after the case is closed', () => {
      expect(flagsAt('2026-03-02T10:00:00Z', logged)).toEqual(['dismissal-concern-not-on-record']);
      expect(flagsAt('2026-03-02T10:00:00Z', [...logged, { type: 'close-case', outcome: 'no-longer-needed' }])).toEqual([
        'dismissal-concern-not-on-record',
      ]);
      expect(flagsAt('2026-03-02T10:00:00Z', [...logged, { type: 'add-dismissal-concern-to-record', concernId: 'id-1' }])).toEqual([]);
      expect(flagsAt('2026-03-02T10:00:00Z', [openCase(), logConcern({ patientRequestedRecordAddendum: false })])).toEqual([]);
    });
    it('warns within 10 days of the 60-day deadline and stays warned once it passed', () => {
      expect(flagsAt('2026-04-10T23:59:59Z', logged)).not.toContain('amendment-deadline-near');
      expect(flagsAt('2026-04-11T00:00:00Z', logged)).toContain('amendment-deadline-near');
      expect(flagsAt('2026-05-30T00:00:00Z', logged)).toContain('amendment-deadline-near');
      expect(
        flagsAt('2026-04-15T00:00:00Z', [...logged, { type: 'deny-dismissal-concern-amendment', concernId: 'id-1', reason: 'Accurate' }]),
      ).not.toContain('amendment-deadline-near');
    });
  });

  it('drops workflow flags once the case is closed', () => {
    const failed: CaseCommand[] = [openCase(), requestRecords(), { type: 'record-records-transfer-failed', requestId: 'id-1', reason: '503', attempts: 5 }];
    expect(flagsAt('2026-04-30T00:00:00Z', [...failed, { type: 'close-case', outcome: 'no-longer-needed' }])).toEqual([]);
  });
});
