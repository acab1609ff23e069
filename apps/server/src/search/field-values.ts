/**
 * Every value at a dotted field path in a document, where each level may be a nested object
 * or a flat dotted key (`{"process.name": …}` and `{"process": {"name": …}}` both count) and
 * arrays are flattened, as Elasticsearch sees a field.
 */
export function fieldValues(source: unknown, path: string): unknown[] {
  const out: unknown[] = [];
  collect(source, path.split('.'), out);
  return out;
}

function collect(node: unknown, segments: readonly string[], out: unknown[]): void {
  if (Array.isArray(node)) {
    for (const item of node) collect(item, segments, out);
    return;
  }
  if (segments.length === 0) {
    if (node !== undefined && node !== null) out.push(node);
    return;
  }
  if (node === null || typeof node !== 'object') return;
  const record = node as Record<string, unknown>;
  for (let take = 1; take <= segments.length; take++) {
    const key = segments.slice(0, take).join('.');
    if (Object.hasOwn(record, key)) collect(record[key], segments.slice(take), out);
  }
}
