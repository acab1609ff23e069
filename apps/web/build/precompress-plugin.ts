/**
 * Writes a Brotli (`.br`) and a gzip (`.gz`) copy beside every compressible file of the build,
 * so the server sends them as they are (`@fastify/static` `preCompressed`) with the matching
 * `Content-Encoding`: no compression work per request, and the best ratio Brotli can give
 * (quality 11 costs seconds once at build, nothing at run time).
 */

import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import type { Plugin } from 'vite';

const brotli = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

/** Text-like files worth compressing (images and fonts other than TrueType are compressed already). */
const COMPRESSIBLE = /\.(?:js|mjs|css|html|json|svg|txt|map|ttf|wasm)$/;
/** Below this, headers cost more than compression saves. */
const MIN_BYTES = 1024;

export interface Compressed {
  readonly br?: Uint8Array;
  readonly gz?: Uint8Array;
}

/** The compressed copies of one file worth keeping: each only when it saves at least a tenth. */
export async function compressFile(name: string, bytes: Uint8Array): Promise<Compressed> {
  if (!COMPRESSIBLE.test(name) || bytes.byteLength < MIN_BYTES) return {};
  const [br, gz] = await Promise.all([
    brotli(bytes, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
        [constants.BROTLI_PARAM_SIZE_HINT]: bytes.byteLength,
      },
    }),
    gzipAsync(bytes, { level: constants.Z_BEST_COMPRESSION }),
  ]);
  const worth = (out: Uint8Array) => out.byteLength <= bytes.byteLength * 0.9;
  return { ...(worth(br) && { br }), ...(worth(gz) && { gz }) };
}

export function precompressPlugin(): Plugin {
  return {
    name: 'rulebench:precompress',
    apply: 'build',
    async writeBundle(options, bundle) {
      const dir = options.dir;
      if (dir === undefined) return;
      await Promise.all(
        Object.keys(bundle).map(async (name) => {
          const path = join(dir, name);
          const { br, gz } = await compressFile(name, await readFile(path));
          await Promise.all([br && writeFile(`${path}.br`, br), gz && writeFile(`${path}.gz`, gz)]);
        }),
      );
    },
  };
}
