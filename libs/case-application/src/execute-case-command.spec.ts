import { caseIdFromStream, caseStreamId, foldStoredCase, toRecordedCaseEvent } from './case-stream';
import { toNewEvents } from './execute-case-command';

const context = { actor: { id: 'user-1', role: 'coordinator' }, requestId: 'req-1', correlationId: 'corr-1' };

describe('toNewEvents', () => {
  it('stamps who, when and why on each decided event, with its schema version', () => {
    const now = new Date('2026-11-25T10:00:00Z');
    const [event] = toNewEvents([{ type: 'NoteAdded', data: { noteId: 'n1', text: 'hello' } }], context, now);
    expect(event).toMatchObject({
      type: 'NoteAdded',
      schemaVersion: 1,
      data: { noteId: 'n1', text: 'hello' },
      metadata: { actorId: 'user-1', actorRole: 'coordinator', requestId: 'req-1', correlationId: 'corr-1', causationId: 'req-1', occurredAt: '2026-11-25T10:00:00.000Z' },
    });
    expect(event.eventId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('keeps an explicit causation (the event that triggered a worker command)', () => {
    const [event] = toNewEvents([{ type: 'NoteAdded', data: { noteId: 'n1', text: 'x' } }], { ...context, causationId: 'event-9' }, new Date());
    expect(event.metadata.causationId).toBe('event-9');
  });
});

describe('case streams', () => {
  it('round-trips a case id through its stream id', () => {
    expect(caseStreamId('abc')).toBe('case-abc');
    expect(caseIdFromStream(caseStreamId('abc'))).toBe('abc');
  });

  it('folds stored events using the time they occurred, not when they were recorded', () => {
    const stored = {
      eventId: 'e1',
      streamId: 'case-1',
      type: 'CaseOpened',
      schemaVersion: 1,
      data: { patientId: 'p1', reasons: ['felt-dismissed'], urgency: 'urgent', specialty: 'Neurology' },
      metadata: { actorId: 'u', actorRole: 'coordinator', requestId: 'r', correlationId: 'c', occurredAt: '2026-01-02T03:04:05.000Z' },
      streamVersion: 1,
      globalPosition: '1',
      recordedAt: new Date('2026-05-05T00:00:00Z'),
    };
    expect(toRecordedCaseEvent(stored).occurredAt).toBe('2026-01-02T03:04:05.000Z');
    expect(foldStoredCase([stored])).toMatchObject({ patientId: 'p1', openedAt: '2026-01-02T03:04:05.000Z', urgency: 'urgent' });
  });
});
