import { randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, rename, rm, stat } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { DocumentNotStoredError, type DocumentStorage } from './document-storage';

const KEY = /^[A-Za-z0-9-]+(\/[A-Za-z0-9-]+)*$/;

/**
 * Documents as files under one directory. Writes go to a uniquely named partial
 * file renamed into place at the end, so a reader (the records-transfer worker on
 * the same volume) never sees half a file, and a crash leaves only a `.partial`.
 */
export class LocalDocumentStorage implements DocumentStorage {
  private readonly root: string;

  constructor(directory: string) {
    this.root = resolve(directory);
  }

  async write(key: string, content: Readable): Promise<{ sizeBytes: number }> {
    const path = this.pathOf(key);
    await mkdir(dirname(path), { recursive: true });
    const partial = `${path}.${randomUUID()}.partial`;
    let sizeBytes = 0;
    content.on('data', (chunk: Buffer) => {
      sizeBytes += chunk.length;
    });
    try {
      await pipeline(content, createWriteStream(partial, { flags: 'wx' }));
      await rename(partial, path);
      return { sizeBytes };
    } catch (error) {
      await rm(partial, { force: true });
      throw error;
    }
  }

  async read(key: string): Promise<Readable> {
    const path = this.pathOf(key);
    try {
      await stat(path);
    } catch {
      throw new DocumentNotStoredError(key);
    }
    // 768 KiB: large reads, and a multiple of 3 so base64 encoding of each chunk needs no carry-over copy.
    return createReadStream(path, { highWaterMark: 768 * 1024 });
  }

  async remove(key: string): Promise<void> {
    await rm(this.pathOf(key), { force: true });
  }

  private pathOf(key: string): string {
    // Keys come from ids we minted, but a traversal check costs nothing.
    if (!KEY.test(key)) throw new TypeError(`Invalid storage key: ${key}`);
    return join(this.root, key);
  }
}
