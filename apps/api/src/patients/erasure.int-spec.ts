import request from 'supertest';
import { startTestApp, type TestApp } from '../testing/test-app';

describe('erasing a patient', () => {
  let t: TestApp;
  let coordinator: string;
  let admin: string;

  beforeAll(async () => {
    t = await startTestApp();
    coordinator = await t.signIn('coordinator');
    admin = await t.signIn('admin');
  });
  afterAll(async () => {
    await t?.close();
  });

  it('removes the personal data while every event still reads, and the case shows as erased', async () => {
    const opened = await request(t.http)
      .post('/api/cases')
      .set('Authorization', coordinator)
      .send({ patient: { firstName: 'Erin', lastName: 'Erasable', dateOfBirth: '1991-09-09', mrn: 'E-1' }, reasons: ['felt-dismissed'], urgency: 'soon', specialty: 'Cardiology' })
      .expect(201);
    const id = opened.body.id as string;
    await request(t.http).post(`/api/cases/${id}/commands/add-note`).set('Authorization', coordinator).send({ text: 'Follow up next week' }).expect(200);

    const erased = await request(t.http).post('/api/erasures').set('Authorization', admin).send({ caseId: id }).expect(200);
    expect(erased.body).toMatchObject({ patientId: expect.any(String), erasedAt: expect.any(String) });

    const detail = await request(t.http).get(`/api/cases/${id}`).set('Authorization', coordinator).expect(200);
    expect(detail.body.patient).toBeNull();
    expect(JSON.stringify(detail.body)).not.toMatch(/Erin|Erasable|1991-09-09/);
    const events = await request(t.http).get(`/api/cases/${id}/events`).set('Authorization', coordinator).expect(200);
    expect(events.body.items.map((e: { type: string }) => e.type)).toEqual(['CaseOpened', 'NoteAdded']);
    expect(JSON.stringify(events.body)).not.toMatch(/Erin|Erasable|1991-09-09/);
    const list = await request(t.http).get('/api/cases').set('Authorization', coordinator).expect(200);
    expect(list.body.items.find((item: { id: string }) => item.id === id)?.patientName).toBe('[erased]');

    await request(t.http).post('/api/erasures').set('Authorization', admin).send({ caseId: id }).expect(404);
  });

  it('is for admins only', async () => {
    await request(t.http).post('/api/erasures').set('Authorization', coordinator).send({ caseId: '0f0f0f0f-0000-4000-8000-000000000000' }).expect(403);
  });
});
