import { DEFAULT_MAX_DEPTH, nestsDeeperThan, tooDeepMessage } from './json-depth.js';
import { jsonFaultOffset, jsonParseMessage } from './json-fault.js';
import { type ByteChunks, readTextLineBatches, type TextLine, type TextLineOptions } from './text-lines.js';

/**
 * A parsed record with its JSON text (the line without surrounding white space), or the reason a
 * line could not be parsed; never silently dropped.
 */
export type JsonLineResult =
  | { readonly kind: 'record'; readonly line: number; readonly value: unknown; readonly text: string }
  | {
      readonly kind: 'error';
      readonly line: number;
      /** 1-based column of the fault on its line, when the JSON is invalid there. */
      readonly column?: number;
      readonly message: string;
      readonly text: string;
    };

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
  for await (const batch of readJsonLineBatches(chunks, options)) for (const item of batch) yield item;
}

/**
 * `readJsonLines`, one array per input chunk (see `readTextLineBatches`): the async step is paid
 * per chunk, not per record. Never an empty array.
 */
export async function* readJsonLineBatches(
  chunks: ByteChunks,
  options: JsonLineOptions = {},
): AsyncGenerator<JsonLineResult[]> {
  const maxDepth = options.maxDepth ?? DEFAULT_MAX_DEPTH;
  // Blank lines are skipped in the line splitter, without an async step each.
  for await (const lines of readTextLineBatches(chunks, { ...options, skipBlank: true })) {
    const batch: JsonLineResult[] = [];
    for (const item of lines) {
      const result = parseLine(item, maxDepth);
      if (result !== undefined) batch.push(result);
    }
    if (batch.length > 0) yield batch;
  }
}

/** One line's record or error; undefined for a blank line (white space of any kind). */
function parseLine(item: TextLine, maxDepth: number): JsonLineResult | undefined {
  const { line } = item;
  if ('error' in item) return { kind: 'error', line, message: item.error, text: '' };
  const text = trimJsonSpace(item.text);
  // The cheap test first.
  if (text === '' || (text.charCodeAt(0) !== OPEN_BRACE && text.trim() === '')) return undefined;
  if (nestsDeeperThan(text, maxDepth))
    return { kind: 'error', line, message: tooDeepMessage(maxDepth), text: excerpt(text) };
  try {
    return { kind: 'record', line, value: JSON.parse(text) as unknown, text };
  } catch (error) {
    // Columns count from the line as written, white space before the value included.
    const lead = item.text.indexOf(text.charAt(0));
    const fault = jsonFaultOffset(text);
    return {
      kind: 'error',
      line,
      ...(fault >= 0 && { column: lead + fault + 1 }),
      message: `invalid JSON: ${jsonParseMessage(error)}`,
      text: excerpt(text),
    };
  }
}
