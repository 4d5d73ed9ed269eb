import type { Readable } from 'node:stream';

/**
 * Where uploaded document bytes live. Keys are opaque, path-like and made of ids
 * only (`<caseId>/<documentId>`), never of file names, which are personal data.
 * The local filesystem implements it for one machine; an S3-compatible store is
 * the scale-out option (see docs/operations.md).
 */
export interface DocumentStorage {
  /** Streams `content` to `key`. The object becomes readable only once it is complete. */
  write(key: string, content: Readable): Promise<{ sizeBytes: number }>;
  /** Rejects with DocumentNotStoredError when nothing is stored under `key`. */
  read(key: string): Promise<Readable>;
  remove(key: string): Promise<void>;
}

export class DocumentNotStoredError extends Error {
  override readonly name = 'DocumentNotStoredError';
  constructor(readonly key: string) {
    super(`No document stored under ${key}`);
  }
}

/** Nest injection token for the process's DocumentStorage. */
export const DOCUMENT_STORAGE = Symbol('DOCUMENT_STORAGE');
