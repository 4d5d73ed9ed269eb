import { BullModule } from '@nestjs/bullmq';
import { type DynamicModule, Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { TypeOrmModule } from '@nestjs/typeorm';
import { APP_CONFIG, type AppConfig, loggerOptions, postgresOptions, redisConnection } from '@secondlook/platform';
import { randomUUID } from 'node:crypto';
import { LoggerModule } from 'nestjs-pino';
import { CasesModule } from './cases/cases.module';
import { apiMigrations } from './database/api-migrations';
import { EventStoreModule } from './database/event-store.module';
import { HealthModule } from './health/health.module';
import { OpenApiModule } from './openapi/openapi.module';

@Module({})
export class AppModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: AppModule,
      global: true,
      imports: [
        LoggerModule.forRoot({
          pinoHttp: {
            ...loggerOptions(config.LOG_LEVEL, 'api'),
            genReqId: (req, res) => {
              const incoming = req.headers['x-request-id'];
              const id = typeof incoming === 'string' && /^[\w-]{1,64}$/.test(incoming) ? incoming : randomUUID();
              res.setHeader('x-request-id', id);
              return id;
            },
          },
        }),
        TypeOrmModule.forRoot(postgresOptions(config.DATABASE_URL, apiMigrations, config.DATABASE_POOL_SIZE)),
        BullModule.forRoot({ connection: redisConnection(config.REDIS_URL), prefix: config.REDIS_PREFIX }),
        CqrsModule.forRoot(),
        EventStoreModule,
        CasesModule,
        HealthModule,
        OpenApiModule,
      ],
      providers: [{ provide: APP_CONFIG, useValue: config }],
      exports: [APP_CONFIG],
    };
  }
}
