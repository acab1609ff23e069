import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { readZipEntries } from './zip.js';
import { Crc32 } from './zip-directory.js';

const encode = (text: string) => new TextEncoder().encode(text);

function* chunked(bytes: Uint8Array, size: number): Generator<Uint8Array> {
  for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
}

async function members(zip: Uint8Array, size: number): Promise<Array<[string, number]>> {
  const out: Array<[string, number]> = [];
  for await (const entry of readZipEntries(chunked(zip, size))) {
    let bytes = 0;
    for await (const chunk of entry.chunks) bytes += chunk.length;
    out.push([entry.name, bytes]);
  }
  return out;
}

describe('readZipEntries on hostile archives', () => {
  it('reads 20,000 tiny members from one big chunk without overflowing the stack', async () => {
    const files: Record<string, Uint8Array> = {};
    for (let i = 0; i < 20_000; i++) files[`m${i}.ndjson`] = encode(`{"n":${i}}\n`);
    const zip = zipSync(files, { level: 0 });
    for (const size of [zip.length, 1 << 20]) {
      const read = await members(zip, size);
      expect(read.length).toBe(20_000);
      expect(read[19_999]).toEqual(['m19999.ndjson', '{"n":19999}\n'.length]);
    }
  });

  it('refuses a member whose bytes do not match its CRC-32, stored or deflated', async () => {
    const text = '{"a":1}\n'.repeat(50);
    for (const level of [0, 6] as const) {
      const zip = zipSync({ 'a.ndjson': encode(text) }, { level });
      // Change one recorded CRC byte (local header at 14, central directory entry at +16).
      const central = zip.length - 22 - (46 + 'a.ndjson'.length);
      const bad = zip.slice();
      bad[14] = (bad[14] as number) ^ 0xff;
      bad[central + 16] = (bad[central + 16] as number) ^ 0xff;
      const crc = new Crc32();
      crc.update(encode(text));
      const actual = crc.value.toString(16).padStart(8, '0');
      const recorded = (crc.value ^ 0xff).toString(16).padStart(8, '0');
      await expect(members(bad, 100)).rejects.toThrow(
        `zip: member "a.ndjson" is corrupt (CRC-32 ${actual}, the archive records ${recorded})`,
      );
      expect(await members(zip, 100)).toEqual([['a.ndjson', text.length]]);
    }
  });

  it('computes the standard CRC-32', () => {
    const crc = new Crc32();
    crc.update(encode('123456789'));
    expect(crc.value).toBe(0xcbf43926);
  });
});

describe('Crc32', () => {
  it('gives the same value whatever the split of the bytes', () => {
    const bytes = new Uint8Array(1_001).map((_, i) => (i * 31 + 7) & 0xff);
    const whole = new Crc32();
    whole.update(bytes);
    for (const cut of [0, 1, 2, 3, 5, 500, 1_000]) {
      const split = new Crc32();
      split.update(bytes.subarray(0, cut));
      split.update(bytes.subarray(cut));
      expect(split.value).toBe(whole.value);
    }
    const python = new Crc32();
    python.update(new TextEncoder().encode('The quick brown fox jumps over the lazy dog'));
    expect(python.value).toBe(0x414fa339);
  });
});
