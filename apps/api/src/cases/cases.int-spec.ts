import request from 'supertest';
import { startTestApp, type TestApp } from '../testing/test-app';

const validCase = {
  patient: { firstName: 'Alex', lastName: 'Example', dateOfBirth: '1979-05-04', mrn: '00123456' },
  reasons: ['unclear-diagnosis', 'felt-dismissed'],
  urgency: 'urgent',
  specialty: 'Rheumatology',
};

describe('cases over HTTP', () => {
  let t: TestApp;
  let http: request.Agent;

  beforeAll(async () => {
    t = await startTestApp();
    http = request.agent(t.http).set('Authorization', await t.signIn('coordinator'));
  });
  afterAll(async () => {
    await t?.close();
  });

  it('opens a case (201, version 1, ETag) and lists it', async () => {
    const opened = await http.post('/api/cases').send(validCase).expect(201);
    expect(opened.body).toEqual({ id: expect.stringMatching(/^[0-9a-f-]{36}$/), version: 1 });
    expect(opened.headers.etag).toBe('"1"');

    const list = await http.get('/api/cases').expect(200);
    const item = list.body.items.find((i: { id: string }) => i.id === opened.body.id);
    expect(item).toMatchObject({ patientName: 'Alex Example', phase: 'intake', urgency: 'urgent', version: 1, specialty: 'Rheumatology' });
  });

  it('answers 400 naming each invalid or unknown field, and writes nothing', async () => {
    const before = await http.get('/api/cases?limit=100').expect(200);
    const response = await http
      .post('/api/cases')
      .send({ ...validCase, urgency: 'whenever', reasons: [], extra: 1 })
      .expect(400);
    expect(response.body.error).toBe('validation-failed');
    const fields = response.body.details.map((d: { field: string }) => d.field);
    expect(fields).toEqual(expect.arrayContaining(['urgency', 'reasons', 'extra']));
    const after = await http.get('/api/cases?limit=100').expect(200);
    expect(after.body.items).toHaveLength(before.body.items.length);
  });

  it('answers an Idempotency-Key retry as the first time, opening one case', async () => {
    const first = await http.post('/api/cases').set('Idempotency-Key', 'retry-1').send(validCase).expect(201);
    const retry = await http.post('/api/cases').set('Idempotency-Key', 'retry-1').send(validCase).expect(201);
    expect(retry.body).toEqual(first.body);
    const list = await http.get('/api/cases?limit=100').expect(200);
    expect(list.body.items.filter((i: { id: string }) => i.id === first.body.id)).toHaveLength(1);
  });

  it('pages with a keyset cursor without repeating or skipping', async () => {
    for (let i = 0; i < 4; i++) await http.post('/api/cases').send({ ...validCase, patient: { ...validCase.patient, lastName: `Pager${i}` } }).expect(201);
    const all = await http.get('/api/cases?limit=100').expect(200);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: request.Response = await http.get(`/api/cases?limit=2${cursor ? `&cursor=${cursor}` : ''}`).expect(200);
      seen.push(...page.body.items.map((i: { id: string }) => i.id));
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(seen).toEqual(all.body.items.map((i: { id: string }) => i.id));
  });

  it('rejects a malformed cursor and an oversized body with clear errors', async () => {
    const badCursor = await http.get('/api/cases?cursor=bm90LWEtY3Vyc29y').expect(400);
    expect(badCursor.body.details[0].field).toBe('cursor');
    const huge = { ...validCase, currentDiagnosis: 'x'.repeat(1_100_000) };
    const tooLarge = await http.post('/api/cases').send(huge).expect(413);
    expect(tooLarge.body.error).toBe('payload-too-large');
  });

  it('serves health and the OpenAPI document', async () => {
    const health = await request(t.http).get('/api/health').expect(200);
    expect(health.body.info).toMatchObject({ postgres: { status: 'up' }, redis: { status: 'up' } });
    const openapi = await request(t.http).get('/api/openapi.json').expect(200);
    expect(openapi.body.openapi).toMatch(/^3\./);
    expect(Object.keys(openapi.body.paths)).toEqual(expect.arrayContaining(['/api/cases', '/api/health']));
  });
});
