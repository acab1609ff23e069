import { firstInvalidUtf8 } from './utf8.js';

/** One line of a text stream, numbered from 1 as editors number them, or why it cannot be read. */
export type TextLine =
  | { readonly line: number; readonly text: string }
  | { readonly line: number; readonly error: string };

export type ByteChunks = AsyncIterable<Uint8Array> | Iterable<Uint8Array>;

export interface TextLineOptions {
  /** Longest line accepted, in bytes; a longer one is reported, not held in memory. */
  readonly maxLineBytes?: number;
}

/** 16 MiB: far above any real event, far below what would strain the server. */
export const DEFAULT_MAX_LINE_BYTES = 16 * 1024 * 1024;

const LF = 0x0a;
const CR = 13;

/**
 * Splits a byte stream into lines (LF or CRLF) holding at most one partial line in memory.
 * A UTF-8 byte-order mark at the start is dropped. A line that is not valid UTF-8, or longer
 * than the limit, becomes an error at its line number (never a silent U+FFFD); the lines
 * around it are read as usual.
 */
export async function* readTextLines(
  chunks: ByteChunks,
  options: TextLineOptions = {},
): AsyncGenerator<TextLine> {
  const max = options.maxLineBytes ?? DEFAULT_MAX_LINE_BYTES;
  const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
  let line = 0;
  let pending: Uint8Array[] = [];
  let pendingLength = 0;
  let oversize = false;

  const tooLong = (): TextLine => ({
    line,
    error: `line is longer than the limit of ${max} bytes`,
  });

  /** One complete line's bytes (without its LF). */
  const one = (bytes: Uint8Array): TextLine => {
    line++;
    if (bytes.length > max) return tooLong();
    const end = bytes.length > 0 && bytes[bytes.length - 1] === CR ? bytes.length - 1 : bytes.length;
    try {
      return { line, text: stripBom(decoder.decode(bytes.subarray(0, end)), line) };
    } catch {
      return { line, error: invalidUtf8(bytes.subarray(0, end)) };
    }
  };

  /** Several complete lines at once: one decode for the lot, line by line only when that fails. */
  const many = function* (bytes: Uint8Array): Generator<TextLine> {
    if (bytes.length <= max) {
      let text: string | undefined;
      try {
        text = decoder.decode(bytes);
      } catch {
        text = undefined;
      }
      if (text !== undefined) {
        let start = 0;
        for (;;) {
          const nl = text.indexOf('\n', start);
          const end = nl < 0 ? text.length : nl;
          line++;
          const cut = end > start && text.charCodeAt(end - 1) === CR ? end - 1 : end;
          yield { line, text: stripBom(text.slice(start, cut), line) };
          if (nl < 0) return;
          start = nl + 1;
        }
      }
    }
    let start = 0;
    for (;;) {
      const nl = bytes.indexOf(LF, start);
      yield one(bytes.subarray(start, nl < 0 ? bytes.length : nl));
      if (nl < 0) return;
      start = nl + 1;
    }
  };

  const hold = (bytes: Uint8Array) => {
    if (oversize || bytes.length === 0) return;
    if (pendingLength + bytes.length > max) {
      oversize = true;
      pending = [];
      pendingLength = 0;
      return;
    }
    // Copy: the producer may reuse its buffer once we ask for the next chunk.
    pending.push(bytes.slice());
    pendingLength += bytes.length;
  };

  const finishPending = (tail: Uint8Array): TextLine => {
    if (oversize) {
      oversize = false;
      line++;
      return tooLong();
    }
    const bytes = pending.length === 0 ? tail : concat([...pending, tail], pendingLength + tail.length);
    pending = [];
    pendingLength = 0;
    return one(bytes);
  };

  for await (const chunk of chunks) {
    const first = chunk.indexOf(LF);
    if (first < 0) {
      hold(chunk);
      continue;
    }
    yield finishPending(chunk.subarray(0, first));
    const last = chunk.lastIndexOf(LF);
    if (last > first) yield* many(chunk.subarray(first + 1, last));
    hold(chunk.subarray(last + 1));
  }
  if (oversize || pendingLength > 0) yield finishPending(new Uint8Array(0));
}

function stripBom(text: string, line: number): string {
  return line === 1 && text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

function invalidUtf8(bytes: Uint8Array): string {
  const at = firstInvalidUtf8(bytes);
  return `invalid UTF-8 at byte ${at + 1} of the line (0x${(bytes[at] ?? 0).toString(16).padStart(2, '0')})`;
}

function concat(parts: readonly Uint8Array[], length: number): Uint8Array {
  const out = new Uint8Array(length);
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}
