/**
 * Reads at least `size` bytes (or all there is) and returns them, with a stream that replays
 * them before the rest: sniffing a format without consuming it.
 */
export async function peekBytes(
  chunks: AsyncIterable<Uint8Array>,
  size: number,
): Promise<{ head: Uint8Array; rest: AsyncIterable<Uint8Array> }> {
  const iterator = chunks[Symbol.asyncIterator]();
  const buffered: Uint8Array[] = [];
  let length = 0;
  let done = false;
  while (length < size) {
    const next = await iterator.next();
    if (next.done) {
      done = true;
      break;
    }
    buffered.push(next.value);
    length += next.value.length;
  }
  const head = concatBytes(buffered).subarray(0, size);
  const rest = (async function* () {
    let finished = done;
    try {
      yield* buffered;
      if (!done)
        for (let next = await iterator.next(); !next.done; next = await iterator.next()) yield next.value;
      finished = true;
    } finally {
      // Stopped early: let the source release what it holds (a file, a request body).
      if (!finished) await iterator.return?.();
    }
  })();
  return { head, rest };
}

export function concatBytes(parts: readonly Uint8Array[]): Uint8Array {
  if (parts.length === 1) return parts[0] as Uint8Array;
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}
