import { Global, Module } from '@nestjs/common';
import { CaseSummaryProjection } from '@secondlook/case-application';
import { EventStore } from '@secondlook/event-store';
import { DataSource } from 'typeorm';

/** One EventStore per process; the worklist projection commits with every append. */
@Global()
@Module({
  providers: [
    {
      provide: EventStore,
      inject: [DataSource],
      useFactory: (dataSource: DataSource) => new EventStore(dataSource, { inlineProjections: [new CaseSummaryProjection()] }),
    },
  ],
  exports: [EventStore],
})
export class EventStoreModule {}
