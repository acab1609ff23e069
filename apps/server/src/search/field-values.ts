/** Arrays nested deeper than this inside one field are not looked into (no stack overflow on hostile events). */
const MAX_ARRAY_DEPTH = 100;

/**
 * Every value at a dotted field path in a document, where each level may be a nested object
 * or a flat dotted key (`{"process.name": …}` and `{"process": {"name": …}}` both count) and
 * arrays are flattened, as Elasticsearch sees a field.
 *
 * Each object is asked only for the keys it has that start the rest of the path, so a path of
 * thousands of segments costs no more than the document's own keys (building every prefix of
 * the path at every level was quadratic in segments, per event).
 */
export function fieldValues(source: unknown, path: string): unknown[] {
  const out: unknown[] = [];
  collect(source, path, 0, out, 0);
  return out;
}

function collect(node: unknown, path: string, offset: number, out: unknown[], arrays: number): void {
  if (Array.isArray(node)) {
    if (arrays >= MAX_ARRAY_DEPTH) return;
    for (const item of node) collect(item, path, offset, out, arrays + 1);
    return;
  }
  if (offset > path.length) {
    if (node !== undefined && node !== null) out.push(node);
    return;
  }
  if (node === null || typeof node !== 'object') return;
  const record = node as Record<string, unknown>;
  const keys: string[] = [];
  for (const key of Object.keys(record)) {
    const end = offset + key.length;
    if (key !== '' && path.startsWith(key, offset) && (end === path.length || path[end] === '.'))
      keys.push(key);
  }
  // Shorter keys first, as the nested form is read before the flat one.
  if (keys.length > 1) keys.sort((a, b) => a.length - b.length);
  for (const key of keys) collect(record[key], path, offset + key.length + 1, out, 0);
}
