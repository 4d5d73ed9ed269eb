import { BadRequestException } from '@nestjs/common';

/** The Idempotency-Key header, if any, checked for a sane shape. */
export function idempotencyKeyOf(header: string | undefined): string | undefined {
  if (header === undefined) return undefined;
  if (!/^[\w.:-]{1,200}$/.test(header)) {
    throw new BadRequestException({ error: 'validation-failed', message: 'Idempotency-Key must be 1-200 letters, digits, or . _ : -', details: [{ field: 'Idempotency-Key', problem: 'is not a valid key' }] });
  }
  return header;
}
