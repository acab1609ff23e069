import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { compressFile } from './precompress-plugin.js';

describe('compressFile', () => {
  it('writes Brotli and gzip copies of text assets that round-trip exactly', async () => {
    const text = new TextEncoder().encode('export const x = "rulebench";\n'.repeat(200));
    const { br, gz } = await compressFile('assets/index-abc.js', text);
    expect(br).toBeDefined();
    expect(gz).toBeDefined();
    expect(new Uint8Array(brotliDecompressSync(br as Uint8Array))).toEqual(text);
    expect(new Uint8Array(gunzipSync(gz as Uint8Array))).toEqual(text);
    // 6,000 repetitive bytes shrink to well under a tenth.
    expect((br as Uint8Array).byteLength).toBeLessThan(text.byteLength / 10);
  });

  it('skips tiny files, binary formats, and output that would not save a tenth', async () => {
    expect(await compressFile('assets/a.js', new Uint8Array(100))).toEqual({});
    expect(await compressFile('assets/logo.png', new Uint8Array(5000))).toEqual({});
    const random = new Uint8Array(4096).map(() => Math.floor(Math.random() * 256));
    expect(await compressFile('assets/noise.js', random)).toEqual({});
  });
});
