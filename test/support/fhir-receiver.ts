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
  /** How the bytes came: base64 in the Bundle's Binary, or a native Binary PUT the attachment references. */
  binary: 'inline' | 'native';
}

export interface FhirReceiverOptions {
  /** Answer a request with this status instead of processing it (n counts every request, PUT or POST, from 1). */
  override?: (n: number) => number | undefined;
  /** Slow the destination down: pause this long after every chunk of the body. */
  chunkDelayMs?: number;
  /** Check every Bundle (parse, decode, hash). Off in the benchmark, which only counts bytes. */
  validate?: boolean;
  /** False: answer `PUT Binary/<id>` with 405, like a server without update-as-create. */
  nativeBinary?: boolean;
}

interface StoredBinary {
  contentType: string;
  sizeBytes: number;
  sha1Base64: string;
  sha256: string;
}

const BINARY_PATH = /^\/fhir\/Binary\/([A-Za-z0-9.-]{1,64})$/;

/**
 * A FHIR R4 destination on 127.0.0.1 for tests. It takes transaction Bundles at
 * `POST /fhir` and native Binaries (raw bytes, their own content type) at
 * `PUT /fhir/Binary/<id>`, validates each Bundle the way a strict server would
 * (resource types, base64 Binary or a reference to a stored one, SHA-1
 * Attachment.hash, our SHA-256 extension, size), honours ifNoneExist on the
 * DocumentReference identifier, and records what arrived complete.
 */
export class FhirReceiver {
  readonly documents: ReceivedDocument[] = [];
  readonly problems: string[] = [];
  /** Every request, answered or not. */
  requests = 0;
  bytesReceived = 0;
  inFlight = 0;
  /** Complete native Binary PUTs, in order of arrival (a resend shows its id twice). */
  readonly binaryPuts: string[] = [];
  private readonly server: Server;
  private readonly created = new Map<string, string>();
  private readonly binaries = new Map<string, StoredBinary>();
  private nextId = 1;

  private constructor(private readonly options: FhirReceiverOptions) {
    this.server = createServer((req, res) => void this.handle(req, res));
  }

  static async start(options: FhirReceiverOptions = {}): Promise<FhirReceiver> {
    const receiver = new FhirReceiver({ validate: true, nativeBinary: true, ...options });
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
    this.requests++;
    const n = this.requests;
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
    const path = new URL(req.url ?? '/', 'http://receiver').pathname;
    const binaryId = BINARY_PATH.exec(path)?.[1];
    if (req.method === 'PUT' && binaryId) return this.storeBinary(req, res, binaryId, body);
    if (req.method !== 'POST' || !/^\/fhir\/?$/.test(path)) return answer(res, 405, { resourceType: 'OperationOutcome', issue: [{ severity: 'error', code: 'not-supported' }] });
    if (!this.options.validate) {
      this.documents.push({ key: `raw-${n}`, fileName: '', contentType: String(req.headers['content-type']), sizeBytes: body.length, sha256: '', created: true, authorization: req.headers.authorization, binary: 'inline' });
      return answer(res, 201, { resourceType: 'Bundle', type: 'transaction-response', entry: [{ response: { status: '201 Created', location: `DocumentReference/${n}` } }] });
    }
    try {
      const document = this.validate(req, body);
      const existing = this.created.get(document.key);
      const location = existing ?? `DocumentReference/${this.nextId++}/_history/1`;
      if (!existing) this.created.set(document.key, location);
      this.documents.push({ ...document, created: !existing });
      const entry = [{ response: { status: existing ? '200 OK' : '201 Created', location } }];
      if (document.binary === 'inline') entry.push({ response: { status: '201 Created', location: `Binary/${n}` } });
      answer(res, 200, { resourceType: 'Bundle', id: `response-${n}`, type: 'transaction-response', entry });
    } catch (error) {
      this.problems.push((error as Error).message);
      answer(res, 400, { resourceType: 'OperationOutcome', issue: [{ severity: 'error', code: 'invalid', diagnostics: (error as Error).message }] });
    }
  }

