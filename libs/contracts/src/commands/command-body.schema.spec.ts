import type { CaseCommandPayloads, CaseStreamCommandName } from '@secondlook/domain';
import { CASE_STREAM_COMMAND_NAMES, DOCUMENT_KINDS } from '@secondlook/domain';
import type { CommandBody, CommandBodyName } from './command-body.schema';
import { COMMAND_BODY_NAMES, commandBodySchemas } from './command-body.schema';
import { parseCommand, toCaseCommand } from './parse-command';
import { toOpenCaseCommand } from './open-case-command';

// Type-level: each parsed body and the domain's payload are mutually assignable, so the body
// really is the command minus `type`. A drift on either side stops compilation here.
// Keys are compared too: structural assignability alone would let an extra optional field through.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
// zod types an empty strict object as Record<string, never>; its index signature is not a field.
type FieldNames<T> = keyof { [K in keyof T as string extends K ? never : K]: T[K] };
type BodyMatchesPayload = {
  [K in CommandBodyName]: Same<CommandBody<K>, CaseCommandPayloads[K]> extends true
    ? Same<FieldNames<CommandBody<K>>, FieldNames<CaseCommandPayloads[K]>>
    : false;
}[CommandBodyName];
const _bodiesMatchPayloads: [BodyMatchesPayload] extends [true] ? true : never = true;
type SameNames = Same<CommandBodyName, CaseStreamCommandName>;
const _namesMatch: SameNames = true;
void _bodiesMatchPayloads;
void _namesMatch;

const validExamples: { [K in CommandBodyName]: CommandBody<K> } = {
  'add-note': { text: 'Patient prefers calls after 5pm' },
  'assign-advocate': { advocateId: '0b8f5a3e-2f7d-4c1a-9d55-3e2b1c0a9f11' },
  'assign-coordinator': { coordinatorId: '7c1d2e3f-4a5b-4c6d-8e9f-0a1b2c3d4e5f' },
  'log-contact': { channel: 'call', direction: 'outbound', party: 'insurer', outcome: 'left-message', summary: 'Asked about PA-9' },
  'inform-current-doctor': { channel: 'letter' },
  'request-referral': { toProvider: 'Lakeside Cancer Center' },
  'receive-referral': { reference: 'REF-2211' },
  'decline-referral': { reason: 'Doctor sees no need' },
  'select-provider': { providerName: 'Lakeside Cancer Center', inNetwork: true, foundVia: 'insurer-directory' },
  'check-coverage': {
    coversSecondOpinions: true,
    inNetworkOnly: true,
    preAuthRequired: true,
    estimatedOutOfPocketCents: 25_000,
    estimatedTravelCostCents: 8_000,
    currency: 'USD',
    costConcern: false,
  },
  'request-pre-auth': { insurerReference: 'PA-9', expedited: true },
  'mark-pre-auth-pending': {},
  'approve-pre-auth': { authorizationNumber: 'AUTH-5', validUntil: '2026-06-30' },
  'deny-pre-auth': { reason: 'Not medically necessary' },
  'appeal-pre-auth': { grounds: 'Tumour board letter attached' },
  'record-pre-auth-follow-up-due': {},
  'request-records': {
    fromProvider: 'Riverside General',
    toProvider: 'Lakeside Cancer Center',
    documents: [
      { kind: 'pathology-slides', description: 'Biopsy slides' },
      { kind: 'imaging-files', description: 'MRI, DICOM', documentId: 'doc-1' },
    ],
  },
  'start-records-transfer': { requestId: 'c3a1f5e2-0d4b-4e8a-9f61-2b7c8d9e0a1b' },
  'record-records-sent': { requestId: 'c3a1f5e2-0d4b-4e8a-9f61-2b7c8d9e0a1b', receipt: 'Bundle/77' },
  'record-records-transfer-failed': { requestId: 'c3a1f5e2-0d4b-4e8a-9f61-2b7c8d9e0a1b', reason: '503', attempts: 5 },
  'confirm-records-receipt': { requestId: 'c3a1f5e2-0d4b-4e8a-9f61-2b7c8d9e0a1b' },
  'log-dismissal-concern': {
    description: 'Pain attributed to anxiety without an examination',
    occurredOn: '2026-02-10',
    patientRequestedRecordAddendum: true,
  },
  'add-dismissal-concern-to-record': { concernId: 'e1' },
  'deny-dismissal-concern-amendment': { concernId: 'e1', reason: 'Accurate', statementOfDisagreement: 'I was not examined' },
  'record-desired-outcome': { text: 'A clear diagnosis and a plan' },
  'add-question': { text: 'Is surgery an option?' },
  'answer-question': { questionId: 'q1', answer: 'Yes, after staging' },
  'schedule-appointment': { at: '2026-03-16T14:00:00+01:00', mode: 'video' },
  'reschedule-appointment': { at: '2026-03-18T10:00:00Z', reason: 'Provider unavailable' },
  'complete-appointment': {},
  'mark-appointment-missed': {},
  'record-opinion': { concordance: 'different-treatment', summary: 'Recommends surgery first' },
  'request-third-opinion': {},
  'record-decision': { decision: 'follow-second-opinion' },
  'record-consent': { scope: 'equity-self-identification', method: 'written' },
  'withdraw-consent': { scope: 'equity-self-identification' },
  'close-case': { outcome: 'opinion-delivered' },
  'withdraw-case': { reason: 'Patient moved away' },
  'reopen-case': { reason: 'New symptoms' },
};

