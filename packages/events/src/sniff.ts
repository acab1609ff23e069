/** Input formats Rulebench reads. Sniffed from the first bytes; callers may override. */
export type InputFormat = 'ndjson' | 'json-array' | 'es-search' | 'eql-search' | 'json' | 'evtx';
export type Compression = 'none' | 'gzip' | 'zip';

export const INPUT_FORMATS: readonly InputFormat[] = [
  'ndjson',
  'json-array',
  'es-search',
  'eql-search',
  'json',
  'evtx',
];

/** The wrapper of a byte stream, from its magic number. */
export function sniffCompression(head: Uint8Array): Compression {
  if (head[0] === 0x1f && head[1] === 0x8b) return 'gzip';
  if (head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04) return 'zip';
  return 'none';
}

const EVTX_MAGIC = 'ElfFile\0';

/**
 * The format of uncompressed input from its first bytes (a few KB are enough): EVTX by its magic;
 * `[` → JSON array; an object on the first line followed by more lines → NDJSON; otherwise one
 * JSON document, recognised as an Elasticsearch `_search` or `_eql/search` response by its keys.
 */
export function sniffFormat(head: Uint8Array): InputFormat {
  if (head.length >= 8 && String.fromCharCode(...head.subarray(0, 8)) === EVTX_MAGIC) return 'evtx';
  const text = new TextDecoder('utf-8', { fatal: false }).decode(head).replace(/^\uFEFF/, '');
  const start = text.search(/\S/);
  if (start < 0) return 'ndjson';
  if (text[start] === '[') return 'json-array';
  const newline = text.indexOf('\n', start);
  const firstLine = newline < 0 ? text.slice(start) : text.slice(start, newline);
  let firstValue: unknown;
  try {
    firstValue = JSON.parse(firstLine);
  } catch {
    firstValue = undefined;
  }
  if (firstValue !== undefined && newline >= 0 && /\S/.test(text.slice(newline))) return 'ndjson';
  const probe = firstValue === undefined ? text : firstLine;
  if (/"hits"\s*:\s*\{[\s\S]*?"(events|sequences)"\s*:\s*\[/.test(probe)) return 'eql-search';
  if (/"hits"\s*:\s*\{[\s\S]*?"hits"\s*:\s*\[/.test(probe)) return 'es-search';
  if (firstValue !== undefined) return 'ndjson';
  return /"(took|timed_out|_shards)"\s*:/.test(text) ? 'es-search' : 'json';
}
