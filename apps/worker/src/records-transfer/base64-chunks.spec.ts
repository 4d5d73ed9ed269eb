import { base64Chunks, base64Length } from './base64-chunks';

async function* chunksOf(bytes: Buffer, size: number): AsyncGenerator<Buffer> {
  for (let offset = 0; offset < bytes.length; offset += size) yield bytes.subarray(offset, offset + size);
}

describe('base64Chunks', () => {
  it.each([1, 2, 3, 7, 768, 1000, 2_501])('concatenates to the base64 of the whole file with %i-byte reads, counting every byte', async (size) => {
    const bytes = Buffer.from(Array.from({ length: 2_501 }, (_, i) => (i * 31) % 256));
    let counted = 0;
    let encoded = '';
    for await (const chunk of base64Chunks(chunksOf(bytes, size), (n) => (counted += n))) encoded += chunk;
    expect(encoded).toBe(bytes.toString('base64'));
    expect(encoded.length).toBe(base64Length(bytes.length));
    expect(counted).toBe(bytes.length);
  });
});

it('slices a large chunk into several strings, still one base64 text', async () => {
  const bytes = Buffer.from(Array.from({ length: 1_000_001 }, (_, i) => (i * 7) % 256));
  const strings: string[] = [];
  for await (const chunk of base64Chunks(chunksOf(bytes, bytes.length))) strings.push(chunk);
  expect(strings.length).toBeGreaterThan(2);
  expect(strings.join('')).toBe(bytes.toString('base64'));
});
