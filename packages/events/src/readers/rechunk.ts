import { InputError } from '../input-error.js';
import type { ByteChunks } from './text-lines.js';

/** Cuts chunks larger than `size` into views of at most `size` bytes (no copying), so every reader sees bounded pieces. */
export async function* rechunk(chunks: ByteChunks, size: number): AsyncGenerator<Uint8Array> {
  for await (const chunk of chunks) {
    if (chunk.length <= size) yield chunk;
    else for (let i = 0; i < chunk.length; i += size) yield chunk.subarray(i, i + size);
  }
}

/** Passes bytes through, failing once more than `limit` came out of a decompressor. */
export async function* limitInflated(
  chunks: AsyncIterable<Uint8Array>,
  limit: number,
  counter: { bytes: number },
): AsyncGenerator<Uint8Array> {
  for await (const chunk of chunks) {
    counter.bytes += chunk.length;
    if (counter.bytes > limit)
      throw new InputError(`the decompressed input is larger than the limit of ${limit} bytes`);
    yield chunk;
  }
}

/** Re-encodes a UTF-16 byte stream (after its byte-order mark) as UTF-8. */
export async function* utf16ToUtf8(
  chunks: AsyncIterable<Uint8Array>,
  encoding: 'utf-16le' | 'utf-16be',
): AsyncGenerator<Uint8Array> {
  const decoder = new TextDecoder(encoding, { fatal: true });
  const encoder = new TextEncoder();
  try {
    for await (const chunk of chunks) {
      const text = decoder.decode(chunk, { stream: true });
      if (text.length > 0) yield encoder.encode(text);
    }
    const tail = decoder.decode();
    if (tail.length > 0) yield encoder.encode(tail);
  } catch (error) {
    if (error instanceof TypeError) throw new InputError(`the input is not valid ${encoding.toUpperCase()}`);
    throw error;
  }
}
