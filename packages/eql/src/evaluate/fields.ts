/**
 * Field access over event sources as Elasticsearch sees them: a path like `process.parent.name`
 * may be stored as nested objects, as a flat dotted key (`{"process.parent.name": …}`) or as any
 * mix (`{"process": {"parent.name": …}}`); arrays (also arrays of objects) make a field
 * multi-valued; `null` entries and empty arrays count as no value.
 */

import type { EventSource } from '../execute/types.js';

/** A single field value after flattening: what Elasticsearch would hold as one doc value. */
export type FieldScalar = string | number | boolean;

/**
 * A compiled accessor's raw result, shaped for the hot path: `undefined` when the field has no
 * value (absent or null), the scalar itself for a single value, or a `MultiValue` array.
 */
export type RawFieldValue = FieldScalar | MultiValue | undefined;

/** Two or more values of one field, in source order (a frozen marker type, never a JSON array). */
export interface MultiValue extends ReadonlyArray<FieldScalar> {
  readonly __multi: true;
}

export function isMultiValue(value: unknown): value is MultiValue {
  return Array.isArray(value);
}

/** What a path resolves to, keeping absent apart from explicit null for explanations. */
export type FieldLookup =
  | { readonly state: 'missing' }
  | { readonly state: 'null' }
  | { readonly state: 'values'; readonly values: readonly FieldScalar[] };

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * A field's path as segments. Elasticsearch names a field by its dotted path however the query
 * spells it, so a backquoted segment holding dots (`` `x.y` ``, parsed as the one segment "x.y")
 * is the same field as `x.y`, whether the event nests it or holds a flat dotted key.
 */
export function splitFieldPath(path: string | readonly string[]): readonly string[] {
  if (typeof path === 'string') return path.split('.');
  return path.some((segment) => segment.includes('.')) ? path.flatMap((segment) => segment.split('.')) : path;
}

const toPath = splitFieldPath;

/**
 * Up to this many remaining segments, `collect` tries each grouping of them into one dotted key
 * (a handful of hash lookups). Beyond it, building every prefix key would cost time quadratic in
 * the path's length for each event (a 5,000-segment path froze the server), so it walks the
 * node's own keys instead and matches each against the path, which is linear in the node's size.
 */
const MAX_PREFIX_LOOKUPS = 8;

/**
 * How many segments of `path[from…]` the key spells when they are joined with dots (`end` such
 * that `key === path.slice(from, end).join('.')`), or -1. Reads the key once, building nothing.
 */
function keySpan(key: string, path: readonly string[], from: number): number {
  let position = 0;
  for (let index = from; index < path.length; index++) {
    const segment = path[index] as string;
    if (!key.startsWith(segment, position)) return -1;
    position += segment.length;
    if (position === key.length) return index + 1;
    if (key.charCodeAt(position) !== 46 /* . */) return -1;
    position++;
  }
  return -1;
}

/**
 * Collects every value reachable from `node` along `path[from…]`, trying each way of grouping the
 * remaining segments into one dotted key. Returns whether some key along the way existed, so a
 * present-but-null field can be told apart from a missing one. Each node of the source is
 * visited at most once per path (its chain of keys fixes how many segments it consumed), and
 * each visit costs at most the node's own size or `MAX_PREFIX_LOOKUPS` lookups: linear overall.
 */
function collect(node: unknown, path: readonly string[], from: number, out: unknown[]): boolean {
  if (from === path.length) {
    out.push(node);
    return true;
  }
  if (Array.isArray(node)) {
    let found = false;
    for (const item of node) found = collect(item, path, from, out) || found;
    return found;
  }
  if (!isPlainObject(node)) return false;
  let found = false;
  if (path.length - from > MAX_PREFIX_LOOKUPS) {
    // Longest keys last, as the prefix loop below orders them.
    const matches: Array<[number, string]> = [];
    for (const key of Object.keys(node)) {
      const end = keySpan(key, path, from);
      if (end !== -1) matches.push([end, key]);
    }
    if (matches.length > 1) matches.sort((a, b) => a[0] - b[0]);
    for (const [end, key] of matches) found = collect(node[key], path, end, out) || found;
    return found;
  }
  let key = '';
  for (let end = from; end < path.length; end++) {
    key = end === from ? (path[end] as string) : `${key}.${path[end] as string}`;
    if (Object.hasOwn(node, key)) found = collect(node[key], path, end + 1, out) || found;
  }
  return found;
}

function flattenLeaf(value: unknown, out: FieldScalar[]): void {
  if (value === null || value === undefined) return;
  if (Array.isArray(value)) {
    for (const item of value) flattenLeaf(item, out);
    return;
  }
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') out.push(value);
  // Objects at the end of a path are not values of that field (ES keeps no doc value for them).
}