describe('command body schemas', () => {
  it('has one schema per stream command of the domain, and no other', () => {
    expect([...COMMAND_BODY_NAMES].sort()).toEqual([...CASE_STREAM_COMMAND_NAMES].sort());
  });

  describe.each(COMMAND_BODY_NAMES.map((name) => [name] as const))('%s', (name) => {
    const schema = commandBodySchemas[name];
    const example = validExamples[name];

    it('accepts a valid example unchanged', () => {
      expect(schema.parse(example)).toEqual(example);
    });

    it('rejects an unknown field, naming it', () => {
      const result = schema.safeParse({ ...example, patientName: 'Jane Doe' });
      expect(result.success).toBe(false);
      expect(result.error?.issues).toEqual([expect.objectContaining({ code: 'unrecognized_keys', keys: ['patientName'] })]);
    });

    it('becomes the domain command with the same fields', () => {
      expect(parseCommand(name, example)).toEqual({ ok: true, command: { type: name, ...example } });
    });
  });

  it.each<[CommandBodyName, unknown, string]>([
    ['add-note', { text: '' }, 'text'],
    ['add-note', { text: 'x'.repeat(10_001) }, 'text'],
    ['add-note', {}, 'text'],
    ['log-dismissal-concern', { description: 'd', occurredOn: '10/02/2026', patientRequestedRecordAddendum: true }, 'occurredOn'],
    ['log-dismissal-concern', { description: 'd', occurredOn: '2026-02-10' }, 'patientRequestedRecordAddendum'],
    ['request-records', { fromProvider: 'a', toProvider: 'b', documents: [] }, 'documents'],
    ['request-records', { fromProvider: 'a', toProvider: 'b', documents: [{ kind: 'x-rays', description: 'd' }] }, 'documents.0.kind'],
    ['close-case', { outcome: 'done' }, 'outcome'],
    ['check-coverage', { ...validExamples['check-coverage'], estimatedOutOfPocketCents: 12.5 }, 'estimatedOutOfPocketCents'],
    ['check-coverage', { ...validExamples['check-coverage'], currency: 'usd' }, 'currency'],
    ['schedule-appointment', { at: '2026-03-16', mode: 'video' }, 'at'],
    ['record-records-transfer-failed', { requestId: 'r', reason: 'x', attempts: 0 }, 'attempts'],
  ])('%s rejects %j at %s', (name, body, path) => {
    const result = parseCommand(name, body);
    expect(result.ok).toBe(false);
    if (!result.ok && result.reason === 'invalid-body') {
      expect(result.issues.map((issue) => issue.path.join('.'))).toContain(path);
    } else {
      throw new Error(`expected invalid-body, got ${JSON.stringify(result)}`);
    }
  });

  it('offers every document kind of the domain in request-records', () => {
    for (const kind of DOCUMENT_KINDS) {
      expect(commandBodySchemas['request-records'].safeParse({ ...validExamples['request-records'], documents: [{ kind, description: 'd' }] }).success).toBe(true);
    }
  });

  it('treats an unknown command name, open-case included, as unknown', () => {
    expect(parseCommand('approve-everything', {})).toEqual({ ok: false, reason: 'unknown-command' });
    expect(parseCommand('open-case', {})).toEqual({ ok: false, reason: 'unknown-command' });
    expect(parseCommand('__proto__', {})).toEqual({ ok: false, reason: 'unknown-command' });
  });

  it('accepts a missing body for commands without fields', () => {
    expect(parseCommand('complete-appointment', undefined)).toEqual({ ok: true, command: { type: 'complete-appointment' } });
  });

  it('builds the command from a typed body', () => {
    expect(toCaseCommand('add-note', { text: 'hi' })).toEqual({ type: 'add-note', text: 'hi' });
  });

  it('leaves the patient details out of the open-case command', () => {
    const command = toOpenCaseCommand(
      {
        patient: { firstName: 'Ada', lastName: 'Byron', dateOfBirth: '1980-12-10', mrn: 'MRN-1' },
        reasons: ['felt-dismissed'],
        urgency: 'soon',
        specialty: 'rheumatology',
      },
      'p-1',
    );
    expect(command).toEqual({ type: 'open-case', patientId: 'p-1', reasons: ['felt-dismissed'], urgency: 'soon', specialty: 'rheumatology' });
    expect(JSON.stringify(command)).not.toMatch(/Ada|Byron|1980|MRN/);
  });
});
