import { type ByteChunks, readTextLines } from './text-lines.js';

/** A parsed record, or the reason a line could not be parsed; never silently dropped. */
export type JsonLineResult =
  | { readonly kind: 'record'; readonly line: number; readonly value: unknown }
  | { readonly kind: 'error'; readonly line: number; readonly message: string; readonly text: string };

const MAX_ERROR_TEXT = 200;

/** Reads NDJSON / JSON lines. Blank lines are skipped; every other line yields a record or an error. */
export async function* readJsonLines(chunks: ByteChunks): AsyncGenerator<JsonLineResult> {
  for await (const { line, text } of readTextLines(chunks)) {
    if (text.trim() === '') continue;
    try {
      yield { kind: 'record', line, value: JSON.parse(text) as unknown };
    } catch (error) {
      yield {
        kind: 'error',
        line,
        message: error instanceof Error ? error.message : String(error),
        text: text.length > MAX_ERROR_TEXT ? `${text.slice(0, MAX_ERROR_TEXT)}…` : text,
      };
    }
  }
}
