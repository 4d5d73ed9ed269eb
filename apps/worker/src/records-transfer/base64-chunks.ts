/**
 * Base64 over a byte stream, chunk by chunk. Each chunk is encoded up to a
 * multiple of 3 bytes and the remainder carried over, so the concatenation is the
 * base64 of the whole file with padding only at the very end.
 */
export async function* base64Chunks(source: AsyncIterable<Buffer>, onBytes?: (bytes: number) => void): AsyncGenerator<Buffer> {
  let carry: Buffer = Buffer.alloc(0);
  for await (const chunk of source) {
    onBytes?.(chunk.length);
    const bytes = carry.length > 0 ? Buffer.concat([carry, chunk]) : chunk;
    const whole = bytes.length - (bytes.length % 3);
    carry = Buffer.from(bytes.subarray(whole));
    if (whole > 0) yield Buffer.from(bytes.subarray(0, whole).toString('base64'), 'latin1');
  }
  if (carry.length > 0) yield Buffer.from(carry.toString('base64'), 'latin1');
}

export const base64Length = (bytes: number): number => 4 * Math.ceil(bytes / 3);
