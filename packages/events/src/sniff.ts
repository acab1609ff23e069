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
 * `[` → JSON array; lines that hold JSON values, one each → NDJSON (even when the first one is
 * broken: that is a bad record to report, not another format); otherwise one JSON document,
 * recognised as an Elasticsearch `_search` or `_eql/search` response by its keys.
 */
export function sniffFormat(head: Uint8Array): InputFormat {
  if (isEvtxMagic(head)) return 'evtx';
  const text = new TextDecoder('utf-8', { fatal: false }).decode(head).replace(/^\uFEFF/, '');
  const start = text.search(/\S/);
  if (start < 0) return 'ndjson';
  if (text[start] === '[') return 'json-array';
  const lines = text
    .slice(start)
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '');
  const firstLine = lines[0] ?? '';
  const firstValue = parseOrUndefined(firstLine);
  if (firstValue !== undefined && lines.length > 1) return 'ndjson';
  const probe = firstValue === undefined ? text : firstLine;
  if (/"hits"\s*:\s*\{[\s\S]*?"(events|sequences)"\s*:\s*\[/.test(probe)) return 'eql-search';
  if (/"hits"\s*:\s*\{[\s\S]*?"hits"\s*:\s*\[/.test(probe)) return 'es-search';
  // One line (maybe longer than the head): read as NDJSON, which takes a one-line document too.
  if (firstValue !== undefined || lines.length === 1) return 'ndjson';
  // The first line is broken: NDJSON still, if the lines after it are objects of their own.
  const objects = lines.slice(1, 21).filter((line) => line.startsWith('{') && line.endsWith('}'));
  if (objects.some((line) => parseOrUndefined(line) !== undefined)) return 'ndjson';
  return /"(took|timed_out|_shards)"\s*:/.test(text) ? 'es-search' : 'json';
}

function parseOrUndefined(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** A UTF-16 byte-order mark (Windows PowerShell writes JSON that way), or undefined. */
export function sniffUtf16(head: Uint8Array): 'utf-16le' | 'utf-16be' | undefined {
  if (head[0] === 0xff && head[1] === 0xfe) return 'utf-16le';
  if (head[0] === 0xfe && head[1] === 0xff) return 'utf-16be';
  return undefined;
}

export function isEvtxMagic(head: Uint8Array): boolean {
  return head.length >= 8 && String.fromCharCode(...head.subarray(0, 8)) === EVTX_MAGIC;
}
