import { createHash } from 'node:crypto';
import { base64Length } from './base64-chunks';
import { binaryIdFor, type TransferDocument, transactionParts } from './fhir-transaction';

const bytes = Buffer.from('%PDF-1.7 a small document for the Bundle tests');
const document: TransferDocument = {
  documentId: '5b0c5d4e-2f5a-4c1e-9d3e-0a1b2c3d4e5f',
  kind: 'pathology-reports',
  fileName: 'biopsy report é.pdf',
  description: 'Biopsy, 2026',
  contentType: 'application/pdf',
  sizeBytes: bytes.length,
  sha256: createHash('sha256').update(bytes).digest('hex'),
  sha1Base64: createHash('sha1').update(bytes).digest('base64'),
  uploadedAt: '2026-11-25T10:00:00.000Z',
};
const requestId = '0f8a3c1e-7b6d-4e2a-9c5b-1d2e3f4a5b6c';

interface Entry {
  fullUrl: string;
  resource: { resourceType: string; data?: string; content?: Array<{ attachment: { url: string; size: number } }> };
  request: { method: string; url: string; ifNoneExist?: string };
}

describe('transactionParts', () => {
  it('inline: head + base64 + tail is one transaction Bundle whose attachment points at its Binary', () => {
    const parts = transactionParts(requestId, document);
    const body = Buffer.concat([Buffer.from(parts.head), Buffer.from(bytes.toString('base64'), 'latin1'), Buffer.from(parts.tail)]);
    const bundle = JSON.parse(body.toString('utf8')) as { type: string; entry: Entry[] };

    expect(parts.inline).toBe(true);
    expect(bundle.type).toBe('transaction');
    const [reference, binary] = bundle.entry;
    expect(reference.request).toEqual({ method: 'POST', url: 'DocumentReference', ifNoneExist: `identifier=urn:secondlook:records-transfer|${requestId}:${document.documentId}` });
    expect(reference.resource.content?.[0].attachment.url).toBe(binary.fullUrl);
    expect(binary.request).toEqual({ method: 'POST', url: 'Binary' });
    expect(Buffer.from(binary.resource.data ?? '', 'base64').equals(bytes)).toBe(true);
    expect(Buffer.byteLength(parts.head) + base64Length(bytes.length) + Buffer.byteLength(parts.tail)).toBe(body.length);
  });

  it('stored: the Bundle is the DocumentReference alone, its attachment a relative reference to the native Binary', () => {
    const binaryId = binaryIdFor(requestId, document.documentId);
    const parts = transactionParts(requestId, document, binaryId);
    const bundle = JSON.parse(parts.head) as { entry: Entry[] };

    expect(parts).toMatchObject({ inline: false, tail: '' });
    expect(bundle.entry).toHaveLength(1);
    expect(bundle.entry[0].resource.resourceType).toBe('DocumentReference');
    expect(bundle.entry[0].resource.content?.[0].attachment).toMatchObject({ url: `Binary/${binaryId}`, size: bytes.length, hash: document.sha1Base64, title: 'biopsy report é.pdf' });
  });
});

describe('binaryIdFor', () => {
  it('is the same id on every attempt, one per (request, document), and a valid FHIR id', () => {
    const id = binaryIdFor(requestId, document.documentId);
    expect(binaryIdFor(requestId, document.documentId)).toBe(id);
    expect(binaryIdFor('1f8a3c1e-7b6d-4e2a-9c5b-1d2e3f4a5b6c', document.documentId)).not.toBe(id);
    expect(binaryIdFor(requestId, '6b0c5d4e-2f5a-4c1e-9d3e-0a1b2c3d4e5f')).not.toBe(id);
    expect(id).toMatch(/^[A-Za-z0-9\-.]{1,64}$/);
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});
