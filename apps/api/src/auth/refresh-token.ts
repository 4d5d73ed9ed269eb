import { createHash, randomBytes } from 'node:crypto';

/** `<session id>.<secret>`: the id finds the row, the secret (stored only hashed) proves possession. */
export interface RefreshToken {
  sessionId: string;
  secret: string;
}

const FORMAT = /^([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\.([A-Za-z0-9_-]{43})$/;

export function newRefreshSecret(): string {
  return randomBytes(32).toString('base64url');
}

export function formatRefreshToken(token: RefreshToken): string {
  return `${token.sessionId}.${token.secret}`;
}

export function parseRefreshToken(value: unknown): RefreshToken | undefined {
  if (typeof value !== 'string') return undefined;
  const match = FORMAT.exec(value);
  return match ? { sessionId: match[1], secret: match[2] } : undefined;
}

// 256 random bits need no slow hash: SHA-256 is enough to make a leaked table useless.
export function hashRefreshSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}
