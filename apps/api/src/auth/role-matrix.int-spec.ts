import request from 'supertest';
import { startTestApp, type TestApp, type TestUser } from '../testing/test-app';

/**
 * Every route × every kind of caller. A row per route; a new route without a
 * row fails the completeness test at the bottom, so the matrix cannot go stale.
 *
 * Columns: coordinator, the advocate assigned to the case, another advocate,
 * an admin, and nobody signed in.
 */
type Caller = 'coordinator' | 'advocate' | 'otherAdvocate' | 'admin' | 'anonymous';
const CALLERS: Caller[] = ['coordinator', 'advocate', 'otherAdvocate', 'admin', 'anonymous'];

interface Fixture {
  caseId: string;
  documentId: string;
  recordsRequestId: string;
  userId: string;
}

interface Row {
  method: 'GET' | 'POST' | 'PATCH' | 'PUT';
  /** The route as Express knows it, e.g. `/api/cases/:id`; placeholders are filled from the fixture. */
  route: string;
  send?: (caller: Caller) => object;
  attach?: boolean;
  headers?: Record<string, string>;
  expect: [coordinator: number, advocate: number, otherAdvocate: number, admin: number, anonymous: number];
}

const uniqueEmail = (): string => `matrix-${Math.random().toString(36).slice(2, 10)}@test.secondlook.test`;
const CSRF = { 'X-Requested-With': 'secondlook' };

const MATRIX: Row[] = [
  { method: 'GET', route: '/api/health', expect: [200, 200, 200, 200, 200] },
  { method: 'GET', route: '/api/openapi.json', expect: [200, 200, 200, 200, 200] },
  { method: 'POST', route: '/api/auth/login', send: () => ({ email: 'nobody@test.secondlook.test', password: 'wrong-password' }), expect: [401, 401, 401, 401, 401] },
  { method: 'POST', route: '/api/auth/refresh', headers: CSRF, expect: [401, 401, 401, 401, 401] },
  { method: 'POST', route: '/api/auth/logout', headers: CSRF, expect: [204, 204, 204, 204, 204] },
  { method: 'GET', route: '/api/auth/me', expect: [200, 200, 200, 200, 401] },
  { method: 'GET', route: '/api/users', expect: [403, 403, 403, 200, 401] },
  { method: 'POST', route: '/api/users', send: () => ({ email: uniqueEmail(), name: 'Matrix', role: 'advocate', password: 'matrix-password-1' }), expect: [403, 403, 403, 201, 401] },
  { method: 'PATCH', route: '/api/users/:id', send: () => ({ role: 'advocate' }), expect: [403, 403, 403, 200, 401] },
  { method: 'GET', route: '/api/staff', expect: [200, 200, 200, 200, 401] },
  // The fixture's case keeps its patient: an unknown case id shows the admin reached the handler.
  { method: 'POST', route: '/api/erasures', send: () => ({ caseId: '0f0f0f0f-0000-4000-8000-000000000000' }), expect: [403, 403, 403, 404, 401] },
  { method: 'GET', route: '/api/audit', expect: [403, 403, 403, 200, 401] },
  { method: 'GET', route: '/api/cases', expect: [200, 200, 200, 403, 401] },
  { method: 'POST', route: '/api/cases', send: () => ({ patient: { firstName: 'Mat', lastName: 'Rix', dateOfBirth: '1970-01-01' }, reasons: ['unclear-diagnosis'], urgency: 'routine', specialty: 'Oncology' }), expect: [201, 201, 201, 403, 401] },
  { method: 'GET', route: '/api/cases/counts', expect: [200, 200, 200, 403, 401] },
  { method: 'GET', route: '/api/cases/:id', expect: [200, 200, 404, 403, 401] },
  { method: 'GET', route: '/api/cases/:id/events', expect: [200, 200, 404, 403, 401] },
  { method: 'POST', route: '/api/cases/:id/commands/:command', send: () => ({ text: 'A note.' }), expect: [200, 200, 404, 403, 401] },
  { method: 'GET', route: '/api/cases/:id/documents', expect: [200, 200, 404, 403, 401] },
  { method: 'POST', route: '/api/cases/:id/documents', attach: true, expect: [201, 201, 404, 403, 401] },
  { method: 'GET', route: '/api/cases/:id/documents/:documentId/content', expect: [200, 200, 404, 403, 401] },
  { method: 'GET', route: '/api/cases/:id/records-requests/:requestId/transfer', expect: [200, 200, 404, 403, 401] },
  // No transfer failed, so there is nothing to retry: 409 shows the handler was reached.
  { method: 'POST', route: '/api/cases/:id/records-requests/:requestId/retry', expect: [409, 409, 404, 403, 401] },
  { method: 'GET', route: '/api/providers', expect: [200, 403, 403, 200, 401] },
  { method: 'POST', route: '/api/providers', send: () => ({ name: `Matrix Clinic ${Math.random()}`, fhirBaseUrl: 'https://fhir.example.test/r4' }), expect: [201, 403, 403, 201, 401] },
  { method: 'GET', route: '/api/reports/:measure', expect: [200, 403, 403, 200, 401] },
  // No consent was recorded on the case, so writing answers is refused after the access checks.
  { method: 'PUT', route: '/api/cases/:id/equity-profile', send: () => ({}), expect: [409, 409, 404, 403, 401] },
  { method: 'GET', route: '/api/equity-profiles/:id', expect: [403, 403, 403, 404, 401] },
];

