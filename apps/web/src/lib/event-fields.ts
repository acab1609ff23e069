/**
 * Reading fields out of an event `_source` the way EQL does: a path like `process.parent.name`
 * may be stored nested (`{process:{parent:{name}}}`), flat (`{"process.parent.name": …}`) or
 * mixed (`{"process.parent": {name}}`), and every form must answer the same.
 */

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function lookup(node: unknown, segments: readonly string[], from: number): unknown {
  if (from === segments.length) return node;
  if (Array.isArray(node)) {
    // Arrays of objects (e.g. `threat[].tactic`): collect the values found in every element.
    const found = node.map((item) => lookup(item, segments, from)).filter((v) => v !== undefined);
    return found.length === 0 ? undefined : found.flat();
  }
  if (!isRecord(node)) return undefined;
  // Longest dotted key first, so `{"a.b": 1, a: {b: 2}}` prefers the exact flat key.
  for (let to = segments.length; to > from; to -= 1) {
    const key = segments.slice(from, to).join('.');
    if (Object.hasOwn(node, key)) {
      const value = lookup(node[key], segments, to);
      if (value !== undefined) return value;
    }
  }
  return undefined;
}

/** The value at a dotted path, or `undefined` when absent. */
export function getField(source: unknown, path: string): unknown {
  if (path === '') return source;
  return lookup(source, path.split('.'), 0);
}

/** A short display string for a field value; `undefined` when the field is absent or null. */
export function fieldText(value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (Array.isArray(value)) {
    const parts = value.map(fieldText).filter((v): v is string => v !== undefined);
    return parts.length === 0 ? undefined : parts.join(', ');
  }
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/** The first of several paths that has a value, as display text. */
export function firstFieldText(source: unknown, paths: readonly string[]): string | undefined {
  for (const path of paths) {
    const text = fieldText(getField(source, path));
    if (text !== undefined && text !== '') return text;
  }
  return undefined;
}
