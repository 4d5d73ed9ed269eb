import type { EventMetadata, NewEvent } from '../event.types';

export function testMetadata(overrides: Partial<EventMetadata> = {}): EventMetadata {
  return {
    actorId: 'user-test',
    actorRole: 'coordinator',
    correlationId: 'correlation-test',
    requestId: 'request-test',
    occurredAt: '2026-01-01T00:00:00.000Z',
    ...overrides,
  };
}

export function testEvent<D>(type: string, data: D, schemaVersion = 1): NewEvent<string, D> {
  return { type, schemaVersion, data, metadata: testMetadata() };
}
