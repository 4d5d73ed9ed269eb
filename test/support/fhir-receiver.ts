import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReceivedDocument {
  /** The DocumentReference's transfer identifier: `<requestId>:<documentId>`. */
  key: string;
  fileName: string;
  contentType: string;
  sizeBytes: number;
  sha256: string;
  /** False when ifNoneExist matched a document this receiver already had. */
  created: boolean;
  authorization: string | undefined;
}

export interface FhirReceiverOptions {
  /** Answer a request with this status instead of processing it (n counts every POST, from 1). */
  override?: (n: number) => number | undefined;
  /** Slow the destination down: pause this long after every chunk of the body. */
  chunkDelayMs?: number;
  /** Check every Bundle (parse, decode, hash). Off in the benchmark, which only counts bytes. */
  validate?: boolean;
}

/**
 * A FHIR R4 destination on 127.0.0.1 for tests: it validates each transaction
 * Bundle the way a strict server would (resource types, base64 Binary, SHA-1
 * Attachment.hash, our SHA-256 extension, size), honours ifNoneExist on the
 * DocumentReference identifier, and records what arrived complete.
 */
export class FhirReceiver {
  readonly documents: ReceivedDocument[] = [];
  readonly problems: string[] = [];
  posts = 0;
  bytesReceived = 0;
  inFlight = 0;
  private readonly server: Server;
  private readonly created = new Map<string, string>();
  private nextId = 1;

  private constructor(private readonly options: FhirReceiverOptions) {
    this.server = createServer((req, res) => void this.handle(req, res));
  }

  static async start(options: FhirReceiverOptions = {}): Promise<FhirReceiver> {
    const receiver = new FhirReceiver({ validate: true, ...options });
    await new Promise<void>((resolve) => receiver.server.listen(0, '127.0.0.1', resolve));
    return receiver;
  }

