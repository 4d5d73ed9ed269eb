import { DataSource } from 'typeorm';
import jwt from 'jsonwebtoken';
import request from 'supertest';
import { startTestApp, type TestApp, type TestUser } from '../testing/test-app';

const SECRET = 'integration-secret-integration-secret-0123456789';
const CSRF = { 'X-Requested-With': 'secondlook' };

function refreshCookieOf(response: request.Response): string | undefined {
  const cookies = ([] as string[]).concat(response.headers['set-cookie'] ?? []);
  return cookies.find((cookie) => cookie.startsWith('sl_refresh='));
}

/** The `name=value` pair a browser would send back. */
function cookiePair(setCookie: string | undefined): string {
  if (!setCookie) throw new Error('no refresh cookie was set');
  return setCookie.split(';')[0];
}

describe('sign-in, sessions and tokens', () => {
  let t: TestApp;
  let db: DataSource;
  let coordinator: TestUser;
  // A fresh source address per login keeps these tests clear of the per-address throttle.
  let address = 0;
  const login = (email: string, password: string) =>
    request(t.http).post('/api/auth/login').set('X-Forwarded-For', `198.51.100.${++address}`).send({ email, password });

  beforeAll(async () => {
    t = await startTestApp({ JWT_SECRET: SECRET, ACCESS_TOKEN_TTL_SECONDS: '600' });
    db = t.app.get(DataSource);
    coordinator = await t.signInUser('coordinator', 'Casey Login');
  });
  afterAll(async () => {
    await t?.close();
  });

  it('signs in: an access token, its expiry, the user, and an httpOnly strict refresh cookie on /api/auth', async () => {
    const started = Date.now();
    const response = await login(coordinator.email.toUpperCase(), coordinator.password).expect(200);
    expect(response.body).toEqual({
      accessToken: expect.any(String),
      expiresAt: expect.any(String),
      user: { id: coordinator.id, email: coordinator.email, name: 'Casey Login', role: 'coordinator' },
    });
    const expiresIn = Date.parse(response.body.expiresAt) - started;
    expect(expiresIn).toBeGreaterThan(590_000);
    expect(expiresIn).toBeLessThanOrEqual(601_000);
    expect(response.headers['cache-control']).toBe('no-store');
    const cookie = refreshCookieOf(response) ?? '';
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    expect(cookie).toMatch(/Path=\/api\/auth/);
    expect(cookie).not.toMatch(/Secure/); // plain http here; https requests get Secure

    const me = await request(t.http).get('/api/auth/me').set('Authorization', `Bearer ${response.body.accessToken}`).expect(200);
    expect(me.body).toEqual(response.body.user);
  });

  it('marks the cookie Secure when the request came over https (through a trusted proxy)', async () => {
    const response = await request(t.http)
      .post('/api/auth/login')
      .set('X-Forwarded-Proto', 'https')
      .set('X-Forwarded-For', '198.51.100.250')
      .send({ email: coordinator.email, password: coordinator.password })
      .expect(200);
    expect(refreshCookieOf(response)).toMatch(/; Secure/);
  });

  it('answers a wrong password and an unknown email identically', async () => {
    const wrongPassword = await login(coordinator.email, 'not-the-password').expect(401);
    const unknownEmail = await login('nobody@test.secondlook.test', 'not-the-password').expect(401);
    const strip = (body: Record<string, unknown>) => ({ ...body, requestId: undefined });
    expect(strip(wrongPassword.body)).toEqual(strip(unknownEmail.body));
    expect(wrongPassword.body).toMatchObject({ statusCode: 401, error: 'invalid-credentials', message: 'Email or password is wrong' });
    expect(refreshCookieOf(wrongPassword)).toBeUndefined();
  });

  it('refuses a disabled account with the same answer as a wrong password', async () => {
    const user = await t.signInUser('advocate');
    await db.query(`UPDATE users SET disabled_at = now() WHERE id = $1`, [user.id]);
    const response = await login(user.email, user.password).expect(401);
    expect(response.body.error).toBe('invalid-credentials');
  });

  it('requires a bearer token on every non-public route, answering 401 JSON with WWW-Authenticate', async () => {
    for (const path of ['/api/auth/me', '/api/cases', '/api/users', '/api/audit']) {
      const response = await request(t.http).get(path).expect(401);
      expect(response.body).toMatchObject({ statusCode: 401, error: 'authentication-required' });
      expect(response.headers['www-authenticate']).toMatch(/^Bearer/);
    }
    await request(t.http).get('/api/cases').set('Authorization', 'Basic dXNlcjpwYXNz').expect(401);
    await request(t.http).get('/api/cases').set('Authorization', 'Bearer').expect(401);
  });

  describe('tokens', () => {
    const sessionOf = async (user: TestUser): Promise<string> => {
      const [row] = (await db.query(`SELECT id FROM sessions WHERE user_id = $1 ORDER BY created_at DESC LIMIT 1`, [user.id])) as Array<{ id: string }>;
      return row.id;
    };
    const options = { algorithm: 'HS256' as const, issuer: 'secondlook', audience: 'secondlook-api' };

    it('accepts a token signed the way the api signs them (the control for the refusals below)', async () => {
      const token = jwt.sign({ sid: await sessionOf(coordinator) }, SECRET, { ...options, subject: coordinator.id, expiresIn: 60 });
      await request(t.http).get('/api/auth/me').set('Authorization', `Bearer ${token}`).expect(200);
    });

    it('answers an expired token with 401 token-expired', async () => {
      const past = Math.floor(Date.now() / 1000) - 120;
      const token = jwt.sign({ sid: await sessionOf(coordinator), iat: past - 600, exp: past }, SECRET, { ...options, subject: coordinator.id });
      const response = await request(t.http).get('/api/auth/me').set('Authorization', `Bearer ${token}`).expect(401);
      expect(response.body.error).toBe('token-expired');
    });

    it('refuses forged tokens: another key, alg none, a tampered payload, another audience', async () => {
      const sid = await sessionOf(coordinator);
      const otherKey = jwt.sign({ sid }, 'another-secret-another-secret-another-secret', { ...options, subject: coordinator.id, expiresIn: 60 });
      const genuine = jwt.sign({ sid }, SECRET, { ...options, subject: coordinator.id, expiresIn: 60 });
      const [header, , signature] = genuine.split('.');
      const tamperedPayload = Buffer.from(JSON.stringify({ sid, sub: '00000000-0000-4000-8000-000000000000', iss: 'secondlook', aud: 'secondlook-api', exp: 4102444800 })).toString('base64url');
      const none = `${Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url')}.${genuine.split('.')[1]}.`;
      const otherAudience = jwt.sign({ sid }, SECRET, { ...options, audience: 'someone-else', subject: coordinator.id, expiresIn: 60 });
      for (const token of [otherKey, `${header}.${tamperedPayload}.${signature}`, none, otherAudience, 'not.a.token']) {
        const response = await request(t.http).get('/api/auth/me').set('Authorization', `Bearer ${token}`).expect(401);
        expect(response.body.error).toBe('authentication-required');
      }
    });

    it('stops honouring the token of a user an admin disables, at once', async () => {
      const admin = await t.signInUser('admin');
      const disabled = await t.signInUser('coordinator');
      await request(t.http).get('/api/cases').set('Authorization', disabled.authorization).expect(200);
      await request(t.http).patch(`/api/users/${disabled.id}`).set('Authorization', admin.authorization).send({ disabled: true }).expect(200);
      await request(t.http).get('/api/cases').set('Authorization', disabled.authorization).expect(401);
    });

    it('stops honouring the token of a user deleted behind the api’s back within the session-check cache lifetime', async () => {
      const deleted = await t.signInUser('advocate');
      await request(t.http).get('/api/auth/me').set('Authorization', deleted.authorization).expect(200);
      await db.query(`DELETE FROM users WHERE id = $1`, [deleted.id]);
      await new Promise((resolve) => setTimeout(resolve, t.config.SESSION_CHECK_CACHE_MS + 50));
      await request(t.http).get('/api/auth/me').set('Authorization', deleted.authorization).expect(401);
    });

    it('applies a role change to the very next request', async () => {
      const admin = await t.signInUser('admin');
      const user = await t.signInUser('coordinator');
      await request(t.http).get('/api/cases').set('Authorization', user.authorization).expect(200);
      await request(t.http).patch(`/api/users/${user.id}`).set('Authorization', admin.authorization).send({ role: 'admin' }).expect(200);
      await request(t.http).get('/api/cases').set('Authorization', user.authorization).expect(403);
    });
  });

  describe('refresh and sign-out', () => {
    let user: TestUser;
    beforeAll(async () => {
      user = await t.signInUser('advocate');
    });

    it('needs the X-Requested-With header (CSRF), on refresh and on logout', async () => {
      const signedIn = await login(user.email, user.password).expect(200);
      const cookie = cookiePair(refreshCookieOf(signedIn));
      const refused = await request(t.http).post('/api/auth/refresh').set('Cookie', cookie).expect(403);
      expect(refused.body.error).toBe('csrf-header-missing');
      await request(t.http).post('/api/auth/refresh').set('Cookie', cookie).set('X-Requested-With', 'XMLHttpRequest').expect(403);
      await request(t.http).post('/api/auth/logout').set('Cookie', cookie).expect(403);
      // The refused requests changed nothing: the cookie still works.
      await request(t.http).post('/api/auth/refresh').set('Cookie', cookie).set(CSRF).expect(200);
    });

    it('rotates the refresh token; a just-rotated one still answers (two tabs), a stale replay revokes the session', async () => {
      const signedIn = await login(user.email, user.password).expect(200);
      const first = cookiePair(refreshCookieOf(signedIn));

      const refreshed = await request(t.http).post('/api/auth/refresh').set('Cookie', first).set(CSRF).expect(200);
      expect(refreshed.body).toEqual({ accessToken: expect.any(String), expiresAt: expect.any(String), user: expect.objectContaining({ id: user.id, role: 'advocate' }) });
      const second = cookiePair(refreshCookieOf(refreshed));
      expect(second).not.toBe(first);
      await request(t.http).get('/api/auth/me').set('Authorization', `Bearer ${refreshed.body.accessToken}`).expect(200);

      // A second tab presenting the old cookie moments later gets a token but no new cookie.
      const raced = await request(t.http).post('/api/auth/refresh').set('Cookie', first).set(CSRF).expect(200);
      expect(refreshCookieOf(raced)).toBeUndefined();

      // The same replay long after the rotation means the token was copied: end the session.
      await db.query(`UPDATE sessions SET rotated_at = now() - interval '10 minutes' WHERE id = $1`, [first.split('=')[1].split('.')[0]]);
      const replayed = await request(t.http).post('/api/auth/refresh').set('Cookie', first).set(CSRF).expect(401);
      expect(replayed.body.error).toBe('session-expired');
      expect(refreshCookieOf(replayed)).toMatch(/sl_refresh=;/);
      await request(t.http).post('/api/auth/refresh').set('Cookie', second).set(CSRF).expect(401);
      await request(t.http).get('/api/auth/me').set('Authorization', `Bearer ${refreshed.body.accessToken}`).expect(401);
    });

    it('signs out: the cookie is cleared, the session revoked, and its access token refused', async () => {
      const signedIn = await login(user.email, user.password).expect(200);
      const cookie = cookiePair(refreshCookieOf(signedIn));
      const bearer = `Bearer ${signedIn.body.accessToken}`;
      await request(t.http).get('/api/auth/me').set('Authorization', bearer).expect(200);

      const out = await request(t.http).post('/api/auth/logout').set('Cookie', cookie).set(CSRF).expect(204);
      expect(refreshCookieOf(out)).toMatch(/sl_refresh=;.*Path=\/api\/auth/);
      await request(t.http).get('/api/auth/me').set('Authorization', bearer).expect(401);
      await request(t.http).post('/api/auth/refresh').set('Cookie', cookie).set(CSRF).expect(401);
      // Signing out twice, or without a cookie, is not an error.
      await request(t.http).post('/api/auth/logout').set('Cookie', cookie).set(CSRF).expect(204);
      await request(t.http).post('/api/auth/logout').set(CSRF).expect(204);
    });

    it('ends an idle session: no refresh after the idle timeout', async () => {
      const signedIn = await login(user.email, user.password).expect(200);
      const cookie = cookiePair(refreshCookieOf(signedIn));
      await db.query(`UPDATE sessions SET idle_expires_at = now() - interval '1 second' WHERE id = $1`, [cookie.split('=')[1].split('.')[0]]);
      await request(t.http).post('/api/auth/refresh').set('Cookie', cookie).set(CSRF).expect(401);
    });

    it('refuses a refresh without a cookie or with a malformed one', async () => {
      await request(t.http).post('/api/auth/refresh').set(CSRF).expect(401);
      await request(t.http).post('/api/auth/refresh').set('Cookie', 'sl_refresh=garbage').set(CSRF).expect(401);
      await request(t.http).post('/api/auth/refresh').set('Cookie', `sl_refresh=${user.id}.${'A'.repeat(43)}`).set(CSRF).expect(401);
    });
  });
});
