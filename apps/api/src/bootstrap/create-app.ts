import type { NestExpressApplication } from '@nestjs/platform-express';
import { NestFactory } from '@nestjs/core';
import type { AppConfig } from '@secondlook/platform';
import cookieParser from 'cookie-parser';
import type { NextFunction, Request, Response } from 'express';
import helmet from 'helmet';
import { Logger } from 'nestjs-pino';
import { DataSource } from 'typeorm';
import { AppModule, type AppModuleOptions } from '../app.module';
import { HttpErrorFilter } from '../common/http-error.filter';
import { serveDashboard } from './serve-dashboard';

/**
 * Builds the configured HTTP application. `main.ts` and the integration tests
 * both go through here, so the tests exercise the same middleware, limits and
 * error mapping as production.
 */
export async function createApp(config: AppConfig, options: AppModuleOptions = {}): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config, options), {
    bufferLogs: true,
    bodyParser: false,
  });
  app.useLogger(app.get(Logger));
  app.flushLogs();
  app.useBodyParser('json', { limit: config.BODY_LIMIT, reviver: refuseUnstorableText });
  app.use(helmet({ contentSecurityPolicy: { directives: { 'script-src': ["'self'"] } } }));
  // Only the refresh cookie is read, and only on /api/auth; nothing is signed with it.
  app.use(cookieParser());
  // Answers carry health data: no browser or proxy may keep a copy.
  app.use((req: Request, res: Response, next: NextFunction) => {
    if (req.path.startsWith('/api/')) res.setHeader('Cache-Control', 'no-store');
    next();
  });
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

// PostgreSQL cannot store NUL or a lone UTF-16 surrogate (text and jsonb both
// refuse them), so such a body is malformed input: 400 at the door, not 500 at the insert.
function refuseUnstorableText(_key: string, value: unknown): unknown {
  if (typeof value === 'string' && (value.includes('\u0000') || /\p{Cs}/u.test(value))) throw new SyntaxError('text PostgreSQL cannot store');
  return value;
}
