import { DEFAULT_MAX_DEPTH, nestsDeeperThan, tooDeepMessage } from './json-depth.js';
import { type ByteChunks, readTextLines, type TextLineOptions } from './text-lines.js';

/** A parsed record, or the reason a line could not be parsed; never silently dropped. */
export type JsonLineResult =
  | { readonly kind: 'record'; readonly line: number; readonly value: unknown }
  | { readonly kind: 'error'; readonly line: number; readonly message: string; readonly text: string };

export interface JsonLineOptions extends TextLineOptions {
  /** Deepest nesting accepted (arrays and objects); deeper records are errors. */
  readonly maxDepth?: number;
}

const MAX_ERROR_TEXT = 200;

/** Reads NDJSON / JSON lines. Blank lines are skipped; every other line yields a record or an error. */
export async function* readJsonLines(
  chunks: ByteChunks,
  options: JsonLineOptions = {},
): AsyncGenerator<JsonLineResult> {
  const maxDepth = options.maxDepth ?? DEFAULT_MAX_DEPTH;
  for await (const item of readTextLines(chunks, options)) {
    const { line } = item;
    if ('error' in item) {
      yield { kind: 'error', line, message: item.error, text: '' };
      continue;
    }
    const { text } = item;
    if (text.trim() === '') continue;
    const excerpt = () => (text.length > MAX_ERROR_TEXT ? `${text.slice(0, MAX_ERROR_TEXT)}…` : text);
    if (nestsDeeperThan(text, maxDepth)) {
      yield { kind: 'error', line, message: tooDeepMessage(maxDepth), text: excerpt() };
      continue;
    }
    try {
      yield { kind: 'record', line, value: JSON.parse(text) as unknown };
    } catch (error) {
      yield {
        kind: 'error',
        line,
        message: `invalid JSON: ${error instanceof Error ? error.message : String(error)}`,
        text: excerpt(),
      };
    }
  }
}
