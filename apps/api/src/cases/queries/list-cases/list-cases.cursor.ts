import { BadRequestException } from '@nestjs/common';

/** Keyset position: the sort key's value and the case id that breaks ties. */
export interface ListCursor {
  key: string;
  id: string;
}

export function encodeCursor(cursor: ListCursor): string {
  return Buffer.from(JSON.stringify([cursor.key, cursor.id])).toString('base64url');
}

export function decodeCursor(raw: string): ListCursor {
  try {
    const [key, id] = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8')) as unknown[];
    if (typeof key === 'string' && typeof id === 'string' && /^[0-9a-f-]{36}$/.test(id)) return { key, id };
  } catch {
    // fall through to the 400 below
  }
  throw new BadRequestException({ error: 'validation-failed', message: 'Invalid query: cursor is not a cursor this API issued', details: [{ field: 'cursor', problem: 'is not a cursor this API issued' }] });
}
