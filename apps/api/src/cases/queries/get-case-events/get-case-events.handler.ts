import { NotFoundException } from '@nestjs/common';
import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { caseStreamId } from '@secondlook/case-application';
import type { CaseEventsPage } from '@secondlook/contracts';
import { type CaseEvent, describeEvent } from '@secondlook/domain';
import { EventStore } from '@secondlook/event-store';
import { GetCaseEventsQuery } from './get-case-events.query';

/** The case's own stream, upcast to current shapes, each event with its plain-words line. */
@QueryHandler(GetCaseEventsQuery)
export class GetCaseEventsHandler implements IQueryHandler<GetCaseEventsQuery, CaseEventsPage> {
  constructor(private readonly eventStore: EventStore) {}

  async execute({ caseId }: GetCaseEventsQuery): Promise<CaseEventsPage> {
    const events = await this.eventStore.readStream(caseStreamId(caseId));
    if (events.length === 0) throw new NotFoundException({ error: 'case-not-found', message: 'No such case' });
    return {
      items: events.map((event) => ({
        eventId: event.eventId,
        type: event.type,
        streamVersion: event.streamVersion,
        data: event.data,
        metadata: event.metadata,
        recordedAt: event.recordedAt.toISOString(),
        description: describeEvent({ type: event.type, data: event.data } as CaseEvent),
      })),
    };
  }
}
