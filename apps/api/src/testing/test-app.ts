import type { NestExpressApplication } from '@nestjs/platform-express';
import { createTestDatabase } from '@secondlook/event-store';
import { type AppConfig, loadConfig } from '@secondlook/platform';
import { randomUUID } from 'node:crypto';
import Redis from 'ioredis';
import { createApp } from '../bootstrap/create-app';

export interface TestApp {
  app: NestExpressApplication;
  http: ReturnType<NestExpressApplication['getHttpServer']>;
  config: AppConfig;
  close(): Promise<void>;
}

/**
 * The real api on a fresh PostgreSQL database and Redis key prefix of its own,
 * both removed on close, so suites never share state or touch demo data.
 */
export async function startTestApp(overrides: Partial<Record<string, string>> = {}): Promise<TestApp> {
  const database = await createTestDatabase('api');
  const prefix = `test-${randomUUID().slice(0, 8)}`;
  const config = loadConfig({ DATABASE_URL: database.url, REDIS_PREFIX: prefix, LOG_LEVEL: 'silent', NODE_ENV: 'test', SEED_DEMO: 'false', ...overrides });
  const app = await createApp(config);
  await app.init();
  return {
    app,
    http: app.getHttpServer(),
    config,
    close: async () => {
      await app.close();
      await database.drop();
      await deleteRedisPrefix(config.REDIS_URL, prefix);
    },
  };
}

async function deleteRedisPrefix(url: string, prefix: string): Promise<void> {
  const redis = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 1 });
  try {
    await redis.connect();
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 500);
      if (keys.length > 0) await redis.del(...keys);
      cursor = next;
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
}
