import request from 'supertest';
import { startTestApp, type TestApp, type TestUser } from '../testing/test-app';

describe('login throttling', () => {
  let t: TestApp;
  let user: TestUser;
  const attempt = (email: string, password: string, from: string) =>
    request(t.http).post('/api/auth/login').set('X-Forwarded-For', from).send({ email, password });

  beforeAll(async () => {
    t = await startTestApp();
    user = await t.signInUser('coordinator');
  });
  afterAll(async () => {
    await t?.close();
  });

  it('answers 429 with Retry-After once one account sees a burst, from whatever addresses, even with the right password', async () => {
    // The documented defaults: 5 per account, 20 per address, per minute.
    expect([t.config.LOGIN_LIMIT_PER_ACCOUNT, t.config.LOGIN_LIMIT_PER_ADDRESS]).toEqual([5, 20]);
    for (let i = 1; i <= t.config.LOGIN_LIMIT_PER_ACCOUNT; i++) {
      await attempt(user.email, 'wrong-password', `203.0.113.${i}`).expect(401);
    }
    const throttled = await attempt(user.email.toUpperCase(), 'wrong-password', '203.0.113.99').expect(429);
    expect(throttled.body).toMatchObject({ statusCode: 429, error: 'too-many-sign-in-attempts' });
    expect(Number(throttled.headers['retry-after-login-account'])).toBeGreaterThan(0);
    await attempt(user.email, user.password, '203.0.113.100').expect(429);
  });

  it('answers 429 once one address sprays many accounts, while other addresses still sign in', async () => {
    for (let i = 1; i <= t.config.LOGIN_LIMIT_PER_ADDRESS; i++) {
      await attempt(`sprayed-${i}@test.secondlook.test`, 'wrong-password', '192.0.2.7').expect(401);
    }
    const throttled = await attempt('sprayed-last@test.secondlook.test', 'wrong-password', '192.0.2.7').expect(429);
    expect(throttled.body.error).toBe('too-many-sign-in-attempts');

    const other = await t.signInUser('advocate');
    await attempt(other.email, other.password, '192.0.2.8').expect(200);
  });

  it('counts in Redis under the app prefix, never the email in clear', async () => {
    const Redis = (await import('ioredis')).default;
    const redis = new Redis(t.config.REDIS_URL);
    try {
      const keys = await redis.keys(`${t.config.REDIS_PREFIX}:throttle:*`);
      expect(keys.length).toBeGreaterThan(0);
      expect(keys.join('\n')).not.toContain('@');
    } finally {
      redis.disconnect();
    }
  });
});
