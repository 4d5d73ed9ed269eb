import type { NestExpressApplication } from '@nestjs/platform-express';
import type { Role } from '@secondlook/contracts';
import { createTestDatabase } from '@secondlook/event-store';
import { type AppConfig, loadConfig } from '@secondlook/platform';
import { randomUUID } from 'node:crypto';
import { Writable } from 'node:stream';
import { AuthService } from '../auth/auth.service';
import { createApp } from '../bootstrap/create-app';
import { deleteRedisPrefix } from './redis-prefix';
import { UsersService } from '../users/users.service';

export interface TestUser {
  id: string;
  email: string;
  password: string;
  role: Role;
  /** The `Authorization` header value: `Bearer <access token>`. */
  authorization: string;
}

export interface TestApp {
  app: NestExpressApplication;
  http: ReturnType<NestExpressApplication['getHttpServer']>;
  config: AppConfig;
  /** A new user of that role, signed in; answers the `Authorization` header value. */
  signIn(role: Role): Promise<string>;
  /** The same, with the user's id, email and password (e.g. to assign a case to an advocate). */
  signInUser(role: Role, name?: string): Promise<TestUser>;
  /** Everything the app logged so far (nothing unless LOG_LEVEL is overridden). */
  logs(): string;
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
  const logLines: string[] = [];
  const logStream = new Writable({
    write(chunk, _encoding, done) {
      logLines.push(String(chunk));
      done();
    },
  });
  const app = await createApp(config, { logStream });
  await app.init();

  // Users are made and signed in through the same services as POST /api/users and
  // login, minus the HTTP hop, so suites never trip the login throttle.
  const signInUser = async (role: Role, name = `Test ${role}`): Promise<TestUser> => {
    const email = `${role}-${randomUUID().slice(0, 8)}@test.secondlook.test`;
    const password = `pw-${randomUUID()}`;
    const account = await app.get(UsersService).create({ email, name, role, password });
    const user = await app.get(UsersService).findById(account.id);
    if (!user) throw new Error('test user vanished');
    const signedIn = await app.get(AuthService).startSession(user);
    return { id: account.id, email, password, role, authorization: `Bearer ${signedIn.body.accessToken}` };
  };

  return {
    app,
    http: app.getHttpServer(),
    config,
    signIn: async (role) => (await signInUser(role)).authorization,
    signInUser,
    logs: () => logLines.join(''),
    close: async () => {
      await app.close();
      await database.drop();
      await deleteRedisPrefix(config.REDIS_URL, prefix);
    },
  };
}
