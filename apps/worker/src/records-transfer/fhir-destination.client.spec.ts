import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { DestinationRefusedError, DestinationUnavailableError, FhirDestinationClient, type RecordsDestination } from './fhir-destination.client';

interface Seen {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  body: Buffer;
}

describe('FhirDestinationClient', () => {
  let server: Server;
  let seen: Seen[];
  let answer: { status: number; body: string };
  let destination: RecordsDestination;

  beforeAll(async () => {
    server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        seen.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks) });
        res.writeHead(answer.status, { 'content-type': 'application/fhir+json' });
        res.end(answer.body);
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    destination = { id: 'd', name: 'Lakeside', fhirBaseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}/fhir`, authorization: 'Bearer secret' };
  });

  beforeEach(() => {
    seen = [];
    answer = { status: 201, body: '' };
  });

  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('PUTs a native Binary: raw bytes under the base URL, their own content type and length, the credentials', async () => {
    const bytes = Buffer.from([0, 1, 2, 250, 255]);
    await new FhirDestinationClient().putBinary(destination, 'abc-123', 'image/png', [bytes.subarray(0, 2), bytes.subarray(2)], bytes.length, 5000);

    expect(seen).toHaveLength(1);
    expect(seen[0]).toMatchObject({ method: 'PUT', url: '/fhir/Binary/abc-123', body: bytes });
    expect(seen[0].headers).toMatchObject({ 'content-type': 'image/png', 'content-length': '5', authorization: 'Bearer secret', accept: 'application/fhir+json' });
  });

  it('POSTs a Bundle mixing Buffers and latin1 strings, and answers the DocumentReference location', async () => {
    answer = { status: 200, body: JSON.stringify({ resourceType: 'Bundle', entry: [{ response: { location: 'DocumentReference/7/_history/1' } }] }) };
    const head = Buffer.from('{"title":"é","data":"');
    const tail = Buffer.from('"}');
    const posted = await new FhirDestinationClient().postTransaction(destination, [head, 'QUJD', tail], head.length + 4 + tail.length, 5000);

    expect(posted).toEqual({ status: 200, receipt: 'DocumentReference/7/_history/1' });
    expect(seen[0]).toMatchObject({ method: 'POST', url: '/fhir/' });
    expect(JSON.parse(seen[0].body.toString('utf8'))).toEqual({ title: 'é', data: 'QUJD' });
  });

  it('answers a refusal with its status (not retried) and a 503 as worth retrying', async () => {
    answer = { status: 405, body: JSON.stringify({ resourceType: 'OperationOutcome', issue: [{ code: 'not-supported', diagnostics: 'no' }] }) };
    const refused = await new FhirDestinationClient().putBinary(destination, 'x', 'application/pdf', [Buffer.from('a')], 1, 5000).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(DestinationRefusedError);
    expect(refused).toMatchObject({ status: 405, message: 'Lakeside answered 405 (not-supported)' });

    answer = { status: 503, body: '' };
    await expect(new FhirDestinationClient().postTransaction(destination, [Buffer.from('{}')], 2, 5000)).rejects.toBeInstanceOf(DestinationUnavailableError);
  });
});
