import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { createApp } from '../bootstrap/create-app';
import { startTestApp, type TestApp } from '../testing/test-app';

/** Polls until the request answers `status`, so the test waits for a broadcast, not a fixed sleep. */
async function eventually(send: () => Promise<request.Response>, status: number, withinMs: number): Promise<request.Response> {
  const deadline = Date.now() + withinMs;
  for (;;) {
    const response = await send();
    if (response.status === status || Date.now() > deadline) return response;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

describe('the session-check cache across api replicas', () => {
  let t: TestApp;
  let replica: NestExpressApplication;

  beforeAll(async () => {
    // A minute-long cache: only the Redis broadcast can explain another replica noticing within a second.
    // Both replicas must share the signing key, as real ones do.
    t = await startTestApp({ SESSION_CHECK_CACHE_MS: '60000', JWT_SECRET: 'replica-secret-replica-secret-0123456789' });
    replica = await createApp(t.config);
    await replica.init();
  });
  afterAll(async () => {
    await replica?.close();
    await t?.close();
  });

  it('lets the other replica refuse a user the moment an admin disables them', async () => {
    const admin = await t.signInUser('admin');
    const user = await t.signInUser('coordinator');
    await request(replica.getHttpServer()).get('/api/cases').set('Authorization', user.authorization).expect(200);

    await request(t.http).patch(`/api/users/${user.id}`).set('Authorization', admin.authorization).send({ disabled: true }).expect(200);
    const after = await eventually(() => request(replica.getHttpServer()).get('/api/cases').set('Authorization', user.authorization), 401, 1000);
    expect(after.status).toBe(401);
  });

  it('applies a role change on the other replica at once', async () => {
    const admin = await t.signInUser('admin');
    const user = await t.signInUser('coordinator');
    await request(replica.getHttpServer()).get('/api/audit').set('Authorization', user.authorization).expect(403);

    await request(t.http).patch(`/api/users/${user.id}`).set('Authorization', admin.authorization).send({ role: 'admin' }).expect(200);
    const after = await eventually(() => request(replica.getHttpServer()).get('/api/audit').set('Authorization', user.authorization), 200, 1000);
    expect(after.status).toBe(200);
  });

  it('answers from the cache while no change was announced: a session revoked behind the api’s back still passes', async () => {
    const user = await t.signInUser('coordinator');
    await request(t.http).get('/api/auth/me').set('Authorization', user.authorization).expect(200);
    await t.app.get(DataSource).query(`UPDATE sessions SET revoked_at = now() WHERE user_id = $1`, [user.id]);
    await request(t.http).get('/api/auth/me').set('Authorization', user.authorization).expect(200);
    // A replica that had not cached it asks PostgreSQL and refuses.
    await request(replica.getHttpServer()).get('/api/auth/me').set('Authorization', user.authorization).expect(401);
  });

  it('does not keep the api from starting and serving while Redis is unreachable', async () => {
    const user = await t.signInUser('coordinator');
    const withoutRedis = await createApp({ ...t.config, REDIS_URL: 'redis://127.0.0.1:1' });
    try {
      await withoutRedis.init();
      await request(withoutRedis.getHttpServer()).get('/api/auth/me').set('Authorization', user.authorization).expect(200);
    } finally {
      await withoutRedis.close();
    }
  });
});