  /** Update as create: the bytes are the Binary, its content type the request's. */
  private storeBinary(req: IncomingMessage, res: ServerResponse, id: string, body: Buffer): void {
    if (!this.options.nativeBinary) return answer(res, 405, { resourceType: 'OperationOutcome', issue: [{ severity: 'error', code: 'not-supported' }] });
    const contentType = String(req.headers['content-type'] ?? '');
    if (this.options.validate && (contentType === '' || contentType.startsWith('application/fhir+json'))) {
      this.problems.push(`Binary/${id} was not sent in its native form (${contentType})`);
      return answer(res, 400, { resourceType: 'OperationOutcome', issue: [{ severity: 'error', code: 'invalid' }] });
    }
    this.binaryPuts.push(id);
    const existed = this.binaries.has(id);
    this.binaries.set(id, {
      contentType,
      sizeBytes: body.length,
      sha1Base64: createHash('sha1').update(body).digest('base64'),
      sha256: createHash('sha256').update(body).digest('hex'),
    });
    res.writeHead(existed ? 200 : 201, { location: `Binary/${id}/_history/${this.binaryPuts.filter((put) => put === id).length}`, 'content-length': 0 });
    res.end();
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
    const reference = entries.find((entry) => entry.resource?.resourceType === 'DocumentReference') ?? problem('the Bundle has no DocumentReference');
    const binary = entries.find((entry) => entry.resource?.resourceType === 'Binary');
    const doc = reference.resource as FhirDocumentReference;
    if (reference.request?.method !== 'POST' || reference.request.url !== 'DocumentReference') problem('DocumentReference entry is not a POST');
    if (doc.status !== 'current') problem('DocumentReference.status is not current');
    const identifier = doc.identifier?.[0];
    if (!identifier?.system || !identifier.value) problem('DocumentReference has no identifier');
    if (reference.request?.ifNoneExist !== `identifier=${identifier?.system}|${identifier?.value}`) problem('ifNoneExist does not name the identifier');
    const attachment = doc.content?.[0]?.attachment ?? problem('DocumentReference has no attachment');
    const content = binary ? this.inlineBinary(entries.length, binary, attachment.url) : this.storedBinary(entries.length, attachment.url);
    if (content.contentType !== attachment.contentType) problem('Binary and attachment content types differ');
    if (attachment.size !== content.sizeBytes) problem(`attachment.size ${attachment.size} is not ${content.sizeBytes}`);
    if (attachment.hash !== content.sha1Base64) problem('attachment.hash is not the SHA-1 of the data');
    const declared = attachment.extension?.find((extension) => extension.url.endsWith('attachment-sha256'))?.valueString;
    if (declared !== content.sha256) problem('the SHA-256 extension does not match the data');
    return {
      key: identifier?.value ?? '',
      fileName: attachment.title ?? '',
      contentType: attachment.contentType ?? '',
      sizeBytes: content.sizeBytes,
      sha256: content.sha256,
      authorization: req.headers.authorization,
      binary: binary ? 'inline' : 'native',
    };
  }

  private inlineBinary(entries: number, binary: FhirEntry, attachmentUrl: string | undefined): StoredBinary {
    if (entries !== 2) throw new Error('expected exactly a DocumentReference and a Binary');
    if (binary.request?.method !== 'POST' || binary.request.url !== 'Binary') throw new Error('Binary entry is not a POST');
    if (attachmentUrl !== binary.fullUrl) throw new Error('attachment.url does not point at the Binary');
    const resource = binary.resource as { data?: string; contentType?: string };
    const data = resource.data ?? '';
    if (!/^[A-Za-z0-9+/]*={0,2}$/.test(data) || data.length % 4 !== 0) throw new Error('Binary.data is not base64');
    const bytes = Buffer.from(data, 'base64');
    if (bytes.toString('base64') !== data) throw new Error('Binary.data does not round-trip as base64');
    return {
      contentType: resource.contentType ?? '',
      sizeBytes: bytes.length,
      sha1Base64: createHash('sha1').update(bytes).digest('base64'),
      sha256: createHash('sha256').update(bytes).digest('hex'),
    };
  }

  private storedBinary(entries: number, attachmentUrl: string | undefined): StoredBinary {
    if (entries !== 1) throw new Error('expected a DocumentReference alone when no Binary is inline');
    const id = /^Binary\/([A-Za-z0-9.-]{1,64})$/.exec(attachmentUrl ?? '')?.[1];
    if (!id) throw new Error('attachment.url is neither an inline Binary nor Binary/<id>');
    const stored = this.binaries.get(id);
    if (!stored) throw new Error(`attachment.url names Binary/${id}, which was never stored`);
    return stored;
  }
}

interface FhirEntry {
  fullUrl?: string;
  resource?: { resourceType?: string };
  request?: { method?: string; url?: string; ifNoneExist?: string };
}

interface FhirBundle {
  resourceType?: string;
  type?: string;
  entry?: FhirEntry[];
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
