import type { StoredEvent } from './event.types';
import { UpcasterChain } from './upcaster-chain';

const stored = (type: string, schemaVersion: number, data: unknown): StoredEvent => ({
  eventId: '00000000-0000-4000-8000-000000000001',
  streamId: 'case-1',
  type,
  schemaVersion,
  data,
  metadata: { actorId: 'a', actorRole: 'coordinator', correlationId: 'c', requestId: 'r', occurredAt: '2026-01-01T00:00:00.000Z' },
  streamVersion: 1,
  globalPosition: '1',
  recordedAt: new Date(0),
});

describe('UpcasterChain', () => {
  const chain = new UpcasterChain([
    { type: 'CaseOpened', fromVersion: 2, upcast: (data) => ({ ...(data as object), urgency: 'routine' }) },
    { type: 'CaseOpened', fromVersion: 1, upcast: (data) => ({ reason: (data as { why: string }).why }) },
  ]);

  it('lifts an old event through every step to the current shape, whatever the registration order', () => {
    expect(chain.upcast(stored('CaseOpened', 1, { why: 'felt dismissed' }))).toMatchObject({
      schemaVersion: 3,
      data: { reason: 'felt dismissed', urgency: 'routine' },
    });
  });

  it('leaves current and unrelated events untouched', () => {
    const current = stored('CaseOpened', 3, { reason: 'x', urgency: 'urgent' });
    expect(chain.upcast(current)).toBe(current);
    const other = stored('NoteAdded', 1, { text: 'x' });
    expect(chain.upcast(other)).toBe(other);
  });

  it('refuses two upcasters for the same step', () => {
    expect(
      () =>
        new UpcasterChain([
          { type: 'A', fromVersion: 1, upcast: (d) => d },
          { type: 'A', fromVersion: 1, upcast: (d) => d },
        ]),
    ).toThrow(/Two upcasters/);
  });
});
