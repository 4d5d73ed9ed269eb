import { commandBodySchemas, listCasesQuerySchema } from '@secondlook/contracts';
import fc from 'fast-check';
import request from 'supertest';
import { DataSource } from 'typeorm';
import type { z } from 'zod';
import { startTestApp, type TestApp, type TestUser } from '../testing/test-app';

/**
 * Property-based fuzzing of every command body and the query strings: whatever
 * arrives, the api never answers 500, and a request it refused (4xx) changed
 * nothing — no event, no read-model row, no patient row.
 *
 * Bodies are drawn half from arbitrary JSON and half "nearly valid": each field
 * of the command's own schema filled with a value of roughly the right kind
 * (its enum's options, dates, uuids, edge-case strings and numbers), with
 * fields dropped or added — that is where handlers, not just the validator, run.
 * FUZZ_RUNS raises the runs per command (default 12).
 */
const RUNS = Number(process.env.FUZZ_RUNS ?? 12);
const COMMANDS = Object.keys(commandBodySchemas) as Array<keyof typeof commandBodySchemas>;

const nastyString = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.constantFrom('', ' ', "'; DROP TABLE events; --", '%00', '\u0000', '\uD800', '𝕏'.repeat(300), 'x'.repeat(20_001), '../../etc/passwd', '{"$gt":""}', '2026-02-30', '9999-12-31T23:59:59Z'),
);
const nastyNumber = fc.oneof(fc.integer(), fc.double(), fc.constantFrom(0, -1, 2 ** 31, Number.MAX_SAFE_INTEGER, 1e308, -0));
const someUuid = fc.oneof(fc.uuid(), fc.constant('00000000-0000-0000-0000-000000000000'));

/** A value of roughly the kind a zod schema wants: right often enough to get past validation. */
function nearValue(schema: z.ZodType, depth = 0): fc.Arbitrary<unknown> {
  const def = (schema as unknown as { _zod: { def: Record<string, unknown> & { type: string } } })._zod.def;
  const wrong = depth > 2 ? fc.constant(null) : fc.oneof(nastyString, nastyNumber, fc.boolean(), fc.constant(null), fc.jsonValue({ maxDepth: 2 }));
  const right = ((): fc.Arbitrary<unknown> => {
    switch (def.type) {
      case 'optional':
      case 'nullable':
      case 'default':
      case 'pipe':
        return nearValue((def['innerType'] ?? def['in']) as z.ZodType, depth);
      case 'enum':
        return fc.constantFrom(...Object.values(def['entries'] as Record<string, string>));
      case 'literal':
        return fc.constantFrom(...(def['values'] as unknown[]));
      case 'boolean':
        return fc.boolean();
      case 'number':
      case 'int':
        return fc.oneof(fc.integer({ min: 0, max: 100_000 }), nastyNumber);
      case 'string':
        return fc.oneof(fc.constantFrom('2026-03-04', '2026-03-04T10:00:00Z', 'USD', 'A short note'), someUuid, nastyString);
      case 'array':
        return fc.array(nearValue(def['element'] as z.ZodType, depth + 1), { maxLength: 3 });
      case 'object':
        return nearObject(schema as unknown as z.ZodObject, depth + 1);
      default:
        return wrong;
    }
  })();
  return fc.oneof({ weight: 4, arbitrary: right }, { weight: 1, arbitrary: wrong });
}

function nearObject(schema: z.ZodObject, depth = 0): fc.Arbitrary<Record<string, unknown>> {
  const shape = schema.shape as Record<string, z.ZodType>;
  const fields = Object.fromEntries(Object.entries(shape).map(([key, field]) => [key, nearValue(field, depth)]));
  return fc
    .tuple(fc.record(fields, { requiredKeys: [] }), fc.option(fc.dictionary(fc.string({ maxLength: 12 }), fc.jsonValue({ maxDepth: 1 }), { maxKeys: 2 }), { freq: 4 }))
    .map(([known, extra]) => ({ ...known, ...(extra ?? {}) }));
}

// Header values must be visible ASCII, or the client refuses to send them at all.
const ifMatch = fc.option(fc.oneof(fc.nat({ max: 30 }).map((n) => `"${n}"`), fc.stringMatching(/^[\x21-\x7e]{1,20}$/)), { freq: 2 });

