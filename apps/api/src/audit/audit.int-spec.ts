import request from 'supertest';
import { DataSource } from 'typeorm';
import { startTestApp, type TestApp, type TestUser } from '../testing/test-app';

const PATIENT = { firstName: 'Audra', lastName: 'Trailwright', dateOfBirth: '1961-02-17', mrn: '55501234' };

interface Row {
  actor_id: string;
  actor_role: string;
  action: string;
  case_id: string | null;
  request_id: string;
  source_address: string;
  outcome: number;
}

describe('audit trail', () => {
  let t: TestApp;
  let db: DataSource;
  let coordinator: TestUser;
  let advocate: TestUser;
  let otherAdvocate: TestUser;
  let admin: TestUser;
  let caseId: string;

  const rowsFor = async (actorId: string): Promise<Row[]> =>
    db.query(`SELECT actor_id, actor_role, action, case_id, request_id, source_address, outcome FROM audit_log WHERE actor_id = $1 ORDER BY id`, [actorId]);

  beforeAll(async () => {
    t = await startTestApp();
    db = t.app.get(DataSource);
    [coordinator, advocate, otherAdvocate, admin] = await Promise.all([
      t.signInUser('coordinator'),
      t.signInUser('advocate'),
      t.signInUser('advocate'),
      t.signInUser('admin'),
    ]);
    const opened = await request(t.http)
      .post('/api/cases')
      .set('Authorization', coordinator.authorization)
      .send({ patient: PATIENT, reasons: ['felt-dismissed'], urgency: 'soon', specialty: 'Neurology' })
      .expect(201);
    caseId = opened.body.id;
    await request(t.http).post(`/api/cases/${caseId}/commands/assign-advocate`).set('Authorization', coordinator.authorization).send({ advocateId: advocate.id }).expect(200);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('records every case read and command of a coordinator, answered or refused, with request id and address', async () => {
    const auth = coordinator.authorization;
    await request(t.http).get('/api/cases').set('Authorization', auth).expect(200);
    const detail = await request(t.http).get(`/api/cases/${caseId}`).set('Authorization', auth).set('X-Request-Id', 'audit-read-1').expect(200);
    await request(t.http).get(`/api/cases/${caseId}/events`).set('Authorization', auth).expect(200);
    await request(t.http).post(`/api/cases/${caseId}/commands/add-note`).set('Authorization', auth).set('If-Match', '"99"').send({ text: 'stale' }).expect(412);
    await request(t.http).post(`/api/cases/${caseId}/commands/add-note`).set('Authorization', auth).send({ text: 'Called back.' }).expect(200);
    await request(t.http).post(`/api/cases/${caseId}/commands/add-note`).set('Authorization', auth).send({ nope: 1 }).expect(400);
    await request(t.http).get('/api/cases/00000000-0000-4000-8000-000000000000').set('Authorization', auth).expect(404);
    expect(detail.headers['x-request-id']).toBe('audit-read-1');

    const rows = await rowsFor(coordinator.id);
    expect(rows.map((r) => [r.action, r.case_id, r.outcome])).toEqual([
      ['case.command:open-case', caseId, 201],
      ['case.command:assign-advocate', caseId, 200],
      ['case.list', null, 200],
      ['case.read', caseId, 200],
      ['case.events.read', caseId, 200],
      ['case.command:add-note', caseId, 412],
      ['case.command:add-note', caseId, 200],
      ['case.command:add-note', caseId, 400],
      ['case.read', '00000000-0000-4000-8000-000000000000', 404],
    ]);
    expect(rows.every((r) => r.actor_role === 'coordinator' && r.source_address.length > 0 && r.request_id.length > 0)).toBe(true);
    expect(rows.find((r) => r.request_id === 'audit-read-1')?.action).toBe('case.read');
  });

  it('records the refusals of the access rules: an unassigned advocate (404) and an admin (403)', async () => {
    await request(t.http).get(`/api/cases/${caseId}`).set('Authorization', otherAdvocate.authorization).expect(404);
    await request(t.http).post(`/api/cases/${caseId}/commands/add-note`).set('Authorization', otherAdvocate.authorization).send({ text: 'x' }).expect(404);
    await request(t.http).get(`/api/cases/${caseId}/events`).set('Authorization', admin.authorization).expect(403);
    await request(t.http).get(`/api/cases/${caseId}`).set('Authorization', advocate.authorization).expect(200);

    expect((await rowsFor(otherAdvocate.id)).map((r) => [r.action, r.case_id, r.outcome])).toEqual([
      ['case.read', caseId, 404],
      ['case.command:add-note', caseId, 404],
    ]);
    expect((await rowsFor(admin.id)).map((r) => [r.action, r.outcome])).toEqual([['case.events.read', 403]]);
    expect((await rowsFor(advocate.id)).map((r) => [r.action, r.outcome])).toEqual([['case.read', 200]]);
  });

  it('keeps patient data out of the trail', async () => {
    const everything = JSON.stringify(await db.query(`SELECT * FROM audit_log`));
    for (const value of Object.values(PATIENT)) expect(everything).not.toContain(value);
  });

  it('is append-only: UPDATE, DELETE and TRUNCATE fail even for the app’s own role', async () => {
    await expect(db.query(`UPDATE audit_log SET outcome = 200`)).rejects.toThrow(/append-only/);
    await expect(db.query(`DELETE FROM audit_log`)).rejects.toThrow(/append-only/);
    await expect(db.query(`TRUNCATE audit_log`)).rejects.toThrow(/append-only/);
    const [{ count }] = await db.query(`SELECT count(*)::int AS count FROM audit_log WHERE outcome <> 200`);
    expect(count).toBeGreaterThan(0);
  });

  it('serves the trail to admins only, newest first, filtered and keyset-paginated', async () => {
    await request(t.http).get('/api/audit').set('Authorization', coordinator.authorization).expect(403);
    await request(t.http).get('/api/audit').set('Authorization', advocate.authorization).expect(403);

    const all = await request(t.http).get(`/api/audit?caseId=${caseId}&limit=200`).set('Authorization', admin.authorization).expect(200);
    expect(all.body.nextCursor).toBeNull();
    expect(all.body.items).toHaveLength(11);
    expect(all.body.items[0]).toEqual({
      id: expect.any(String),
      at: expect.any(String),
      actorId: advocate.id,
      actorRole: 'advocate',
      actorEmail: advocate.email,
      action: 'case.read',
      caseId,
      requestId: expect.any(String),
      sourceAddress: expect.any(String),
      outcome: 200,
    });
    const ids = all.body.items.map((i: { id: string }) => Number(i.id));
    expect(ids).toEqual([...ids].sort((a, b) => b - a));

    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: request.Response = await request(t.http)
        .get(`/api/audit?caseId=${caseId}&limit=5${cursor ? `&cursor=${cursor}` : ''}`)
        .set('Authorization', admin.authorization)
        .expect(200);
      seen.push(...page.body.items.map((i: { id: string }) => i.id));
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(seen).toEqual(all.body.items.map((i: { id: string }) => i.id));

    const byActor = await request(t.http).get(`/api/audit?actorId=${otherAdvocate.id}`).set('Authorization', admin.authorization).expect(200);
    expect(byActor.body.items.every((i: { actorId: string }) => i.actorId === otherAdvocate.id)).toBe(true);
    expect(byActor.body.items).toHaveLength(2);

    const future = new Date(Date.now() + 3_600_000).toISOString();
    const none = await request(t.http).get(`/api/audit?from=${encodeURIComponent(future)}`).set('Authorization', admin.authorization).expect(200);
    expect(none.body.items).toEqual([]);
    const until = await request(t.http).get(`/api/audit?to=${encodeURIComponent(future)}&limit=1`).set('Authorization', admin.authorization).expect(200);
    expect(until.body.items).toHaveLength(1);

    const bad = await request(t.http).get('/api/audit?caseId=nope&limit=0&extra=1').set('Authorization', admin.authorization).expect(400);
    expect(bad.body.details.map((d: { field: string }) => d.field)).toEqual(expect.arrayContaining(['caseId', 'limit', 'extra']));
  });

  it('commits a command’s audit row in the same transaction as its events', async () => {
    const done = await request(t.http).post(`/api/cases/${caseId}/commands/add-note`).set('Authorization', coordinator.authorization).set('X-Request-Id', 'audit-same-tx').send({ text: 'One commit.' }).expect(200);
    const rows: Array<{ same_transaction: boolean }> = await db.query(
      `SELECT (e.transaction_id::text::numeric % 4294967296)::text = a.xmin::text AS same_transaction
         FROM audit_log a JOIN event_store.events e ON e.metadata->>'requestId' = a.request_id
        WHERE a.request_id = 'audit-same-tx' AND e.stream_version = $1`,
      [done.body.version],
    );
    expect(rows).toEqual([{ same_transaction: true }]);
  });
});
