import { runRebuild } from '@secondlook/event-store';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { startTestApp, type TestApp } from '../testing/test-app';
import { projections } from './projection-registry';

// The worklist read model is kept inline with every append; rebuilt from the log
// alone it must come out identical, row for row.
describe('rebuilding case_summaries from the log', () => {
  let t: TestApp;
  let auth: string;

  beforeAll(async () => {
    t = await startTestApp();
    auth = await t.signIn('coordinator');
  });
  afterAll(async () => {
    await t?.close();
  });

  it('produces the same rows as the live projection', async () => {
    for (let i = 0; i < 5; i++) {
      const opened = await request(t.http)
        .post('/api/cases')
        .set('Authorization', auth)
        .send({ patient: { firstName: 'Re', lastName: `Build${i}`, dateOfBirth: '1980-01-01' }, reasons: ['unclear-diagnosis'], urgency: i % 2 ? 'urgent' : 'routine', specialty: 'Neurology' })
        .expect(201);
      for (const [command, body] of [
        ['inform-current-doctor', {}],
        ['request-referral', {}],
        ['add-note', { text: `note ${i}` }],
      ] as const) {
        if (i % 3 === 0 && command === 'request-referral') break;
        await request(t.http).post(`/api/cases/${opened.body.id}/commands/${command}`).set('Authorization', auth).send(body).expect(200);
      }
    }
    const dataSource = t.app.get(DataSource);
    // risk_flags and updated_at depend on the moment of projection; compare the log-derived columns.
    const snapshot = () =>
      dataSource.query(
        `SELECT case_id, patient_id, version, phase, urgency, specialty, reasons, target_date, assigned_advocate_id, state, opened_at FROM case_summaries ORDER BY case_id`,
      );
    const live = await snapshot();
    expect(live).toHaveLength(5);

    const report = await runRebuild(dataSource, projections, 'case_summaries');
    expect(report).toMatchObject({ projection: 'case_summaries', events: 16 });
    expect(await snapshot()).toEqual(live);
  });

  it('refuses an unknown projection name', async () => {
    await expect(runRebuild(t.app.get(DataSource), projections, 'no_such_model')).rejects.toThrow();
  });
});