describe('fuzzing commands and queries', () => {
  let t: TestApp;
  let db: DataSource;
  let coordinator: TestUser;
  let admin: TestUser;
  let caseIds: string[];

  /** Everything a refused request must leave untouched. */
  const snapshot = async (): Promise<string> => {
    const [row] = (await db.query(`
      SELECT (SELECT count(*) FROM event_store.events) AS events,
             (SELECT md5(coalesce(string_agg(row_to_json(s)::text, ',' ORDER BY s.case_id), '')) FROM case_summaries s) AS summaries,
             (SELECT md5(coalesce(string_agg(row_to_json(p)::text, ',' ORDER BY p.patient_id), '')) FROM patients p) AS patients`)) as Array<Record<string, string>>;
    return JSON.stringify(row);
  };

  beforeAll(async () => {
    t = await startTestApp();
    db = t.app.get(DataSource);
    coordinator = await t.signInUser('coordinator');
    admin = await t.signInUser('admin');
    caseIds = [];
    for (const urgency of ['routine', 'urgent']) {
      const opened = await request(t.http)
        .post('/api/cases')
        .set('Authorization', coordinator.authorization)
        .send({ patient: { firstName: 'Fuzz', lastName: `Target ${urgency}`, dateOfBirth: '1975-06-06' }, reasons: ['unclear-diagnosis'], urgency, specialty: 'Oncology' })
        .expect(201);
      caseIds.push(opened.body.id);
    }
  });
  afterAll(async () => {
    await t?.close();
  });

  it.each(COMMANDS)('POST /api/cases/:id/commands/%s: never 500, and a 4xx changes nothing', async (name) => {
    const body = fc.oneof({ weight: 2, arbitrary: nearObject(commandBodySchemas[name] as unknown as z.ZodObject) }, { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }) });
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...caseIds), body, ifMatch, async (caseId, payload, version) => {
        const before = await snapshot();
        let req = request(t.http).post(`/api/cases/${caseId}/commands/${name}`).set('Authorization', coordinator.authorization);
        if (version !== null) req = req.set('If-Match', version);
        const response = await req.set('Content-Type', 'application/json').send(JSON.stringify(payload));
        if (response.status >= 500) throw new Error(`${response.status} for ${JSON.stringify(payload).slice(0, 500)}: ${JSON.stringify(response.body)}`);
        if (response.status >= 400) expect(await snapshot()).toBe(before);
      }),
      { numRuns: RUNS },
    );
  });

  it('never answers 500 to an unknown or malformed command name or case id, and changes nothing', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.string({ maxLength: 30 }), fc.constantFrom(...COMMANDS)), fc.oneof(fc.constantFrom(...caseIds), fc.string({ maxLength: 40 }), fc.uuid()), fc.jsonValue({ maxDepth: 2 }), async (name, id, payload) => {
        const before = await snapshot();
        const response = await request(t.http)
          .post(`/api/cases/${encodeURIComponent(id)}/commands/${encodeURIComponent(name)}`)
          .set('Authorization', coordinator.authorization)
          .set('Content-Type', 'application/json')
          .send(JSON.stringify(payload));
        expect(response.status).toBeLessThan(500);
        if (response.status >= 400) expect(await snapshot()).toBe(before);
      }),
      { numRuns: RUNS * 4 },
    );
  });

  it('never answers 500 to any query string on the worklist, the case detail or the audit trail, and reads change nothing', async () => {
    const listKeys = Object.keys(listCasesQuerySchema.shape);
    const auditKeys = ['caseId', 'actorId', 'from', 'to', 'limit', 'cursor'];
    const query = (keys: string[]) =>
      fc.dictionary(fc.oneof(fc.constantFrom(...keys), fc.string({ maxLength: 8 })), fc.oneof(nastyString, fc.array(nastyString, { maxLength: 2 }), nastyNumber.map(String)), { maxKeys: 4 });
    const target = fc.oneof(
      query(listKeys).map((q) => ({ path: '/api/cases', q, auth: 'coordinator' as const })),
      query(['asOf']).map((q) => ({ path: `/api/cases/${caseIds[0]}`, q, auth: 'coordinator' as const })),
      query(['sort']).map((q) => ({ path: '/api/cases/counts', q, auth: 'coordinator' as const })),
      query(auditKeys).map((q) => ({ path: '/api/audit', q, auth: 'admin' as const })),
    );
    await fc.assert(
      fc.asyncProperty(target, async ({ path, q, auth }) => {
        const before = await snapshot();
        const response = await request(t.http)
          .get(path)
          .query(q)
          .set('Authorization', (auth === 'admin' ? admin : coordinator).authorization);
        if (response.status >= 500) throw new Error(`${response.status} for ${path}?${JSON.stringify(q)}: ${JSON.stringify(response.body)}`);
        expect(await snapshot()).toBe(before);
      }),
      { numRuns: RUNS * 10 },
    );
  });
});
