import { createReadStream } from 'node:fs';

/** A file's bytes as an async iterable, read in 256 KiB chunks. */
export async function* readFileChunks(path: string): AsyncGenerator<Uint8Array> {
  for await (const chunk of createReadStream(path, { highWaterMark: 256 * 1024 })) {
    yield chunk as Uint8Array;
  }
}
