import { BullModule } from '@nestjs/bullmq';
import { type DynamicModule, Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { TypeOrmModule } from '@nestjs/typeorm';
import { APP_CONFIG, type AppConfig, loggerOptions, postgresOptions, redisConnection } from '@secondlook/platform';
import { randomUUID } from 'node:crypto';
import { LoggerModule } from 'nestjs-pino';
import type { DestinationStream } from 'pino';
import type { Options as PinoHttpOptions } from 'pino-http';
import { AuditModule } from './audit/audit.module';
import { AuthModule } from './auth/auth.module';
import { CasesModule } from './cases/cases.module';
import { PatientsModule } from './patients/patients.module';
import { apiMigrations } from './database/api-migrations';
import { EventStoreModule } from './database/event-store.module';
import { DocumentsModule } from './documents/documents.module';
import { HealthModule } from './health/health.module';
import { OpenApiModule } from './openapi/openapi.module';
import { ReportsModule } from './reports/reports.module';
import { ProvidersModule } from './providers/providers.module';
import { QueueBoardModule } from './queue-board/queue-board.module';
import { RecordsTransferModule } from './records-transfer/records-transfer.module';
import { UsersModule } from './users/users.module';

export interface AppModuleOptions {
  /** Where pino writes; tests capture it to check that no patient data is logged. Default stdout. */
  logStream?: DestinationStream;
}

@Module({})
export class AppModule {
  static forRoot(config: AppConfig, options: AppModuleOptions = {}): DynamicModule {
    const pinoHttp: PinoHttpOptions = {
      ...loggerOptions(config.LOG_LEVEL, 'api'),
      genReqId: (req, res) => {
        const incoming = req.headers['x-request-id'];
        const id = typeof incoming === 'string' && /^[\w-]{1,64}$/.test(incoming) ? incoming : randomUUID();
        res.setHeader('x-request-id', id);
        return id;
      },
    };
    return {
      module: AppModule,
      global: true,
      imports: [
        LoggerModule.forRoot({ pinoHttp: options.logStream ? [pinoHttp, options.logStream] : pinoHttp }),
        TypeOrmModule.forRoot(postgresOptions(config.DATABASE_URL, apiMigrations, config.DATABASE_POOL_SIZE)),
        BullModule.forRoot({ connection: redisConnection(config.REDIS_URL), prefix: config.REDIS_PREFIX }),
        CqrsModule.forRoot(),
        UsersModule,
        AuthModule,
        AuditModule,
        EventStoreModule,
        PatientsModule,
        CasesModule,
        HealthModule,
        OpenApiModule,
        ReportsModule,
        DocumentsModule,
        ProvidersModule,
        RecordsTransferModule,
        QueueBoardModule,
      ],
      providers: [{ provide: APP_CONFIG, useValue: config }],
      exports: [APP_CONFIG],
    };
  }
}
