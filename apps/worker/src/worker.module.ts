import { BullModule } from '@nestjs/bullmq';
import { type DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { QUEUES } from '@secondlook/contracts';
import { CaseSummaryProjection } from '@secondlook/case-application';
import { type Consumer, EventStore, eventStoreMigrations } from '@secondlook/event-store';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig, DOCUMENT_STORAGE, LocalDocumentStorage, loggerOptions, postgresOptions, redisConnection } from '@secondlook/platform';
import { LoggerModule } from 'nestjs-pino';
import { CaseIntakeProcessor } from './case-intake/case-intake.processor';
import { WorkerCaseCommands } from './case-commands/worker-case-commands';
import { FollowUpsProcessor } from './follow-ups/follow-ups.processor';
import { JobProducers } from './jobs/job-producers';
import { CaseIntakeProcessManager } from './process-managers/case-intake.process-manager';
import { FollowUpTimersProcessManager } from './process-managers/follow-up-timers.process-manager';
import { LOG_CONSUMERS, LogConsumersService } from './process-managers/log-consumers.service';
import { RecordsTransferProcessManager } from './process-managers/records-transfer.process-manager';
import { DocumentSender } from './records-transfer/document-sender';
import { FhirDestinationClient } from './records-transfer/fhir-destination.client';
import { RecordsTransferProcessor } from './records-transfer/records-transfer.processor';
import { RecordsTransferRepository } from './records-transfer/records-transfer.repository';
import { RecordsTransferWorker } from './records-transfer/records-transfer.worker';
import { REPORT_CASE_FACTS_CONSUMER, reportCaseFactsConsumerProvider } from './reports/report-consumers.provider';

@Module({})
export class WorkerModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: WorkerModule,
      global: true,
      imports: [
        LoggerModule.forRoot({ pinoHttp: loggerOptions(config.LOG_LEVEL, 'worker') }),
        // The api owns migrations; the worker only reads and appends.
        TypeOrmModule.forRoot(postgresOptions(config.DATABASE_URL, eventStoreMigrations, config.DATABASE_POOL_SIZE)),
        BullModule.forRoot({ connection: redisConnection(config.REDIS_URL), prefix: config.REDIS_PREFIX }),
        BullModule.registerQueue({ name: QUEUES.caseIntake }, { name: QUEUES.followUps }),
      ],
      providers: [
        { provide: APP_CONFIG, useValue: config },
        // The worker appends to cases too (RecordsSent, PreAuthFollowUpDue...): the worklist row must move with them.
        {
          provide: EventStore,
          inject: [DataSource],
          useFactory: (dataSource: DataSource) => new EventStore(dataSource, { inlineProjections: [new CaseSummaryProjection()] }),
        },
        { provide: DOCUMENT_STORAGE, useFactory: () => new LocalDocumentStorage(config.DOCUMENTS_DIR) },
        WorkerCaseCommands,
        JobProducers,
        RecordsTransferRepository,
        FhirDestinationClient,
        DocumentSender,
        RecordsTransferProcessor,
        RecordsTransferWorker,
        FollowUpsProcessor,
        RecordsTransferProcessManager,
        FollowUpTimersProcessManager,
        CaseIntakeProcessor,
        CaseIntakeProcessManager,
        reportCaseFactsConsumerProvider,
        {
          provide: LOG_CONSUMERS,
          inject: [CaseIntakeProcessManager, RecordsTransferProcessManager, FollowUpTimersProcessManager, REPORT_CASE_FACTS_CONSUMER],
          useFactory: (...consumers: Consumer[]) => consumers,
        },
        LogConsumersService,
      ],
      exports: [APP_CONFIG],
    };
  }
}
