import { Global, Module } from '@nestjs/common';
import { EventStore } from '@secondlook/event-store';
import { DataSource } from 'typeorm';
import { CaseSummaryProjection } from '../cases/read-model/case-summary.projection';

/** One EventStore per process; inline projections commit with every append. */
@Global()
@Module({
  providers: [
    CaseSummaryProjection,
    {
      provide: EventStore,
      inject: [DataSource, CaseSummaryProjection],
      useFactory: (dataSource: DataSource, caseSummaries: CaseSummaryProjection) =>
        new EventStore(dataSource, { inlineProjections: [caseSummaries] }),
    },
  ],
  exports: [EventStore],
})
export class EventStoreModule {}
