import { DEFAULT_MAX_DEPTH, nestsDeeperThan, tooDeepMessage } from './json-depth.js';
import { type ByteChunks, readTextLines, type TextLineOptions } from './text-lines.js';

/**
 * A parsed record with its JSON text (the line without surrounding white space), or the reason a
 * line could not be parsed; never silently dropped.
 */
export type JsonLineResult =
  | { readonly kind: 'record'; readonly line: number; readonly value: unknown; readonly text: string }
  | { readonly kind: 'error'; readonly line: number; readonly message: string; readonly text: string };

export interface JsonLineOptions extends TextLineOptions {
  /** Deepest nesting accepted (arrays and objects); deeper records are errors. */
  readonly maxDepth?: number;
}

const MAX_ERROR_TEXT = 200;
const OPEN_BRACE = 0x7b;

/** The start of a bad line, for its error report. */
function excerpt(text: string): string {
  return text.length > MAX_ERROR_TEXT ? `${text.slice(0, MAX_ERROR_TEXT)}…` : text;
}

/** JSON's white space: space, tab, LF, CR (not the wider set String.prototype.trim removes). */
function isJsonSpace(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d;
}

/** The text without the white space JSON allows around a value; the same string when there is none. */
function trimJsonSpace(text: string): string {
  let start = 0;
  let end = text.length;
  while (start < end && isJsonSpace(text.charCodeAt(start))) start++;
  while (end > start && isJsonSpace(text.charCodeAt(end - 1))) end--;
  return start === 0 && end === text.length ? text : text.slice(start, end);
}

/** Reads NDJSON / JSON lines. Blank lines are skipped; every other line yields a record or an error. */
export async function* readJsonLines(
  chunks: ByteChunks,
  options: JsonLineOptions = {},
): AsyncGenerator<JsonLineResult> {
  const maxDepth = options.maxDepth ?? DEFAULT_MAX_DEPTH;
  // Blank lines are skipped in the line splitter, without an async step each.
  for await (const item of readTextLines(chunks, { ...options, skipBlank: true })) {
    const { line } = item;
    if ('error' in item) {
      yield { kind: 'error', line, message: item.error, text: '' };
      continue;
    }
    const text = trimJsonSpace(item.text);
    // A blank line (white space of any kind) is skipped; the cheap test first.
    if (text === '' || (text.charCodeAt(0) !== OPEN_BRACE && text.trim() === '')) continue;
    if (nestsDeeperThan(text, maxDepth)) {
      yield { kind: 'error', line, message: tooDeepMessage(maxDepth), text: excerpt(text) };
      continue;
    }
    try {
      yield { kind: 'record', line, value: JSON.parse(text) as unknown, text };
    } catch (error) {
      yield {
        kind: 'error',
        line,
        message: `invalid JSON: ${error instanceof Error ? error.message : String(error)}`,
        text: excerpt(text),
      };
    }
  }
}
