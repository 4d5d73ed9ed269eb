import { BullModule } from '@nestjs/bullmq';
import { type DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { QUEUES } from '@secondlook/contracts';
import { type Consumer, EventStore, eventStoreMigrations } from '@secondlook/event-store';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig, loggerOptions, postgresOptions, redisConnection } from '@secondlook/platform';
import { LoggerModule } from 'nestjs-pino';
import { CaseIntakeProcessor } from './case-intake/case-intake.processor';
import { CaseIntakeProcessManager } from './process-managers/case-intake.process-manager';
import { LOG_CONSUMERS, LogConsumersService } from './process-managers/log-consumers.service';

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
        BullModule.registerQueue({ name: QUEUES.caseIntake }),
      ],
      providers: [
        { provide: APP_CONFIG, useValue: config },
        { provide: EventStore, inject: [DataSource], useFactory: (dataSource: DataSource) => new EventStore(dataSource) },
        CaseIntakeProcessor,
        CaseIntakeProcessManager,
        { provide: LOG_CONSUMERS, inject: [CaseIntakeProcessManager], useFactory: (...consumers: Consumer[]) => consumers },
        LogConsumersService,
      ],
      exports: [APP_CONFIG],
    };
  }
}