  get url(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/fhir`;
  }

  /** Complete deliveries per document key (a resend after a crash would show as 2). */
  deliveriesByKey(): Map<string, number> {
    const counts = new Map<string, number>();
    for (const document of this.documents) counts.set(document.key, (counts.get(document.key) ?? 0) + 1);
    return counts;
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    this.posts++;
    const n = this.posts;
    const status = this.options.override?.(n);
    if (status !== undefined) {
      req.resume();
      req.on('end', () => answer(res, status, { resourceType: 'OperationOutcome', issue: [{ severity: 'error', code: 'transient' }] }));
      return;
    }
    this.inFlight++;
    let body: Buffer;
    try {
      body = await this.read(req);
    } catch {
      return; // the sender died mid-body: nothing arrived
    } finally {
      this.inFlight--;
    }
    if (req.method !== 'POST') return answer(res, 405, {});
    if (!this.options.validate) {
      this.documents.push({ key: `raw-${n}`, fileName: '', contentType: String(req.headers['content-type']), sizeBytes: body.length, sha256: '', created: true, authorization: req.headers.authorization });
      return answer(res, 201, { resourceType: 'Bundle', type: 'transaction-response', entry: [{ response: { status: '201 Created', location: `Binary/${n}` } }] });
    }
    try {
      const document = this.validate(req, body);
      const existing = this.created.get(document.key);
      const location = existing ?? `DocumentReference/${this.nextId++}/_history/1`;
      if (!existing) this.created.set(document.key, location);
      this.documents.push({ ...document, created: !existing });
      answer(res, 200, {
        resourceType: 'Bundle',
        id: `response-${n}`,
        type: 'transaction-response',
        entry: [{ response: { status: existing ? '200 OK' : '201 Created', location } }, { response: { status: '201 Created', location: `Binary/${n}` } }],
      });
    } catch (error) {
      this.problems.push((error as Error).message);
      answer(res, 400, { resourceType: 'OperationOutcome', issue: [{ severity: 'error', code: 'invalid', diagnostics: (error as Error).message }] });
    }
  }

  private read(req: IncomingMessage): Promise<Buffer> {
    return new Promise((resolve, reject) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => {
        this.bytesReceived += chunk.length;
        if (this.options.validate) chunks.push(chunk);
        if (this.options.chunkDelayMs) {
          req.pause();
          setTimeout(() => req.resume(), this.options.chunkDelayMs);
        }
      });
      req.on('end', () => resolve(Buffer.concat(chunks)));
      req.on('aborted', () => reject(new Error('aborted')));
      req.on('error', reject);
    });
  }

  private validate(req: IncomingMessage, body: Buffer): Omit<ReceivedDocument, 'created'> {
    const problem = (message: string): never => {
      throw new Error(message);
    };
    if (!String(req.headers['content-type']).startsWith('application/fhir+json')) problem('content-type is not application/fhir+json');
    const bundle = JSON.parse(body.toString('utf8')) as FhirBundle;
    if (bundle.resourceType !== 'Bundle') problem('resourceType is not Bundle');
    if (bundle.type !== 'transaction') problem('Bundle.type is not transaction');
    const entries = bundle.entry ?? [];
    const reference = entries.find((entry) => entry.resource?.resourceType === 'DocumentReference');
    const binary = entries.find((entry) => entry.resource?.resourceType === 'Binary');
    if (!reference || !binary || entries.length !== 2) problem('expected exactly a DocumentReference and a Binary');
    const doc = reference?.resource as FhirDocumentReference;
    if (reference?.request?.method !== 'POST' || reference.request.url !== 'DocumentReference') problem('DocumentReference entry is not a POST');
    if (binary?.request?.method !== 'POST' || binary.request.url !== 'Binary') problem('Binary entry is not a POST');
    if (doc.status !== 'current') problem('DocumentReference.status is not current');
    const identifier = doc.identifier?.[0];
    if (!identifier?.system || !identifier.value) problem('DocumentReference has no identifier');
    if (reference?.request?.ifNoneExist !== `identifier=${identifier?.system}|${identifier?.value}`) problem('ifNoneExist does not name the identifier');
    const attachment = doc.content?.[0]?.attachment;
    if (!attachment) problem('DocumentReference has no attachment');
    const data = (binary?.resource as { data?: string; contentType?: string }).data ?? '';
    if (!/^[A-Za-z0-9+/]*={0,2}$/.test(data) || data.length % 4 !== 0) problem('Binary.data is not base64');
    const bytes = Buffer.from(data, 'base64');
    if (bytes.toString('base64') !== data) problem('Binary.data does not round-trip as base64');
    if ((binary?.resource as { contentType?: string }).contentType !== attachment?.contentType) problem('Binary and attachment content types differ');
    if (attachment?.url !== binary?.fullUrl) problem('attachment.url does not point at the Binary');
    if (attachment?.size !== bytes.length) problem(`attachment.size ${attachment?.size} is not ${bytes.length}`);
    if (attachment?.hash !== createHash('sha1').update(bytes).digest('base64')) problem('attachment.hash is not the SHA-1 of the data');
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const declared = attachment?.extension?.find((extension) => extension.url.endsWith('attachment-sha256'))?.valueString;
    if (declared !== sha256) problem('the SHA-256 extension does not match the data');
    return {
      key: identifier?.value ?? '',
      fileName: attachment?.title ?? '',
      contentType: attachment?.contentType ?? '',
      sizeBytes: bytes.length,
      sha256,
      authorization: req.headers.authorization,
    };
  }
}

interface FhirBundle {
  resourceType?: string;
  type?: string;
  entry?: Array<{ fullUrl?: string; resource?: { resourceType?: string }; request?: { method?: string; url?: string; ifNoneExist?: string } }>;
}

interface FhirDocumentReference {
  status?: string;
  identifier?: Array<{ system?: string; value?: string }>;
  content?: Array<{ attachment?: { contentType?: string; size?: number; hash?: string; title?: string; url?: string; extension?: Array<{ url: string; valueString?: string }> } }>;
}

function answer(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/fhir+json', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}
