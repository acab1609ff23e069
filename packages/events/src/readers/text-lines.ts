/** One line of a text stream, numbered from 1 as editors number them. */
export interface TextLine {
  readonly line: number;
  readonly text: string;
}

export type ByteChunks = AsyncIterable<Uint8Array> | Iterable<Uint8Array>;

/**
 * Splits a byte stream into lines (LF or CRLF) without holding more than one
 * partial line in memory. A UTF-8 byte-order mark at the start is dropped.
 */
export async function* readTextLines(chunks: ByteChunks): AsyncGenerator<TextLine> {
  const decoder = new TextDecoder('utf-8');
  let pending = '';
  let line = 0;
  let first = true;
  const flush = function* (text: string, final: boolean): Generator<TextLine> {
    let start = 0;
    for (;;) {
      const nl = text.indexOf('\n', start);
      if (nl < 0) break;
      line += 1;
      const end = nl > start && text.charCodeAt(nl - 1) === 13 ? nl - 1 : nl;
      yield { line, text: text.slice(start, end) };
      start = nl + 1;
    }
    pending = text.slice(start);
    if (final && pending.length > 0) {
      line += 1;
      const t = pending.endsWith('\r') ? pending.slice(0, -1) : pending;
      pending = '';
      yield { line, text: t };
    }
  };
  for await (const chunk of chunks) {
    let text = decoder.decode(chunk, { stream: true });
    if (first && text.length > 0) {
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
      first = false;
    }
    yield* flush(pending + text, false);
  }
  yield* flush(pending + decoder.decode(), true);
}
