import { InputError } from '../input-error.js';
import type { ByteChunks } from './text-lines.js';

/**
 * Streams the decompressed bytes of a gzip stream (several members too). Uses the platform's
 * DecompressionStream (Node ≥ 18, browsers): native speed, and unlike a pure-JS inflater it
 * notices a truncated stream. Corrupt or truncated input is an InputError; an error of the
 * source itself (an upload over its limit, a dropped connection) passes through unchanged.
 */
export async function* gunzipChunks(chunks: ByteChunks): AsyncGenerator<Uint8Array> {
  const stream = new DecompressionStream('gzip');
  const writer = stream.writable.getWriter();
  const reader = stream.readable.getReader();
  let sourceError: { error: unknown } | undefined;
  const pump = (async () => {
    try {
      for await (const chunk of chunks) {
        // A failed write means the inflater failed: the reader below reports that.
        if (
          !(await writer.write(chunk as Uint8Array<ArrayBuffer>).then(
            () => true,
            () => false,
          ))
        )
          return;
      }
    } catch (error) {
      sourceError = { error };
      await writer.abort(error).catch(() => undefined);
      return;
    }
    await writer.close().catch(() => undefined);
  })();
  let finished = false;
  try {
    for (;;) {
      let next: { done: true; value?: undefined } | { done: false; value: Uint8Array };
      try {
        next = await reader.read();
      } catch (error) {
        await pump;
        if (sourceError) throw sourceError.error;
        const reason = error instanceof Error ? error.message : String(error);
        throw new InputError(`gzip: the stream is corrupt or truncated (${reason})`);
      }
      if (next.done) break;
      if (next.value.length > 0) yield next.value;
    }
    await pump;
    if (sourceError) throw sourceError.error;
    finished = true;
  } finally {
    if (!finished) {
      await reader.cancel().catch(() => undefined);
      await pump;
    }
  }
}