/** Resolves a field path, distinguishing missing, null and values (for explanations and tests). */
export function lookupField(source: EventSource, path: string | readonly string[]): FieldLookup {
  const leaves: unknown[] = [];
  const found = collect(source, toPath(path), 0, leaves);
  if (!found) return { state: 'missing' };
  const values: FieldScalar[] = [];
  for (const leaf of leaves) flattenLeaf(leaf, values);
  return values.length === 0 ? { state: 'null' } : { state: 'values', values };
}

/**
 * All values of a field, flattened (any-value semantics): `[]` when absent or null.
 * Use `lookupField` to tell missing from null.
 */
export function getFieldValues(
  source: EventSource,
  path: string | readonly string[],
): readonly FieldScalar[] {
  const result = lookupField(source, path);
  return result.state === 'values' ? result.values : [];
}

/** A raw JSON value as a field value: scalars as they are, arrays flattened, null as undefined. */
export function normalizeRaw(value: unknown): RawFieldValue {
  if (value === null || value === undefined) return undefined;
  const type = typeof value;
  if (type === 'string' || type === 'number' || type === 'boolean') return value as FieldScalar;
  if (!Array.isArray(value)) return undefined;
  // The common array is already flat and null-free: use it as is, without copying.
  let clean = true;
  for (let i = 0; i < value.length; i++) {
    const item: unknown = value[i];
    const itemType = typeof item;
    if (itemType !== 'string' && itemType !== 'number' && itemType !== 'boolean') {
      clean = false;
      break;
    }
  }
  if (clean) {
    if (value.length === 0) return undefined;
    return value.length === 1 ? (value[0] as FieldScalar) : (value as unknown as MultiValue);
  }
  const flat: FieldScalar[] = [];
  flattenLeaf(value, flat);
  if (flat.length === 0) return undefined;
  if (flat.length === 1) return flat[0];
  return flat as unknown as MultiValue;
}

/** The general walk over any mix of nesting, flat dotted keys and arrays of objects. */
export function slowRaw(source: unknown, path: readonly string[]): RawFieldValue {
  const leaves: unknown[] = [];
  collect(source, path, 0, leaves);
  if (leaves.length === 0) return undefined;
  if (leaves.length === 1) return normalizeRaw(leaves[0]);
  return normalizeRaw(leaves);
}

/**
 * Compiles a path into a fast accessor. The common shapes (a plain nested path, or one flat
 * dotted key at the top) are resolved without allocation; anything else (arrays of objects,
 * mixed nesting) falls back to the general walk. A source holding both a nested and a flat
 * spelling of the same field yields the nested one only on the fast path — a deliberate trade.
 */
export function compileFieldAccessor(
  path: string | readonly string[],
): (source: EventSource) => RawFieldValue {
  const segments = [...toPath(path)];
  const dotted = segments.join('.');
  // Plain property reads would find inherited members (`constructor`, `toString`…): such paths
  // take the general walk, which reads own properties only.
  if (segments.some((segment) => segment in Object.prototype)) return (source) => slowRaw(source, segments);
  if (segments.length === 1) {
    const key = segments[0] as string;
    return (source) => {
      const value = source[key];
      return typeof value === 'object' ? normalizeRaw(value) : (value as FieldScalar | undefined);
    };
  }
  if (segments.length === 2) {
    const [a, b] = segments as [string, string];
    return (source) => {
      const first = source[a];
      if (isPlainObject(first)) {
        const value = first[b];
        if (value !== undefined)
          return typeof value === 'object' ? normalizeRaw(value) : (value as FieldScalar);
      } else if (Array.isArray(first)) {
        return slowRaw(source, segments);
      }
      const flat = source[dotted];
      return typeof flat === 'object' ? normalizeRaw(flat) : (flat as FieldScalar | undefined);
    };
  }
  if (segments.length === 3) {
    const [a, b, c] = segments as [string, string, string];
    const ab = `${a}.${b}`;
    const bc = `${b}.${c}`;
    return (source) => {
      const first = source[a];
      if (isPlainObject(first)) {
        const second = first[b];
        if (isPlainObject(second)) {
          const value = second[c];
          if (value !== undefined)
            return typeof value === 'object' ? normalizeRaw(value) : (value as FieldScalar);
        } else if (Array.isArray(second)) {
          return slowRaw(source, segments);
        }
        if (!Object.hasOwn(first, bc) && !Object.hasOwn(source, ab) && !Object.hasOwn(source, dotted))
          return undefined;
      } else if (first === undefined && !Object.hasOwn(source, ab) && !Object.hasOwn(source, dotted)) {
        return undefined;
      }
      return slowRaw(source, segments);
    };
  }
  const last = segments.length - 1;
  return (source) => {
    let node: unknown = source;
    for (let i = 0; i < last; i++) {
      const next: unknown = (node as Record<string, unknown>)[segments[i] as string];
      if (!isPlainObject(next)) return slowRaw(source, segments);
      node = next;
    }
    const value = (node as Record<string, unknown>)[segments[last] as string];
    if (value === undefined) return slowRaw(source, segments);
    return typeof value === 'object' ? normalizeRaw(value) : (value as FieldScalar);
  };
}
