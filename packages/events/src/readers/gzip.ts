import { Gunzip } from 'fflate';
import type { ByteChunks } from './text-lines.js';

/** Streams the decompressed bytes of a gzip stream. */
export async function* gunzipChunks(chunks: ByteChunks): AsyncGenerator<Uint8Array> {
  const ready: Uint8Array[] = [];
  const gunzip = new Gunzip((data) => {
    if (data.length > 0) ready.push(data);
  });
  for await (const chunk of chunks) {
    gunzip.push(chunk);
    while (ready.length > 0) yield ready.shift() as Uint8Array;
  }
  gunzip.push(new Uint8Array(0), true);
  while (ready.length > 0) yield ready.shift() as Uint8Array;
}
