import { BadRequestException, PayloadTooLargeException, UnsupportedMediaTypeException } from '@nestjs/common';
import { DOCUMENT_CONTENT_TYPES, type DocumentContentType } from '@secondlook/contracts';
import busboy from 'busboy';
import type { Request } from 'express';
import type { Readable } from 'node:stream';
import { HashingStream } from './hashing.stream';

export interface ParsedUpload {
  fields: Record<string, string>;
  fileName: string;
  contentType: DocumentContentType;
  sizeBytes: number;
  sha256: string;
  sha1Base64: string;
}

export interface UploadOptions {
  maxBytes: number;
  /** Streams the file part to storage; must reject (and clean up) if the stream errors. */
  store: (content: Readable) => Promise<unknown>;
}

// Multipart framing and the small text fields on top of the file itself.
const ENVELOPE_BYTES = 64 * 1024;

const isAllowed = (type: string): type is DocumentContentType => (DOCUMENT_CONTENT_TYPES as readonly string[]).includes(type);

const tooLarge = (maxBytes: number) =>
  new PayloadTooLargeException({ error: 'payload-too-large', message: `A document may be at most ${Math.floor(maxBytes / 1024 / 1024)} MB` });

/**
 * Streams one multipart upload (a `file` part and text fields) straight into
 * storage, hashing as it goes: memory use stays at a few chunks whatever the file
 * size. Limits are enforced while streaming, so an oversized file is cut off at
 * the limit rather than after it has all arrived.
 */
export function parseDocumentUpload(req: Request, options: UploadOptions): Promise<ParsedUpload> {
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > options.maxBytes + ENVELOPE_BYTES) return Promise.reject(tooLarge(options.maxBytes));
  if (!/^multipart\/form-data/i.test(req.headers['content-type'] ?? '')) {
    return Promise.reject(new UnsupportedMediaTypeException({ error: 'unsupported-media-type', message: 'Send the document as multipart/form-data' }));
  }

  return new Promise<ParsedUpload>((resolve, reject) => {
    let parser: busboy.Busboy;
    try {
      parser = busboy({ headers: req.headers, defParamCharset: 'utf8', limits: { files: 1, fileSize: options.maxBytes, fields: 8, fieldSize: 4096, parts: 10 } });
    } catch {
      reject(new BadRequestException({ error: 'bad-request', message: 'Malformed multipart body' }));
      return;
    }
    const fields: Record<string, string> = {};
    let failure: Error | undefined;
    let stored: Promise<ParsedUpload> | undefined;
    let hashing: HashingStream | undefined;
    const fail = (error: Error): void => {
      failure ??= error;
    };

    parser.on('field', (name, value) => {
      fields[name] = value;
    });
    parser.on('file', (name, file, info) => {
      if (name !== 'file' || stored) {
        file.resume();
        fail(new BadRequestException({ error: 'bad-request', message: 'Send exactly one file, in the part named "file"' }));
        return;
      }
      const contentType = info.mimeType.toLowerCase();
      if (!isAllowed(contentType)) {
        file.resume();
        fail(new UnsupportedMediaTypeException({ error: 'unsupported-media-type', message: `Documents of type ${contentType} are not accepted`, details: { allowed: DOCUMENT_CONTENT_TYPES } }));
        return;
      }
      const hasher = new HashingStream();
      hashing = hasher;
      const abandon = (error: Error): void => {
        fail(error);
        // Fails the storage write, which removes its partial file; the rest of the part is drained
        // so busboy reaches the end of the body and the refusal can be answered.
        file.unpipe(hasher);
        hasher.destroy(error);
        file.resume();
      };
      file.on('limit', () => abandon(tooLarge(options.maxBytes)));
      file.on('error', (error: Error) => abandon(error));
      file.pipe(hasher);
      stored = options.store(hasher).then(() => ({
        fields,
        fileName: cleanFileName(info.filename),
        contentType,
        sizeBytes: hasher.sizeBytes,
        ...hasher.digests(),
      }));
      // Settled below; avoid an unhandled rejection if busboy errors first.
      stored.catch(() => undefined);
    });
    parser.on('partsLimit', () => fail(new BadRequestException({ error: 'bad-request', message: 'Too many parts' })));
    parser.on('filesLimit', () => fail(new BadRequestException({ error: 'bad-request', message: 'Send exactly one file' })));
    parser.on('error', (error: Error) => {
      req.unpipe(parser);
      reject(failure ?? new BadRequestException({ error: 'bad-request', message: `Malformed multipart body: ${error.message}` }));
    });
    parser.on('close', () => {
      if (!stored) {
        reject(failure ?? new BadRequestException({ error: 'bad-request', message: 'The request has no file part' }));
        return;
      }
      stored.then(
        (upload) => (failure ? reject(failure) : resolve(upload)),
        (error: unknown) => reject(failure ?? error),
      );
    });
    req.on('close', () => {
      if (req.complete) return;
      // The client went away mid-upload: busboy will never finish, so end the write here.
      const aborted = new BadRequestException({ error: 'bad-request', message: 'Upload aborted' });
      fail(aborted);
      hashing?.destroy(aborted);
      req.unpipe(parser);
      reject(aborted);
    });
    req.pipe(parser);
  });
}

/** Keeps the name a person gave the file, minus any path a browser may have sent. */
function cleanFileName(raw: string | undefined): string {
  const last = (raw ?? '').split(/[\\/]/).pop() ?? '';
  const base = [...last].filter((char) => char.charCodeAt(0) >= 0x20 && char.charCodeAt(0) !== 0x7f).join('').trim();
  return (base || 'document').slice(0, 255);
}
