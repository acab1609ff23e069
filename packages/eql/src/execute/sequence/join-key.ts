/**
 * Join keys as Elasticsearch builds them for `sequence by` / `sample by`.
 *
 * A key field contributes its doc values: sorted, duplicates dropped, nulls inside arrays
 * dropped. A multi-valued field makes the event carry one key per value, and several
 * multi-valued fields one key per combination (cartesian product). A field without a value
 * excludes the event, unless it was written `?field`: then it joins as `null`.
 *
 * Keys are compared by their printed form, because Elasticsearch coerces every value of a field
 * to the field's mapped type: `123` and `"123"` end up as the same term either way.
 */

/** One component of a join key, as it appears in `join_keys` of a response. */
export type JoinValue = string | number | boolean | null;

/** A join key: `id` identifies it in maps, `values` are the components (one per key field). */
export interface JoinKey {
  readonly id: string;
  readonly values: readonly JoinValue[];
}

/** The values of one key field for one event: none, one, or several (a multi-valued field). */
export type KeyFieldValues = string | number | boolean | readonly (string | number | boolean)[] | undefined;

/** Reads one key field; the `optional` flag decides what an absent value means. */
export interface KeyField {
  readonly read: (source: Record<string, unknown>) => KeyFieldValues;
  readonly optional: boolean;
  /** As written, e.g. `?process.pid` (for explanations). */
  readonly name: string;
  /** The error for this key field, located at it (when the plan knows where it is). */
  readonly fail?: (message: string) => Error;
}

/**
 * Most keys one event may carry. Several multi-valued key fields multiply (three fields of
 * 1,000 values each would be 10^9 keys); past this the search fails with a located error
 * instead of exhausting memory, as Elasticsearch's circuit breaker would stop it.
 */
export const MAX_KEYS_PER_EVENT = 10_000;

const NULL_ID = '\u0000';

/** Id of a single key component. Distinct for null; equal for values that print alike. */
export function encodeJoinValue(value: JoinValue): string {
  if (value === null) return NULL_ID;
  if (typeof value === 'string') return value.charCodeAt(0) === 0 ? `${NULL_ID}${value}` : value;
  return String(value);
}

/** Id of a composite key: each component length-prefixed, so no two keys collide. */
export function encodeJoinKey(values: readonly JoinValue[]): string {
  if (values.length === 1) return encodeJoinValue(values[0] ?? null);
  let id = '';
  for (const value of values) {
    const part = encodeJoinValue(value);
    id += `${part.length}:${part}`;
  }
  return id;
}

function typeRank(value: JoinValue): number {
  if (value === null) return 0;
  if (typeof value === 'boolean') return 1;
  if (typeof value === 'number') return 2;
  return 3;
}

/** Compares strings by code point, as Lucene orders UTF-8 terms (JS `<` compares UTF-16 units). */
function compareCodePoints(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x === y) continue;
    const xs = x >= 0xd800 && x <= 0xdfff;
    const ys = y >= 0xd800 && y <= 0xdfff;
    if (xs !== ys) return xs ? 1 : -1;
    return x - y;
  }
  return a.length - b.length;
}

/** Doc-value order: nulls first (a missing bucket sorts first), then by type, then by value. */
export function compareJoinValues(a: JoinValue, b: JoinValue): number {
  const ra = typeRank(a);
  const rb = typeRank(b);
  if (ra !== rb) return ra - rb;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (typeof a === 'string' && typeof b === 'string') return compareCodePoints(a, b);
  if (typeof a === 'boolean' && typeof b === 'boolean') return Number(a) - Number(b);
  return 0;
}

/** Component-wise comparison of two keys (composite aggregation order). */
export function compareJoinKeys(a: readonly JoinValue[], b: readonly JoinValue[]): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const c = compareJoinValues(a[i] ?? null, b[i] ?? null);
    if (c !== 0) return c;
  }
  return a.length - b.length;
}

/** A key of one non-null value: its `values` array is only built when asked for. */
class ScalarKey implements JoinKey {
  constructor(
    readonly id: string,
    private readonly value: JoinValue,
  ) {}

  get values(): readonly JoinValue[] {
    return [this.value];
  }
}

/** Sorted, de-duplicated doc values of one field (by printed form, see the module comment). */
function docValues(values: readonly (string | number | boolean)[]): readonly JoinValue[] {
  if (values.length <= 1) return values;
  const sorted = [...values].sort(compareJoinValues);
  const out: JoinValue[] = [];
  let last: string | undefined;
  for (const value of sorted) {
    const id = encodeJoinValue(value);
    if (id !== last) out.push(value);
    last = id;
  }
  return out;
}

function valuesOf(raw: KeyFieldValues): readonly JoinValue[] {
  if (raw === undefined) return EMPTY_VALUES;
  return typeof raw === 'object' ? docValues(raw) : [raw];
}

/**
 * All keys of one event for the given key fields, in doc-value order; `[]` when the event
 * cannot join (a non-optional field without value). With no key fields, one empty key.
 * `out`, when given, is cleared and filled instead of allocating a list (for hot loops that do
 * not keep the list).
 */
export function extractJoinKeys(
  source: Record<string, unknown>,
  fields: readonly KeyField[],
  out?: JoinKey[],
): readonly JoinKey[] {
  if (fields.length === 0) return EMPTY_KEY_LIST;
  if (fields.length === 1) {
    const field = fields[0] as KeyField;
    const raw = field.read(source);
    if (raw === undefined || (typeof raw === 'object' && raw.length === 0)) {
      return field.optional ? NULL_KEY_LIST : EMPTY_LIST;
    }
    const list = out ?? [];
    if (typeof raw !== 'object') {
      list[0] = new ScalarKey(encodeJoinValue(raw), raw);
      // Shrinking an array is slow in V8; a reused one-key list keeps its length.
      if (list.length !== 1) list.length = 1;
      return list;
    }
    if (list.length !== 0) list.length = 0;
    for (const value of docValues(raw)) list.push(new ScalarKey(encodeJoinValue(value), value));
    return list;
  }
  let combos: JoinValue[][] = [[]];
  for (const field of fields) {
    const raw = field.read(source);
    const values = valuesOf(raw);
    if (values.length === 0 && field.optional) {
      for (const combo of combos) combo.push(null);
      continue;
    }
    if (values.length === 0) return EMPTY_LIST;
    if (combos.length * values.length > MAX_KEYS_PER_EVENT) {
      const message = `an event has more than ${MAX_KEYS_PER_EVENT} join key combinations (multi-valued key fields multiply); the limit is ${MAX_KEYS_PER_EVENT}`;
      throw field.fail?.(message) ?? new Error(message);
    }
    const next: JoinValue[][] = [];
    for (const combo of combos) for (const value of values) next.push([...combo, value]);
    combos = next;
  }
  return combos.map((values) => ({ id: encodeJoinKey(values), values }));
}

const EMPTY_LIST: readonly JoinKey[] = Object.freeze([]);
const EMPTY_VALUES: readonly JoinValue[] = Object.freeze([]);
const EMPTY_KEY_LIST: readonly JoinKey[] = Object.freeze([
  Object.freeze({ id: '', values: Object.freeze([]) }),
]);
const NULL_KEY_LIST: readonly JoinKey[] = Object.freeze([
  Object.freeze({ id: NULL_ID, values: Object.freeze([null]) }),
]);
