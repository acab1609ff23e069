import { firstInvalidUtf8 } from './utf8.js';

/** One line of a text stream, numbered from 1 as editors number them, or why it cannot be read. */
export type TextLine =
  | { readonly line: number; readonly text: string }
  | { readonly line: number; readonly error: string };

export type ByteChunks = AsyncIterable<Uint8Array> | Iterable<Uint8Array>;

export interface TextLineOptions {
  /** Longest line accepted, in bytes; a longer one is reported, not held in memory. */
  readonly maxLineBytes?: number;
  /**
   * Count lines holding only JSON white space (space, tab, CR) but do not yield them. Skipping
   * them here, in the synchronous scan, costs nanoseconds a line; yielding each through the
   * async generators above cost ~1.6 µs, so a gzip of gigabytes of newlines ran for hours.
   */
  readonly skipBlank?: boolean;
}

/** Whether `text[start, end)` holds only JSON white space other than LF (space, tab, CR). */
function isBlank(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c !== 0x20 && c !== 0x09 && c !== 0x0d) return false;
  }
  return true;
}

/** 16 MiB: far above any real event, far below what would strain the server. */
export const DEFAULT_MAX_LINE_BYTES = 16 * 1024 * 1024;

const LF = 0x0a;
const CR = 13;
/** Lines at least this long are decoded on their own (see `many`). */
const LONG_LINE_BYTES = 256;

/**
 * Splits a byte stream into lines (LF or CRLF) holding at most one partial line in memory.
 * A UTF-8 byte-order mark at the start is dropped. A line that is not valid UTF-8, or longer
 * than the limit, becomes an error at its line number (never a silent U+FFFD); the lines
 * around it are read as usual. One line per step: see `readTextLineBatches` for hot paths.
 */
export async function* readTextLines(
  chunks: ByteChunks,
  options: TextLineOptions = {},
): AsyncGenerator<TextLine> {
  for await (const batch of readTextLineBatches(chunks, options)) for (const item of batch) yield item;
}

/**
 * `readTextLines`, one array per input chunk: the lines that chunk completes, in order (a line
 * split across chunks comes with the chunk holding its end). Each async step costs a promise
 * resolution, about as much as reading a short line; paying it per chunk rather than per line
 * is what lets a reader keep up with JSON.parse. Chunks that complete no line (or only blank
 * ones, when skipped) yield nothing, and memory stays at one chunk's lines.
 */
export async function* readTextLineBatches(
  chunks: ByteChunks,
  options: TextLineOptions = {},
): AsyncGenerator<TextLine[]> {
  const max = options.maxLineBytes ?? DEFAULT_MAX_LINE_BYTES;
  const skipBlank = options.skipBlank === true;
  const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
  let line = 0;
  let pending: Uint8Array[] = [];
  let pendingLength = 0;
  let oversize = false;
  /** The batch being filled: the lines completed by the current chunk. */
  let out: TextLine[] = [];

  const tooLong = (): TextLine => ({
    line,
    error: `line is longer than the limit of ${max} bytes`,
  });

  /** One complete line's bytes (without its LF); nothing for a blank line when those are skipped. */
  const one = (bytes: Uint8Array): void => {
    line++;
    if (bytes.length > max) {
      out.push(tooLong());
      return;
    }
    const end = bytes.length > 0 && bytes[bytes.length - 1] === CR ? bytes.length - 1 : bytes.length;
    try {
      const text = stripBom(decoder.decode(bytes.subarray(0, end)), line);
      if (!skipBlank || !isBlank(text, 0, text.length)) out.push({ line, text });
    } catch {
      out.push({ line, error: invalidUtf8(bytes.subarray(0, end)) });
    }
  };

  /** A run of complete lines: one decode for the lot, line by line only when that fails. */
  const run = (bytes: Uint8Array): void => {
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
          if (!skipBlank || !isBlank(text, start, cut))
            out.push({ line, text: stripBom(text.slice(start, cut), line) });
          if (nl < 0) return;
          start = nl + 1;
        }
      }
    }
    let start = 0;
    for (;;) {
      const nl = bytes.indexOf(LF, start);
      one(bytes.subarray(start, nl < 0 ? bytes.length : nl));
      if (nl < 0) return;
      start = nl + 1;
    }
  };

  /**
   * Complete lines separated by LF (the last one runs to the end). Long lines are decoded one
   * by one, runs of short ones together: a string decoded alone stays one byte per character
   * unless its own line has text beyond Latin-1, while one non-Latin-1 character anywhere in a
   * block makes every line sliced from it two bytes per character, which JSON.parse reads about
   * three times slower. Short lines are not worth a decoder call each.
   */
  const many = (bytes: Uint8Array): void => {
    let runStart = 0;
    let runLines = 0;
    let start = 0;
    for (;;) {
      if (skipBlank && bytes[start] === LF) {
        // A run of empty lines: counted in a tight loop, never decoded or sliced.
        if (runLines > 0) run(bytes.subarray(runStart, start - 1));
        runLines = 0;
        let next = start;
        while (next < bytes.length && bytes[next] === LF) next++;
        line += next - start;
        if (next === bytes.length) {
          line++; // the empty line after the last LF, which runs to the end
          return;
        }
        start = next;
        runStart = next;
      }
      const nl = bytes.indexOf(LF, start);
      const end = nl < 0 ? bytes.length : nl;
      if (end - start >= LONG_LINE_BYTES) {
        if (runLines > 0) run(bytes.subarray(runStart, start - 1));
        runLines = 0;
        one(bytes.subarray(start, end));
        runStart = end + 1;
      } else {
        runLines++;
      }
      if (nl < 0) break;
      start = nl + 1;
    }
    if (runLines > 0) run(bytes.subarray(runStart));
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

  const finishPending = (tail: Uint8Array): void => {
    if (oversize) {
      oversize = false;
      line++;
      out.push(tooLong());
      return;
    }
    const bytes = pending.length === 0 ? tail : concat([...pending, tail], pendingLength + tail.length);
    pending = [];
    pendingLength = 0;
    one(bytes);
  };

  for await (const chunk of chunks) {
    const first = chunk.indexOf(LF);
    if (first < 0) {
      hold(chunk);
      continue;
    }
    finishPending(chunk.subarray(0, first));
    const last = chunk.lastIndexOf(LF);
    if (last > first) many(chunk.subarray(first + 1, last));
    hold(chunk.subarray(last + 1));
    if (out.length > 0) {
      const batch = out;
      out = [];
      yield batch;
    }
  }
  if (oversize || pendingLength > 0) {
    finishPending(new Uint8Array(0));
    if (out.length > 0) yield out;
  }
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
