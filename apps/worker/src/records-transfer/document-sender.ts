import { Inject, Injectable, Logger } from '@nestjs/common';
import { APP_CONFIG, type AppConfig, DOCUMENT_STORAGE, type DocumentStorage } from '@secondlook/platform';
import { base64Chunks, base64Length } from './base64-chunks';
import { DestinationRefusedError, FhirDestinationClient, type RecordsDestination } from './fhir-destination.client';
import { binaryIdFor, type TransferDocument, transactionParts } from './fhir-transaction';

/**
 * Answers to a native Binary PUT that say "not this way" (no update-as-create, no
 * client-chosen ids, no raw content) rather than "not at all": the same document
 * may still go inline. A 401, 403 or 413 would fail inline too, so it fails here.
 */
const NATIVE_BINARY_REFUSALS = new Set([400, 404, 405, 409, 415, 422, 501]);

/**
 * A FHIR server reads a PUT body in a FHIR format (JSON or XML) as the Binary resource itself,
 * not as its content, so such documents always travel inline, base64 inside the Bundle.
 */
const readAsFhirResource = (contentType: string): boolean => /^application\/(fhir\+)?(json|xml)\b/i.test(contentType);

/** What one transfer attempt learned about its destination. */
export interface DestinationFeatures {
  nativeBinary: boolean;
}

export interface SendableDocument extends TransferDocument {
  storageKey: string;
}

/**
 * Sends one document as FHIR. Up to RECORDS_INLINE_MAX_BYTES the file travels as
 * base64 inside the transaction Bundle (one request). A larger one is first PUT as
 * a native Binary, raw bytes with their own content type (no base64: a third fewer
 * bytes and no encoding), then the Bundle's DocumentReference points at it. Both
 * are pushed by us: the destination never has to reach our network.
 */
@Injectable()
export class DocumentSender {
  private readonly logger = new Logger(DocumentSender.name);

  constructor(
    private readonly client: FhirDestinationClient,
    @Inject(DOCUMENT_STORAGE) private readonly storage: DocumentStorage,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Answers the destination's receipt for the document's DocumentReference. `onBytes` counts file bytes sent (negative when taken back). */
  async send(destination: RecordsDestination, features: DestinationFeatures, requestId: string, document: SendableDocument, onBytes: (bytes: number) => void): Promise<string> {
    if (features.nativeBinary && document.sizeBytes > this.config.RECORDS_INLINE_MAX_BYTES && !readAsFhirResource(document.contentType)) {
      const binaryId = binaryIdFor(requestId, document.documentId);
      if (await this.putBinary(destination, binaryId, document, onBytes)) {
        const bundle = Buffer.from(transactionParts(requestId, document, binaryId).head);
        return (await this.client.postTransaction(destination, [bundle], bundle.length, this.config.RECORDS_TRANSFER_TIMEOUT_MS)).receipt;
      }
      features.nativeBinary = false;
    }
    return this.sendInline(destination, requestId, document, onBytes);
  }

  /** False when the destination does not take native Binaries; the document can still go inline. */
  private async putBinary(destination: RecordsDestination, binaryId: string, document: SendableDocument, onBytes: (bytes: number) => void): Promise<boolean> {
    let streamed = 0;
    try {
      await this.withStoredFile(document, (file) => {
        const body = counted(file, (bytes) => {
          streamed += bytes;
          onBytes(bytes);
        });
        return this.client.putBinary(destination, binaryId, document.contentType, body, document.sizeBytes, this.config.RECORDS_TRANSFER_TIMEOUT_MS);
      });
      return true;
    } catch (error) {
      if (!(error instanceof DestinationRefusedError && NATIVE_BINARY_REFUSALS.has(error.status))) throw error;
      onBytes(-streamed);
      this.logger.warn({ destination: destination.name, status: error.status }, 'destination refused a native Binary: sending this transfer inline');
      return false;
    }
  }

  private async sendInline(destination: RecordsDestination, requestId: string, document: SendableDocument, onBytes: (bytes: number) => void): Promise<string> {
    const parts = transactionParts(requestId, document);
    const head = Buffer.from(parts.head);
    const tail = Buffer.from(parts.tail);
    return this.withStoredFile(document, async (file) => {
      const body = (async function* () {
        yield head;
        yield* base64Chunks(file, onBytes);
        yield tail;
      })();
      const length = head.length + base64Length(document.sizeBytes) + tail.length;
      return (await this.client.postTransaction(destination, body, length, this.config.RECORDS_TRANSFER_TIMEOUT_MS)).receipt;
    });
  }

  /** The document's bytes for one request, closed whatever the request's outcome. */
  private async withStoredFile<T>(document: SendableDocument, send: (file: Awaited<ReturnType<DocumentStorage['read']>>) => Promise<T>): Promise<T> {
    const file = await this.storage.read(document.storageKey);
    try {
      return await send(file);
    } finally {
      file.destroy();
    }
  }
}

async function* counted(source: AsyncIterable<Buffer>, onBytes: (bytes: number) => void): AsyncGenerator<Buffer> {
  for await (const chunk of source) {
    onBytes(chunk.length);
    yield chunk;
  }
}
