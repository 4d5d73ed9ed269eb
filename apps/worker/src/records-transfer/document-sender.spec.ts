import { Logger } from '@nestjs/common';
import type { AppConfig, DocumentStorage } from '@secondlook/platform';
import { Readable } from 'node:stream';
import { DestinationRefusedError, DestinationUnavailableError, type FhirDestinationClient, type RecordsDestination, type RequestBody } from './fhir-destination.client';
import { binaryIdFor } from './fhir-transaction';
import { type DestinationFeatures, DocumentSender, type SendableDocument } from './document-sender';

const destination: RecordsDestination = { id: 'd', name: 'Lakeside', fhirBaseUrl: 'http://127.0.0.1:1/fhir', authorization: null };
const requestId = '0f8a3c1e-7b6d-4e2a-9c5b-1d2e3f4a5b6c';

const documentOf = (documentId: string, sizeBytes: number): SendableDocument => ({
  documentId,
  kind: 'pathology-reports',
  fileName: `${documentId}.pdf`,
  description: '',
  contentType: 'application/pdf',
  sizeBytes,
  sha256: '',
  sha1Base64: '',
  uploadedAt: '2026-11-25T10:00:00.000Z',
  storageKey: `case/${documentId}`,
});

async function drain(body: RequestBody): Promise<string> {
  let text = '';
  for await (const chunk of body) text += typeof chunk === 'string' ? chunk : chunk.toString('latin1');
  return text;
}

/** A destination that records what it was sent; `refusePut` answers every native Binary with that error. */
function fakeClient(refusePut?: Error) {
  const sent: Array<{ kind: 'put' | 'bundle'; body: string; length: number; binaryId?: string }> = [];
  const client = {
    async putBinary(_destination: RecordsDestination, binaryId: string, _type: string, body: RequestBody, length: number) {
      const text = await drain(body);
      if (refusePut) throw refusePut;
      sent.push({ kind: 'put', body: text, length, binaryId });
    },
    async postTransaction(_destination: RecordsDestination, body: RequestBody, length: number) {
      sent.push({ kind: 'bundle', body: await drain(body), length });
      return { status: 200, receipt: `DocumentReference/${sent.length}` };
    },
  };
  return { client: client as unknown as FhirDestinationClient, sent };
}

const storage = { read: async (key: string) => Readable.from([Buffer.alloc(Number(key.split('-').pop()), 7)]) } as unknown as DocumentStorage;
const config = { RECORDS_INLINE_MAX_BYTES: 1000, RECORDS_TRANSFER_TIMEOUT_MS: 1000 } as AppConfig;

describe('DocumentSender', () => {
  beforeAll(() => Logger.overrideLogger(false));

  it('sends a document up to the inline limit as base64 in one Bundle', async () => {
    const { client, sent } = fakeClient();
    let bytes = 0;
    await new DocumentSender(client, storage, config).send(destination, { nativeBinary: true }, requestId, documentOf('small-1000', 1000), (n) => (bytes += n));

    expect(sent.map((request) => request.kind)).toEqual(['bundle']);
    expect(sent[0].body.length).toBe(sent[0].length);
    expect(JSON.parse(sent[0].body).entry[1].resource.data).toBe(Buffer.alloc(1000, 7).toString('base64'));
    expect(bytes).toBe(1000);
  });

  it('PUTs a larger one raw to its derived Binary id, then a Bundle referencing it, and answers the Bundle receipt', async () => {
    const { client, sent } = fakeClient();
    let bytes = 0;
    const receipt = await new DocumentSender(client, storage, config).send(destination, { nativeBinary: true }, requestId, documentOf('large-1001', 1001), (n) => (bytes += n));

    const binaryId = binaryIdFor(requestId, 'large-1001');
    expect(sent.map((request) => request.kind)).toEqual(['put', 'bundle']);
    expect(sent[0]).toMatchObject({ binaryId, length: 1001, body: Buffer.alloc(1001, 7).toString('latin1') });
    expect(JSON.parse(sent[1].body).entry).toHaveLength(1);
    expect(JSON.parse(sent[1].body).entry[0].resource.content[0].attachment.url).toBe(`Binary/${binaryId}`);
    expect(receipt).toBe('DocumentReference/2');
    expect(bytes).toBe(1001);
  });

  it('keeps a large document in a FHIR format inline: a server would read a raw PUT of it as the Binary resource itself', async () => {
    const { client, sent } = fakeClient();
    const features: DestinationFeatures = { nativeBinary: true };
    await new DocumentSender(client, storage, config).send(destination, features, requestId, { ...documentOf('bundle-5000', 5000), contentType: 'application/fhir+json' }, () => undefined);

    expect(sent.map((request) => request.kind)).toEqual(['bundle']);
    expect(JSON.parse(sent[0].body).entry[1].resource).toMatchObject({ resourceType: 'Binary', contentType: 'application/fhir+json' });
    expect(features.nativeBinary).toBe(true);
  });

  it('falls back to inline when the destination refuses native Binaries, and stops asking for the rest of the transfer', async () => {
    const { client, sent } = fakeClient(new DestinationRefusedError('Lakeside answered 405', 405));
    const sender = new DocumentSender(client, storage, config);
    const features: DestinationFeatures = { nativeBinary: true };
    let bytes = 0;
    await sender.send(destination, features, requestId, documentOf('large-2000', 2000), (n) => (bytes += n));
    await sender.send(destination, features, requestId, documentOf('large-3000', 3000), (n) => (bytes += n));

    expect(features.nativeBinary).toBe(false);
    expect(sent.map((request) => request.kind)).toEqual(['bundle', 'bundle']);
    expect(bytes).toBe(5000);
  });

  it.each([
    ['a refusal an inline Binary would get too (401)', new DestinationRefusedError('Lakeside answered 401', 401)],
    ['an unavailable destination (503)', new DestinationUnavailableError('Lakeside answered 503')],
  ])('fails the document on %s', async (_case, error) => {
    const { client, sent } = fakeClient(error);
    const features: DestinationFeatures = { nativeBinary: true };
    await expect(new DocumentSender(client, storage, config).send(destination, features, requestId, documentOf('large-2000', 2000), () => undefined)).rejects.toBe(error);
    expect(sent).toEqual([]);
    expect(features.nativeBinary).toBe(true);
  });
});