function fill(route: string, f: Fixture): string {
  if (route.startsWith('/api/users/')) return route.replace(':id', f.userId);
  return route
    .replace(':id', f.caseId)
    .replace(':command', 'add-note')
    .replace(':documentId', f.documentId)
    .replace(':requestId', f.recordsRequestId)
    .replace(':measure', 'time-to-opinion');
}

describe('role-by-route matrix', () => {
  let t: TestApp;
  const users = {} as Record<Exclude<Caller, 'anonymous'>, TestUser>;
  const fixture = {} as Fixture;

  beforeAll(async () => {
    t = await startTestApp({ DOCUMENTS_DIR: `/tmp/secondlook-matrix-${process.pid}` });
    users.coordinator = await t.signInUser('coordinator');
    users.advocate = await t.signInUser('advocate');
    users.otherAdvocate = await t.signInUser('advocate');
    users.admin = await t.signInUser('admin');
    const auth = users.coordinator.authorization;

    const opened = await request(t.http)
      .post('/api/cases')
      .set('Authorization', auth)
      .send({ patient: { firstName: 'Rowan', lastName: 'Matrix', dateOfBirth: '1980-05-05' }, reasons: ['felt-dismissed'], urgency: 'urgent', specialty: 'Neurology' })
      .expect(201);
    fixture.caseId = opened.body.id;
    await request(t.http).post(`/api/cases/${fixture.caseId}/commands/assign-advocate`).set('Authorization', auth).send({ advocateId: users.advocate.id }).expect(200);
    const uploaded = await request(t.http)
      .post(`/api/cases/${fixture.caseId}/documents`)
      .set('Authorization', auth)
      .field('kind', 'imaging-files')
      .attach('file', Buffer.from('%PDF-1.4 matrix'), { filename: 'scan.pdf', contentType: 'application/pdf' })
      .expect(201);
    fixture.documentId = uploaded.body.id;
    await request(t.http)
      .post(`/api/cases/${fixture.caseId}/commands/request-records`)
      .set('Authorization', auth)
      .send({ fromProvider: 'Dr. Current', toProvider: 'Lakeside', documents: [{ kind: 'imaging-files', description: 'MRI', documentId: fixture.documentId }] })
      .expect(200);
    const detail = await request(t.http).get(`/api/cases/${fixture.caseId}`).set('Authorization', auth).expect(200);
    fixture.recordsRequestId = firstRequestId(detail.body.state) ?? '00000000-0000-4000-8000-000000000000';
    fixture.userId = (await t.signInUser('advocate')).id;
  });
  afterAll(async () => {
    await t?.close();
  });

  const cells = MATRIX.flatMap((row) => CALLERS.map((caller, i) => ({ row, caller, status: row.expect[i] })));
  it.each(cells.map((c) => [`${c.row.method} ${c.row.route}`, c.caller, c.status, c] as const))('%s as %s → %i', async (_route, caller, status, { row }) => {
    let req = request(t.http)[row.method.toLowerCase() as 'get' | 'post' | 'patch' | 'put'](fill(row.route, fixture));
    if (caller !== 'anonymous') req = req.set('Authorization', users[caller].authorization);
    if (row.headers) req = req.set(row.headers);
    if (row.attach) req = req.field('kind', 'other').attach('file', Buffer.from('note'), { filename: 'note.txt', contentType: 'text/plain' });
    const response = row.send ? await req.send(row.send(caller)) : await req;
    expect({ status: response.status, error: response.body?.error }).toMatchObject({ status });
    if (status >= 400) expect(response.headers['content-type']).toMatch(/application\/json/);
  });

  it('answers an unassigned advocate exactly as it answers a case that does not exist', async () => {
    const hidden = await request(t.http).get(`/api/cases/${fixture.caseId}`).set('Authorization', users.otherAdvocate.authorization).expect(404);
    const missing = await request(t.http).get('/api/cases/00000000-0000-4000-8000-000000000000').set('Authorization', users.coordinator.authorization).expect(404);
    expect({ ...hidden.body, requestId: undefined }).toEqual({ ...missing.body, requestId: undefined });
  });

  it('has a row for every route the api serves', () => {
    const served = servedRoutes(t).filter((route) => route.includes(' /api/'));
    expect(served).toEqual(expect.arrayContaining(['GET /api/cases/:id', 'POST /api/auth/login']));
    const covered = MATRIX.map((row) => `${row.method} ${row.route}`);
    expect(served.filter((route) => !covered.includes(route))).toEqual([]);
  });
});

function firstRequestId(value: unknown): string | undefined {
  if (!value || typeof value !== 'object') return undefined;
  if (Array.isArray(value)) return value.map(firstRequestId).find(Boolean);
  const record = value as Record<string, unknown>;
  if (typeof record['requestId'] === 'string') return record['requestId'];
  return Object.values(record).map(firstRequestId).find(Boolean);
}

/** `METHOD /path` of every route a controller declares (not the all-methods catch-alls of middleware). */
function servedRoutes(t: TestApp): string[] {
  const express = t.app.getHttpAdapter().getInstance() as { router?: { stack: Layer[] }; _router?: { stack: Layer[] } };
  const stack = (express.router ?? express._router)?.stack ?? [];
  return stack.flatMap((layer) => {
    const methods = layer.route ? Object.keys(layer.route.methods).filter((m) => layer.route?.methods[m]) : [];
    return methods.length > 0 && methods.length <= 3 ? methods.map((m) => `${m.toUpperCase()} ${layer.route?.path}`) : [];
  });
}

interface Layer {
  route?: { path: string; methods: Record<string, boolean> };
}
