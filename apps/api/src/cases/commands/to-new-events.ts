import { type CaseEvent, EVENT_SCHEMA_VERSIONS } from '@secondlook/domain';
import type { NewEvent } from '@secondlook/event-store';
import { randomUUID } from 'node:crypto';
import type { RequestContext } from '../../common/request-context';

/** Wraps the domain's decided events with who, when and why (the request that caused them). */
export function toNewEvents(events: CaseEvent[], context: RequestContext, now: Date): NewEvent[] {
  return events.map((event) => ({
    eventId: randomUUID(),
    type: event.type,
    schemaVersion: EVENT_SCHEMA_VERSIONS[event.type],
    data: event.data,
    metadata: {
      actorId: context.actor.id,
      actorRole: context.actor.role,
      requestId: context.requestId,
      correlationId: context.correlationId,
      causationId: context.requestId,
      occurredAt: now.toISOString(),
    },
  }));
}
