import { createHash } from 'node:crypto';

// A fixed namespace for SecondLook's name-based ids (RFC 9562 UUIDv5).
const NAMESPACE = Buffer.from('6f1f8f3c9b0d4c5e8a2b7d4e1c3a5b7d', 'hex');

/** A stable UUIDv5 for a name, so the same request key always maps to the same id. */
export function nameBasedUuid(name: string): string {
  const hash = createHash('sha1').update(NAMESPACE).update(name, 'utf8').digest();
  hash[6] = (hash[6] & 0x0f) | 0x50;
  hash[8] = (hash[8] & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
