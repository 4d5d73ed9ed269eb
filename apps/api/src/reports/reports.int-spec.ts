import { REPORT_GROUPINGS, REPORT_MEASURES } from '@secondlook/contracts';
import { executeCaseCommand, reportCaseFactsProjection } from '@secondlook/case-application';
import type { CaseCommand } from '@secondlook/domain';
import { ConsumerRunner, EventStore, projectionConsumer, rebuildProjection } from '@secondlook/event-store';
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { startTestApp, type TestApp, type TestUser } from '../testing/test-app';

const DAY_MS = 86_400_000;

/**
 * Known synthetic logs, appended through the command path with back-dated clocks, then
 * projected by the real consumer (or a rebuild) and read over HTTP. Each scenario uses its own
 * month, so the period filter keeps them apart.
 */
describe('reports over HTTP', () => {
  let t: TestApp;
  let store: EventStore;
  let admin: TestUser;
  let coordinator: TestUser;
  let advocate: TestUser;

  beforeAll(async () => {
    t = await startTestApp();
    store = t.app.get(EventStore);
    [admin, coordinator, advocate] = await Promise.all([t.signInUser('admin'), t.signInUser('coordinator'), t.signInUser('advocate')]);
  });
  afterAll(async () => {
    await t?.close();
  });

  const context = () => ({ actor: { id: coordinator.id, role: 'coordinator' }, requestId: randomUUID(), correlationId: randomUUID() });

  async function run(caseId: string, command: CaseCommand, at: Date): Promise<void> {
    await executeCaseCommand(store, caseId, command, context(), { now: () => at });
  }

  async function openCase(specialty: string, at: Date): Promise<string> {
    const caseId = randomUUID();
    const patientId = randomUUID();
    await executeCaseCommand(store, caseId, { type: 'open-case', patientId, reasons: ['felt-dismissed'], urgency: 'routine', specialty }, context(), {
      now: () => at,
      beforeCommit: async (tx) => {
        await tx.query(`INSERT INTO patients (patient_id, first_name, last_name, date_of_birth) VALUES ($1, 'Synthetic', 'Patient', '1970-01-01')`, [patientId]);
      },
    });
    return caseId;
  }

  async function caseWithOpinionAfter(specialty: string, opened: Date, days: number): Promise<string> {
    const caseId = await openCase(specialty, opened);
    await run(caseId, { type: 'select-provider', providerName: 'Lakeside Clinic', inNetwork: true, foundVia: 'insurer-directory' }, new Date(opened.getTime() + DAY_MS / 2));
    await run(caseId, { type: 'record-opinion', concordance: 'refines', summary: 'Refined the diagnosis.' }, new Date(opened.getTime() + days * DAY_MS));
    return caseId;
  }

  /**
   * Runs the report projection's consumer until its checkpoint reaches the newest event. "Idle" is
   * not enough: the tailer waits for the server-wide oldest running transaction, which another
   * suite on the same PostgreSQL may hold open for a moment.
   */
  async function projectReports(): Promise<void> {
    const consumer = projectionConsumer(reportCaseFactsProjection);
    const runner = new ConsumerRunner(store, consumer, { pollIntervalMs: 10, retryDelayMs: 10 });
    runner.start();
    try {
      const [last] = await store.dataSource.query<Array<{ position: string }>>(
        `SELECT global_position::text AS position FROM event_store.events ORDER BY transaction_id DESC, global_position DESC LIMIT 1`,
      );
      const deadline = Date.now() + 30_000;
      for (;;) {
        const [checkpoint] = await store.dataSource.query<Array<{ position: string }>>(
          `SELECT global_position::text AS position FROM event_store.checkpoints WHERE name = $1`,
          [consumer.name],
        );
        if (checkpoint?.position === last.position) break;
        if (Date.now() > deadline) throw new Error(`The report consumer stopped at ${checkpoint?.position ?? 'nothing'}, short of ${last.position}`);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    } finally {
      await runner.stop();
    }
  }

  const report = (auth: TestUser, path: string) => request(t.http).get(path).set('Authorization', auth.authorization);

  describe('time to second opinion, March 2026', () => {
    const MARCH = '/api/reports/time-to-opinion?from=2026-03-01&to=2026-03-31';

    beforeAll(async () => {
      const opened = new Date('2026-03-02T09:00:00Z');
      // Cardiology: opinions after 1..12 days. Dermatology: after 2, 4 and 6 days.
      for (let days = 1; days <= 12; days++) await caseWithOpinionAfter('Cardiology', opened, days);
      for (const days of [2, 4, 6]) await caseWithOpinionAfter('Dermatology', opened, days);
      await projectReports();
    });

    it('answers the median and 90th percentile with percentile_cont (linear interpolation)', async () => {
      const response = await report(admin, `${MARCH}&groupBy=month`).expect(200);
      const march = response.body.rows.find((row: { key: string }) => row.key === '2026-03');
      // All 15: sorted 1,2,2,3,4,4,5,6,6,7,8,9,10,11,12 → median the 8th value, 6; p90 at 0.9 × 14 = 12.6,
      // between the 13th (10) and 14th (11): 10.6.
      expect(march.cells).toMatchObject({
        cases: { value: 15, display: '15' },
        withOpinion: { value: 15 },
        medianDays: { value: 6, display: '6.0' },
        p90Days: { value: 10.6, display: '10.6' },
      });
      expect(response.body.columns.map((column: { key: string }) => column.key)).not.toContain('withoutOpinion');
    });

    it('suppresses small groups, their complement, and the statistics of groups under 11', async () => {
      const response = await report(admin, `${MARCH}&groupBy=specialty`).expect(200);
      const byKey = Object.fromEntries(response.body.rows.map((row: { key: string }) => [row.key, row])) as Record<string, { cells: Record<string, unknown> }>;
      // Cardiology 1..12 days: median 6.5; p90 at 0.9 × 11 = 9.9 → 10 + 0.9 × 1 = 10.9.
      expect(byKey['Cardiology'].cells).toMatchObject({
        medianDays: { value: 6.5, display: '6.5', suppressed: null },
        p90Days: { value: 10.9 },
        // 12 = 15 − 3 would give Dermatology's 3 back: hidden as its complement.
        cases: { value: null, display: 'suppressed', suppressed: 'complementary' },
        withOpinion: { value: null, suppressed: 'complementary' },
      });
      expect(byKey['Dermatology'].cells).toMatchObject({
        cases: { value: null, display: '<11', suppressed: 'small-count' },
        medianDays: { value: null, display: 'n<11', suppressed: 'small-group' },
        p90Days: { value: null, suppressed: 'small-group' },
      });
      expect(byKey['all'].cells).toMatchObject({ cases: { value: 15 } });
      expect(JSON.stringify(byKey['Dermatology'])).not.toMatch(/"value":3\b/);
    });

    it('exports the same suppressed table as CSV, by query or by Accept header', async () => {
      const csv = await report(coordinator, `${MARCH}&groupBy=specialty&format=csv`).expect(200);
      expect(csv.headers['content-type']).toMatch(/^text\/csv/);
      expect(csv.headers['content-disposition']).toContain('time-to-opinion-by-specialty.csv');
      const lines = csv.text.trim().split('\r\n');
      expect(lines[0]).toBe('Group,Cases opened,Second opinion received,Median days to opinion (days),90th percentile days to opinion (days)');
      expect(lines).toContain('Cardiology,suppressed,suppressed,6.5,10.9');
      expect(lines).toContain('Dermatology,<11,<11,n<11,n<11');
      expect(lines).toContain('All cases,15,15,6.0,10.6');
      const viaAccept = await request(t.http).get(`${MARCH}&groupBy=specialty`).set('Authorization', coordinator.authorization).set('Accept', 'text/csv').expect(200);
      expect(viaAccept.text).toBe(csv.text);
    });
  });

  it('answers every measure by every grouping, each with an all-cases row and no number under 11', async () => {
    for (const measure of REPORT_MEASURES) {
      for (const groupBy of REPORT_GROUPINGS) {
        const response = await report(admin, `/api/reports/${measure}?groupBy=${groupBy}`);
        expect({ measure, groupBy, status: response.status }).toEqual({ measure, groupBy, status: 200 });
        expect(response.body.rows.at(-1)).toMatchObject({ key: 'all', isTotal: true });
        for (const row of response.body.rows) {
          for (const column of response.body.columns.filter((c: { unit: string }) => c.unit === 'count')) {
            const value = row.cells[column.key].value;
            expect(value === null || value === 0 || value >= 11).toBe(true);
          }
        }
      }
    }
  });

  describe('equity answers, consent and the demographic reports, April 2026', () => {
    const APRIL = '/api/reports/cases-opened?from=2026-04-01&to=2026-04-30&groupBy=disability';
    const consented: string[] = [];

    beforeAll(async () => {
      const opened = new Date('2026-04-06T10:00:00Z');
      for (let i = 0; i < 12; i++) {
        const caseId = await openCase('Neurology', opened);
        await run(caseId, { type: 'record-consent', scope: 'equity-self-identification', method: 'verbal' }, new Date(opened.getTime() + 60_000));
        await request(t.http)
          .put(`/api/cases/${caseId}/equity-profile`)
          .set('Authorization', coordinator.authorization)
          .send({ disability: 'yes', raceEthnicity: ['black-or-african-american'] })
          .expect(204);
        consented.push(caseId);
      }
      for (let i = 0; i < 11; i++) await openCase('Neurology', opened);
      await projectReports();
    });

    it('takes answers only with consent, from the coordinator or the assigned advocate, and shows them to admins only', async () => {
      const withoutConsent = await openCase('Neurology', new Date('2026-05-01T10:00:00Z'));
      const refused = await request(t.http).put(`/api/cases/${withoutConsent}/equity-profile`).set('Authorization', coordinator.authorization).send({ lgbtqia: 'yes' }).expect(409);
      expect(refused.body.error).toBe('consent-required');
      await request(t.http).put(`/api/cases/${withoutConsent}/equity-profile`).set('Authorization', coordinator.authorization).send({ disability: 'maybe' }).expect(400);
      await request(t.http).put(`/api/cases/${withoutConsent}/equity-profile`).set('Authorization', admin.authorization).send({}).expect(403);
      await request(t.http).put(`/api/cases/${withoutConsent}/equity-profile`).set('Authorization', advocate.authorization).send({}).expect(404);

      await run(withoutConsent, { type: 'assign-advocate', advocateId: advocate.id }, new Date('2026-05-01T11:00:00Z'));
      await run(withoutConsent, { type: 'record-consent', scope: 'equity-self-identification', method: 'written' }, new Date('2026-05-01T11:01:00Z'));
      await request(t.http)
        .put(`/api/cases/${withoutConsent}/equity-profile`)
        .set('Authorization', advocate.authorization)
        .send({ raceEthnicity: ['prefer-not-to-say'], socioeconomicHardship: 'no' })
        .expect(204);

      const read = await request(t.http).get(`/api/equity-profiles/${withoutConsent}`).set('Authorization', admin.authorization).expect(200);
      expect(read.body).toMatchObject({ caseId: withoutConsent, raceEthnicity: ['prefer-not-to-say'], disability: null, socioeconomicHardship: 'no', consent: 'given' });
      await request(t.http).get(`/api/equity-profiles/${withoutConsent}`).set('Authorization', coordinator.authorization).expect(403);
      await request(t.http).get(`/api/equity-profiles/${withoutConsent}`).set('Authorization', advocate.authorization).expect(403);

      // Nothing of the answers in the log, the worklist or the logs.
      const events = await store.readStream(`case-${withoutConsent}`);
      expect(JSON.stringify(events)).not.toMatch(/prefer-not-to-say|socioeconomic/);
      const list = await request(t.http).get('/api/cases').set('Authorization', coordinator.authorization).expect(200);
      expect(JSON.stringify(list.body)).not.toMatch(/black-or-african-american|prefer-not-to-say|disability/);
      expect(t.logs()).not.toMatch(/black-or-african-american|prefer-not-to-say/);
    });

    it('applies the role rules: admins any grouping, coordinators non-demographic only, advocates none', async () => {
      await report(admin, APRIL).expect(200);
      await report(admin, '/api/reports/cost?groupBy=race-ethnicity').expect(200);
      await report(coordinator, '/api/reports/cases-opened?from=2026-04-01&to=2026-04-30&groupBy=urgency').expect(200);
      const demographic = await report(coordinator, APRIL).expect(403);
      expect(demographic.body.error).toBe('demographic-report-admin-only');
      await report(coordinator, '/api/reports/pre-auth?groupBy=race-ethnicity&format=csv').expect(403);
      await report(advocate, '/api/reports/cases-opened?groupBy=month').expect(403);
      await report(advocate, APRIL).expect(403);
      await request(t.http).get(APRIL).expect(401);
      await report(admin, '/api/reports/no-such-report').expect(404);
      await report(admin, '/api/reports/cases-opened?groupBy=postcode').expect(400);
    });

    it('groups consenting patients by their answers, and drops a patient whose consent is withdrawn, live and after a rebuild', async () => {
      const before = await report(admin, APRIL).expect(200);
      expect(cellsByRow(before.body, 'cases')).toEqual({ yes: 12, 'not-recorded': 11, all: 23 });

      await run(consented[0], { type: 'withdraw-consent', scope: 'equity-self-identification' }, new Date('2026-04-20T10:00:00Z'));
      await projectReports();
      const live = await report(admin, APRIL).expect(200);
      expect(cellsByRow(live.body, 'cases')).toEqual({ yes: 11, 'not-recorded': 12, all: 23 });

      await rebuildProjection(store, reportCaseFactsProjection);
      // The swap takes what had settled; the live consumer resumes from the rebuild's checkpoint.
      await projectReports();
      const rebuilt = await report(admin, APRIL).expect(200);
      expect(rebuilt.body).toEqual(live.body);

      const byRace = await report(admin, '/api/reports/cases-opened?from=2026-04-01&to=2026-04-30&groupBy=race-ethnicity').expect(200);
      expect(cellsByRow(byRace.body, 'cases')).toEqual({ 'black-or-african-american': 11, 'not-recorded': 12, all: 23 });
    });
  });
});

function cellsByRow(table: { rows: Array<{ key: string; cells: Record<string, { value: number | null }> }> }, column: string): Record<string, number | null> {
  return Object.fromEntries(table.rows.map((row) => [row.key, row.cells[column].value]));
}
