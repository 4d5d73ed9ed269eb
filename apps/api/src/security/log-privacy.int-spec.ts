import request from 'supertest';
import { startTestApp, type TestApp, type TestUser } from '../testing/test-app';

const PATIENT = { firstName: 'Zephyrine', lastName: 'Quillfeather', dateOfBirth: '1957-11-23', mrn: '99887766' };
const SECRETS: string[] = [];

/**
 * Everything the api logs at debug level while a suite handles a patient, signs
 * in and fails in the usual ways: the patient's name, birth date and record
 * number, and every credential, must appear nowhere in it.
 */
describe('logs carry no patient data or credentials', () => {
  let t: TestApp;
  let coordinator: TestUser;

  beforeAll(async () => {
    t = await startTestApp({ LOG_LEVEL: 'debug' });
    coordinator = await t.signInUser('coordinator');
    SECRETS.push(coordinator.password, coordinator.authorization.slice('Bearer '.length));
  });
  afterAll(async () => {
    await t?.close();
  });

  it('handles a patient through the usual paths, answered and refused', async () => {
    const auth = coordinator.authorization;
    const opened = await request(t.http).post('/api/cases').set('Authorization', auth).send({ patient: PATIENT, reasons: ['felt-dismissed'], urgency: 'urgent', specialty: 'Oncology', currentDiagnosis: `${PATIENT.lastName} has a diagnosis` }).expect(201);
    const id = opened.body.id as string;
    await request(t.http).get(`/api/cases/${id}`).set('Authorization', auth).expect(200);
    await request(t.http).get(`/api/cases?q=${PATIENT.lastName}`).set('Authorization', auth).expect(200);
    await request(t.http).get(`/api/cases?q=${PATIENT.mrn}`).set('Authorization', auth).expect(200);
    await request(t.http).post(`/api/cases/${id}/commands/add-note`).set('Authorization', auth).send({ text: `Spoke with ${PATIENT.firstName} ${PATIENT.lastName}, born ${PATIENT.dateOfBirth}` }).expect(200);
    await request(t.http).post(`/api/cases/${id}/commands/add-note`).set('Authorization', auth).send({ text: PATIENT.lastName, [PATIENT.firstName]: PATIENT.dateOfBirth }).expect(400);
    await request(t.http).post('/api/cases').set('Authorization', auth).send({ patient: { ...PATIENT, dateOfBirth: `${PATIENT.dateOfBirth}x` }, reasons: [], urgency: 'urgent', specialty: 'x' }).expect(400);
    await request(t.http).post('/api/cases').set('Authorization', auth).set('Content-Type', 'application/json').send(`{"patient": {"firstName": "${PATIENT.firstName}"`).expect(400);

    const login = await request(t.http).post('/api/auth/login').send({ email: coordinator.email, password: coordinator.password }).expect(200);
    SECRETS.push(login.body.accessToken, String(login.headers['set-cookie']).split(';')[0].split('=')[1]);
    await request(t.http).post('/api/auth/login').send({ email: coordinator.email, password: 'a-wrong-password-xyz' }).expect(401);
    SECRETS.push('a-wrong-password-xyz');
    await request(t.http).get('/api/auth/me').set('Authorization', `Bearer ${login.body.accessToken}`).expect(200);
  });

  it('logged the requests, and none of those values', () => {
    const logs = t.logs();
    expect(logs).toContain('request completed');
    for (const value of [...Object.values(PATIENT), ...SECRETS]) expect(logs).not.toContain(value);
  });
});
