import { evolve, CorruptCaseStreamError, foldCase } from './evolve';
import { checkCoverage, given, logConcern, openCase, recordOpinion, requestRecords, scheduleAppointment, selectProvider } from './testing/case-fixtures';

describe('evolve', () => {
  it('starts the case from CaseOpened with the intake facts and nothing else done', () => {
    const { state } = given([openCase()]);
    expect(state).toMatchObject({
      patientId: '5d0c2f4e-4a8e-4a53-9c55-8a3f4b1d2e10',
      status: 'open',
      openedAt: '2026-03-02T09:00:00.000Z',
      lastEventAt: '2026-03-02T09:00:00.000Z',
      eventCount: 1,
      urgency: 'urgent',
      specialty: 'oncology',
      reasons: ['felt-dismissed', 'unclear-diagnosis'],
      targetDate: '2026-03-20',
      currentDiagnosis: null,
      advocateId: null,
      referral: { status: 'not-requested' },
      preAuth: { status: 'not-requested', requestedAt: null },
      records: [],
      opinions: [],
      closure: null,
      round: 1,
    });
  });

  it('refuses to replay a stream that does not start with CaseOpened', () => {
    expect(() => evolve(undefined, { type: 'NoteAdded', data: { noteId: 'n', text: 't' }, occurredAt: '2026-01-01T00:00:00Z' })).toThrow(
      CorruptCaseStreamError,
    );
  });

  it('refuses a second CaseOpened in the same stream', () => {
    const { state, events } = given([openCase()]);
    expect(() => evolve(state, events[0]!)).toThrow(CorruptCaseStreamError);
  });

  it('tracks pre-auth timing: requested, appealed (a new wait), approved', () => {
    const { state } = given([
      openCase(),
      selectProvider(),
      checkCoverage(),
      { type: 'request-pre-auth', insurerReference: 'PA-1' },
      { type: 'deny-pre-auth', reason: 'Not necessary' },
      { type: 'appeal-pre-auth', grounds: 'Letter' },
      { type: 'approve-pre-auth', authorizationNumber: 'AUTH-5', validUntil: '2026-06-30' },
    ]);
    expect(state?.preAuth).toEqual({
      status: 'approved',
      expedited: true,
      insurerReference: 'PA-1',
      requestedAt: '2026-03-02T09:03:00.000Z',
      awaitingSince: '2026-03-02T09:05:00.000Z',
      decidedAt: '2026-03-02T09:06:00.000Z',
      authorizationNumber: 'AUTH-5',
      validUntil: '2026-06-30',
      denialReason: 'Not necessary',
      appealedAt: '2026-03-02T09:05:00.000Z',
      followUpDueAt: null,
    });
  });

  it('follows a records request through transfer, failure, retry, sending and receipt', () => {
    const { state } = given([
      openCase(),
      requestRecords(),
      { type: 'start-records-transfer', requestId: 'id-1' },
      { type: 'record-records-transfer-failed', requestId: 'id-1', reason: '503', attempts: 3 },
      { type: 'start-records-transfer', requestId: 'id-1' },
      { type: 'record-records-sent', requestId: 'id-1', receipt: 'bundle-1' },
      { type: 'confirm-records-receipt', requestId: 'id-1' },
    ]);
    expect(state?.records).toEqual([
      expect.objectContaining({
        requestId: 'id-1',
        round: 1,
        status: 'received',
        requestedAt: '2026-03-02T09:01:00.000Z',
        transferStartedAt: '2026-03-02T09:04:00.000Z',
        sentAt: '2026-03-02T09:05:00.000Z',
        receipt: 'bundle-1',
        failure: { reason: '503', attempts: 3, at: '2026-03-02T09:03:00.000Z' },
        receivedAt: '2026-03-02T09:06:00.000Z',
      }),
    ]);
  });

  it('keeps a dismissal concern with its deadline and the answer', () => {
    const { state } = given([
      openCase(),
      logConcern({ byWhom: 'ED physician' }),
      { type: 'deny-dismissal-concern-amendment', concernId: 'id-1', reason: 'Accurate', statementOfDisagreement: 'I disagree' },
    ]);
    expect(state?.dismissalConcerns).toEqual([
      {
        concernId: 'id-1',
        description: 'Pain was attributed to anxiety without an examination',
        occurredOn: '2026-02-10',
        byWhom: 'ED physician',
        loggedAt: '2026-03-02T09:01:00.000Z',
        patientRequestedRecordAddendum: true,
        status: 'amendment-denied',
        addendumRequestedOn: '2026-03-02',
        amendmentDeadline: '2026-05-01',
        resolvedAt: '2026-03-02T09:02:00.000Z',
        denialReason: 'Accurate',
        statementOfDisagreement: 'I disagree',
      },
    ]);
  });

  it('sets the second opinion aside when a third is requested', () => {
    const { state } = given([
      openCase(),
      selectProvider(),
      scheduleAppointment(),
      { type: 'complete-appointment' },
      recordOpinion(),
      { type: 'record-decision', decision: 'seek-third-opinion' },
      { type: 'request-third-opinion' },
    ]);
    expect(state).toMatchObject({ round: 2, provider: null, appointment: null, decision: null, preAuth: { status: 'not-requested' } });
    expect(state?.pastRounds).toEqual([
      expect.objectContaining({
        round: 1,
        provider: expect.objectContaining({ providerName: 'Lakeside Cancer Center' }),
        appointment: expect.objectContaining({ status: 'completed' }),
        decision: expect.objectContaining({ decision: 'seek-third-opinion' }),
      }),
    ]);
    expect(state?.opinions).toHaveLength(1);
  });

  it('closes, reopens and counts notes on a closed case', () => {
    const { state } = given([
      openCase(),
      { type: 'close-case', outcome: 'unable-to-reach-patient' },
      { type: 'add-note', text: 'Voicemail from patient' },
      { type: 'reopen-case', reason: 'Patient called back' },
    ]);
    expect(state).toMatchObject({ status: 'open', closure: null, reopenCount: 1, notesCount: 1, eventCount: 4 });
  });

  it('records consent as a status only, with no self-identified answers', () => {
    const { state, events } = given([openCase(), { type: 'record-consent', scope: 'equity-self-identification', method: 'written' }]);
    expect(state?.consents['equity-self-identification']).toEqual({
      status: 'given',
      method: 'written',
      updatedAt: '2026-03-02T09:01:00.000Z',
    });
    expect(Object.keys(events[1]!.data).sort()).toEqual(['method', 'scope']);
  });

  it('is deterministic and JSON-serialisable: a replay of the JSON-stored stream gives the same state', () => {
    const { state, events } = given([openCase(), selectProvider(), checkCoverage(), requestRecords(), logConcern(), recordOpinion()]);
    const stored = JSON.parse(JSON.stringify(events)) as typeof events;
    const replayed = foldCase(stored);
    expect(JSON.parse(JSON.stringify(replayed))).toEqual(JSON.parse(JSON.stringify(state)));
    expect(JSON.parse(JSON.stringify(state))).toEqual(state);
  });
});
