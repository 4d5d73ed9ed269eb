import type { NestExpressApplication } from '@nestjs/platform-express';
import { NestFactory } from '@nestjs/core';
import type { AppConfig } from '@secondlook/platform';
import helmet from 'helmet';
import { Logger } from 'nestjs-pino';
import { DataSource } from 'typeorm';
import { AppModule } from '../app.module';
import { HttpErrorFilter } from '../common/http-error.filter';
import { serveDashboard } from './serve-dashboard';

/**
 * Builds the configured HTTP application. `main.ts` and the integration tests
 * both go through here, so the tests exercise the same middleware, limits and
 * error mapping as production.
 */
export async function createApp(config: AppConfig): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config), {
    bufferLogs: true,
    bodyParser: false,
  });
  app.useLogger(app.get(Logger));
  app.flushLogs();
  app.useBodyParser('json', { limit: config.BODY_LIMIT });
  app.use(helmet({ contentSecurityPolicy: { directives: { 'script-src': ["'self'"] } } }));
  app.enableCors({ origin: config.CORS_ORIGINS.length > 0 ? config.CORS_ORIGINS : false, credentials: true });
  app.setGlobalPrefix('api');
  app.useGlobalFilters(new HttpErrorFilter());
  app.enableShutdownHooks();
  app.set('trust proxy', 'loopback');

  // Migrations run before the app takes traffic; the schema never follows entities.
  await app.get(DataSource).runMigrations({ transaction: 'each' });

  if (config.DASHBOARD_DIR) serveDashboard(app, config.DASHBOARD_DIR);
  return app;
}
