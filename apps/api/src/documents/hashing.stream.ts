import { createHash, type Hash } from 'node:crypto';
import { Transform, type TransformCallback } from 'node:stream';

/**
 * Passes bytes through unchanged while hashing them: SHA-256 is our integrity
 * check and ETag; SHA-1 is what FHIR's Attachment.hash must carry. Both are
 * computed in the one pass the upload makes, so the file is never read twice.
 */
export class HashingStream extends Transform {
  private readonly sha256: Hash = createHash('sha256');
  private readonly sha1: Hash = createHash('sha1');
  sizeBytes = 0;

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    this.sha256.update(chunk);
    this.sha1.update(chunk);
    this.sizeBytes += chunk.length;
    callback(null, chunk);
  }

  digests(): { sha256: string; sha1Base64: string } {
    return { sha256: this.sha256.digest('hex'), sha1Base64: this.sha1.digest('base64') };
  }
}
