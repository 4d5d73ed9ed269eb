import { caseStreamId, foldStoredCase, readCaseSnapshot } from '@secondlook/case-application';
import { EventStore } from '@secondlook/event-store';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { startTestApp, type TestApp } from '../testing/test-app';

const newCase = {
  patient: { firstName: 'Morgan', lastName: 'Commandson', dateOfBirth: '1988-08-08' },
  reasons: ['treatment-not-working'],
  urgency: 'routine',
  specialty: 'Gastroenterology',
};

describe('case commands, detail, events and counts over HTTP', () => {
  let t: TestApp;
  let http: request.Agent;

  beforeAll(async () => {
    t = await startTestApp();
    http = request.agent(t.http).set('Authorization', await t.signIn('coordinator'));
  });
  afterAll(async () => {
    await t?.close();
  });

  async function openCase(): Promise<string> {
    const response = await http.post('/api/cases').send(newCase).expect(201);
    return response.body.id as string;
  }

  it('applies a command: 200 with the new version and ETag, visible in detail and events', async () => {
    const id = await openCase();
    const noted = await http.post(`/api/cases/${id}/commands/add-note`).send({ text: 'Called the patient.' }).expect(200);
    expect(noted.body).toEqual({ id, version: 2 });
    expect(noted.headers.etag).toBe('"2"');

    const detail = await http.get(`/api/cases/${id}`).expect(200);
    expect(detail.headers.etag).toBe('"2"');
    expect(detail.body).toMatchObject({ id, version: 2, phase: 'intake', patient: { name: 'Morgan Commandson', dateOfBirth: '1988-08-08' } });
    expect(detail.body.state.notesCount).toBe(1);
    expect(detail.body.nextSteps.length).toBeGreaterThan(0);

    const events = await http.get(`/api/cases/${id}/events`).expect(200);
    expect(events.body.items.map((e: { type: string }) => e.type)).toEqual(['CaseOpened', 'NoteAdded']);
    expect(events.body.items[1]).toMatchObject({ streamVersion: 2, metadata: { actorId: expect.any(String), requestId: expect.any(String), correlationId: expect.any(String) } });
    expect(typeof events.body.items[1].description).toBe('string');
  });

  it('walks a case to a recorded decision and closes it', async () => {
    const id = await openCase();
    const steps: Array<[string, object]> = [
      ['inform-current-doctor', {}],
      ['request-referral', {}],
      ['receive-referral', {}],
      ['select-provider', { providerName: 'Lakeside Clinic', inNetwork: true, foundVia: 'referral' }],
      ['request-records', { fromProvider: 'Dr. Current', toProvider: 'Lakeside Clinic', documents: [{ kind: 'pathology-slides', description: 'Biopsy slides' }] }],
      ['log-dismissal-concern', { description: 'Symptoms were brushed off', occurredOn: '2026-10-01', patientRequestedRecordAddendum: true }],
    ];
    let version = 1;
    for (const [command, body] of steps) {
      const response = await http.post(`/api/cases/${id}/commands/${command}`).send(body);
      expect({ command, status: response.status, body: response.body }).toMatchObject({ command, status: 200 });
      version = response.body.version;
    }
    const detail = await http.get(`/api/cases/${id}`).expect(200);
    expect(detail.body.version).toBe(version);
    expect(detail.body.riskFlags).toContain('dismissal-concern-not-on-record');
    const list = await http.get('/api/cases?risk=dismissal-concern-not-on-record').expect(200);
    expect(list.body.items.map((i: { id: string }) => i.id)).toContain(id);

    await http.post(`/api/cases/${id}/commands/close-case`).send({ outcome: 'no-longer-needed' }).expect(200);
    const closedAgain = await http.post(`/api/cases/${id}/commands/close-case`).send({ outcome: 'no-longer-needed' }).expect(409);
    expect(closedAgain.body).toMatchObject({ statusCode: 409, error: expect.any(String), message: expect.any(String) });
    expect((await http.get(`/api/cases/${id}`).expect(200)).body.phase).toBe('closed');
  });

  it('refuses a command the case is not ready for with 409 and the domain reason, writing nothing', async () => {
    const id = await openCase();
    const refused = await http.post(`/api/cases/${id}/commands/approve-pre-auth`).send({}).expect(409);
    expect(refused.body.message).toMatch(/pre-?auth/i);
    const events = await http.get(`/api/cases/${id}/events`).expect(200);
    expect(events.body.items).toHaveLength(1);
  });

  it('answers 400 naming each bad field, 404 for unknown commands and cases', async () => {
    const id = await openCase();
    const bad = await http.post(`/api/cases/${id}/commands/add-note`).send({ text: '', colour: 'red' }).expect(400);
    expect(bad.body.details.map((d: { field: string }) => d.field)).toEqual(expect.arrayContaining(['text', 'colour']));
    await http.post(`/api/cases/${id}/commands/approve-everything`).send({}).expect(404);
    await http.post('/api/cases/9b2f0a53-4a58-4c0e-9d6e-3f3f8f0f0f0f/commands/add-note').send({ text: 'x' }).expect(404);
    await http.get('/api/cases/9b2f0a53-4a58-4c0e-9d6e-3f3f8f0f0f0f').expect(404);
    await http.get('/api/cases/not-a-uuid/events').expect(404);
    await http.post(`/api/cases/${id}/commands/add-note`).set('If-Match', 'yesterday').send({ text: 'x' }).expect(400);
  });

  it('lets exactly one of several writers with the same If-Match win; the rest get 412', async () => {
    const id = await openCase();
    const responses = await Promise.all(
      Array.from({ length: 8 }, (_, i) => http.post(`/api/cases/${id}/commands/add-note`).set('If-Match', '"1"').send({ text: `writer ${i}` })),
    );
    const statuses = responses.map((r) => r.status).sort();
    expect(statuses.filter((s) => s === 200)).toHaveLength(1);
    expect(statuses.filter((s) => s === 412)).toHaveLength(7);
    const stale = responses.find((r) => r.status === 412);
    expect(stale?.body).toMatchObject({ error: 'stale-version', details: { expectedVersion: 1, actualVersion: 2 } });
    const events = await http.get(`/api/cases/${id}/events`).expect(200);
    expect(events.body.items.map((e: { streamVersion: number }) => e.streamVersion)).toEqual([1, 2]);
  });

  it('applies concurrent writers without If-Match one after another, losing none', async () => {
    const id = await openCase();
    await Promise.all(Array.from({ length: 6 }, (_, i) => http.post(`/api/cases/${id}/commands/add-note`).send({ text: `note ${i}` }).expect(200)));
    const detail = await http.get(`/api/cases/${id}`).expect(200);
    expect(detail.body).toMatchObject({ version: 7, state: { notesCount: 6 } });
  });

  it('decides on a snapshot that always equals the folded stream, even under concurrent writers', async () => {
    const id = await openCase();
    const steps: Array<[string, object]> = [
      ['inform-current-doctor', {}],
      ['request-referral', {}],
      ['decline-referral', { reason: 'Doctor refused' }],
      ['log-dismissal-concern', { description: 'Pain dismissed', occurredOn: '2026-09-01', patientRequestedRecordAddendum: true }],
    ];
    for (const [command, body] of steps) await http.post(`/api/cases/${id}/commands/${command}`).send(body).expect(200);
    await Promise.all(Array.from({ length: 5 }, (_, i) => http.post(`/api/cases/${id}/commands/add-note`).send({ text: `racing note ${i}` }).expect(200)));

    const snapshot = await readCaseSnapshot(t.app.get(DataSource), id);
    const history = await t.app.get(EventStore).readStream(caseStreamId(id));
    expect(snapshot?.version).toBe(history.length);
    expect(snapshot?.state).toEqual(JSON.parse(JSON.stringify(foldStoredCase(history))));
  });

  it('answers an idempotent retry as the first time, even after the case moved on', async () => {
    const id = await openCase();
    const first = await http.post(`/api/cases/${id}/commands/close-case`).set('Idempotency-Key', 'close-1').send({ outcome: 'duplicate' }).expect(200);
    const retry = await http.post(`/api/cases/${id}/commands/close-case`).set('Idempotency-Key', 'close-1').send({ outcome: 'duplicate' }).expect(200);
    expect(retry.body).toEqual(first.body);
    const events = await http.get(`/api/cases/${id}/events`).expect(200);
    expect(events.body.items.filter((e: { type: string }) => e.type === 'CaseClosed')).toHaveLength(1);
  });

  it('answers the case as it stood at a past moment with ?asOf', async () => {
    const id = await openCase();
    await new Promise((resolve) => setTimeout(resolve, 20));
    const between = new Date().toISOString();
    await new Promise((resolve) => setTimeout(resolve, 20));
    await http.post(`/api/cases/${id}/commands/add-note`).send({ text: 'later' }).expect(200);

    const past = await http.get(`/api/cases/${id}`).query({ asOf: between }).expect(200);
    expect(past.body).toMatchObject({ version: 1, asOf: between, state: { notesCount: 0 } });
    const now = await http.get(`/api/cases/${id}`).expect(200);
    expect(now.body).toMatchObject({ version: 2, asOf: null });
    await http.get(`/api/cases/${id}`).query({ asOf: '1999-01-01T00:00:00Z' }).expect(404);
    await http.get(`/api/cases/${id}`).query({ asOf: 'last tuesday' }).expect(400);
  });

  it('counts cases per phase and risk flag', async () => {
    const counts = await http.get('/api/cases/counts').expect(200);
    expect(counts.body.total).toBeGreaterThan(0);
    expect(counts.body.byPhase.intake).toBeGreaterThan(0);
    expect(Object.values(counts.body.byPhase).reduce((a: number, b) => a + (b as number), 0)).toBe(counts.body.total);
    expect(counts.body.byRiskFlag).toHaveProperty('records-transfer-failed');
  });

  it('assigns only an active user of the right role (422 otherwise), and the advocate then sees the case', async () => {
    const id = await openCase();
    const advocate = await t.signInUser('advocate');
    const coordinator = await t.signInUser('coordinator');
    const wrongRole = await http.post(`/api/cases/${id}/commands/assign-advocate`).send({ advocateId: coordinator.id }).expect(422);
    expect(wrongRole.body).toMatchObject({ error: 'not-an-active-advocate', details: [{ field: 'advocateId' }] });
    await http.post(`/api/cases/${id}/commands/assign-advocate`).send({ advocateId: '3f2b8c1e-0000-4000-8000-000000000000' }).expect(422);
    await http.post(`/api/cases/${id}/commands/assign-advocate`).send({ advocateId: 'not-a-uuid' }).expect(400);

    await http.post(`/api/cases/${id}/commands/assign-advocate`).send({ advocateId: advocate.id }).expect(200);
    const mine = await request(t.http).get('/api/cases?assignedTo=me').set('Authorization', advocate.authorization).expect(200);
    expect(mine.body.items.map((item: { id: string }) => item.id)).toEqual([id]);
  });
});
