import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';

export type NdjsonItem =
  | { readonly kind: 'record'; readonly line: number; readonly value: unknown }
  | { readonly kind: 'error'; readonly line: number; readonly message: string };

/**
 * Streams an NDJSON file (or stdin for `-`) one line at a time, numbering lines from 1; blank
 * lines are skipped. Memory stays at one line however large the file is.
 */
export async function* readNdjson(path: string, stdin: Readable): AsyncGenerator<NdjsonItem> {
  const input = path === '-' ? stdin : createReadStream(path);
  const lines = createInterface({ input, crlfDelay: Number.POSITIVE_INFINITY });
  let line = 0;
  for await (const raw of lines) {
    line++;
    const text = line === 1 && raw.charCodeAt(0) === 0xfeff ? raw.slice(1) : raw;
    if (text.trim() === '') continue;
    try {
      yield { kind: 'record', line, value: JSON.parse(text) as unknown };
    } catch (error) {
      yield { kind: 'error', line, message: error instanceof Error ? error.message : String(error) };
    }
  }
}
