import request from 'supertest';
import { DataSource } from 'typeorm';
import { startTestApp, type TestApp, type TestUser } from '../testing/test-app';
import { AdminBootstrap } from './admin-bootstrap.service';

const ADMIN_EMAIL = 'First.Admin@Clinic.Example';
const ADMIN_PASSWORD = 'first-admin-password';

describe('users', () => {
  let t: TestApp;
  let admin: TestUser;
  const newUser = (overrides: Record<string, unknown> = {}) => ({
    email: `new-${Math.random().toString(36).slice(2, 10)}@test.secondlook.test`,
    name: 'Nia New',
    role: 'advocate',
    password: 'a-long-enough-password',
    ...overrides,
  });

  beforeAll(async () => {
    t = await startTestApp({ ADMIN_EMAIL, ADMIN_PASSWORD });
    admin = await t.signInUser('admin');
  });
  afterAll(async () => {
    await t?.close();
  });

  it('creates the first admin from ADMIN_EMAIL and ADMIN_PASSWORD at start-up, once', async () => {
    const signedIn = await request(t.http).post('/api/auth/login').send({ email: ADMIN_EMAIL, password: ADMIN_PASSWORD }).expect(200);
    expect(signedIn.body.user).toMatchObject({ email: 'first.admin@clinic.example', role: 'admin' });

    await t.app.get(AdminBootstrap).onApplicationBootstrap();
    const [{ count }] = await t.app.get(DataSource).query(`SELECT count(*)::int AS count FROM users WHERE email = $1`, ['first.admin@clinic.example']);
    expect(count).toBe(1);
  });

  it('lets an admin create a user (201) who can then sign in; never answers the password hash', async () => {
    const body = newUser({ email: 'Mixed.Case@Test.SecondLook.test', role: 'coordinator' });
    const created = await request(t.http).post('/api/users').set('Authorization', admin.authorization).send(body).expect(201);
    expect(created.body).toEqual({ id: expect.any(String), email: 'mixed.case@test.secondlook.test', name: 'Nia New', role: 'coordinator', disabledAt: null, createdAt: expect.any(String) });
    expect(JSON.stringify(created.body)).not.toMatch(/argon|password/i);
    await request(t.http).post('/api/auth/login').send({ email: body.email, password: body.password }).expect(200);

    const list = await request(t.http).get('/api/users').set('Authorization', admin.authorization).expect(200);
    expect(list.body.items.map((u: { email: string }) => u.email)).toContain('mixed.case@test.secondlook.test');
    expect(JSON.stringify(list.body)).not.toMatch(/argon|password_hash|passwordHash/i);
  });

  it('answers 409 for an email already taken, whatever its case', async () => {
    const body = newUser();
    await request(t.http).post('/api/users').set('Authorization', admin.authorization).send(body).expect(201);
    const duplicate = await request(t.http).post('/api/users').set('Authorization', admin.authorization).send({ ...body, email: body.email.toUpperCase() }).expect(409);
    expect(duplicate.body).toMatchObject({ statusCode: 409, error: 'email-taken' });
  });

  it('validates: a short password, a bad role, an unknown field each answer 400 naming the field', async () => {
    const cases: Array<[Record<string, unknown>, string]> = [
      [newUser({ password: 'short' }), 'password'],
      [newUser({ role: 'superuser' }), 'role'],
      [newUser({ email: 'not-an-email' }), 'email'],
      [{ ...newUser(), isAdmin: true }, 'isAdmin'],
    ];
    for (const [body, field] of cases) {
      const response = await request(t.http).post('/api/users').set('Authorization', admin.authorization).send(body).expect(400);
      expect(response.body.details.map((d: { field: string }) => d.field)).toContain(field);
    }
  });

  it('disables, re-enables and changes the role of a user; disabling ends their sessions at once', async () => {
    const user = await t.signInUser('coordinator');
    await request(t.http).get('/api/cases').set('Authorization', user.authorization).expect(200);

    const disabled = await request(t.http).patch(`/api/users/${user.id}`).set('Authorization', admin.authorization).send({ disabled: true }).expect(200);
    expect(disabled.body.disabledAt).toEqual(expect.any(String));
    await request(t.http).get('/api/cases').set('Authorization', user.authorization).expect(401);
    await request(t.http).post('/api/auth/login').send({ email: user.email, password: user.password }).expect(401);

    const enabled = await request(t.http).patch(`/api/users/${user.id}`).set('Authorization', admin.authorization).send({ disabled: false, role: 'advocate' }).expect(200);
    expect(enabled.body).toMatchObject({ disabledAt: null, role: 'advocate' });
    const again = await request(t.http).post('/api/auth/login').send({ email: user.email, password: user.password }).expect(200);
    expect(again.body.user.role).toBe('advocate');
  });

  it('answers 404 for an unknown user and 400 for an empty change or a change to one’s own account', async () => {
    await request(t.http).patch('/api/users/00000000-0000-4000-8000-000000000000').set('Authorization', admin.authorization).send({ disabled: true }).expect(404);
    await request(t.http).patch('/api/users/not-a-uuid').set('Authorization', admin.authorization).send({ disabled: true }).expect(404);
    await request(t.http).patch(`/api/users/${admin.id}`).set('Authorization', admin.authorization).send({}).expect(400);
    const own = await request(t.http).patch(`/api/users/${admin.id}`).set('Authorization', admin.authorization).send({ disabled: true }).expect(400);
    expect(own.body.error).toBe('own-account');
  });
});
