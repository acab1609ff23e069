/**
 * Comparisons, in the two ways Elasticsearch runs them:
 *
 * - **Field against constant** (a query on the index): the constant is coerced to the field's
 *   type the way a term/range query coerces it (`5` matches a keyword `"5"`, `"5"` matches a
 *   long `5`, a date field accepts ISO strings and epoch millis, a version field orders
 *   semantically). Evaluated per value of a multi-valued field.
 * - **Value against value** (a script): Java `Comparisons` — null if either side is null,
 *   numbers by value, strings by UTF-16 code units, booleans false < true; mixed types are
 *   neither equal nor unequal nor ordered: `eq`/`neq` too go through `compare`, whose
 *   ClassCastException branch gives null, so `length(f) != "7"` matches no event.
 */

import type { ComparisonOperator } from '../ast.js';
import { inBlock, parseCidr, parseIp } from '../functions/impl-cidr.js';
import { comparePreciseInstants, toEpochMillis, toPreciseInstant } from './dates.js';
import type { FieldScalar } from './fields.js';
import { type EqlValue, type NumericKind, parseNumericString, valueToString } from './values.js';
import { compareVersions } from './versions.js';

/** Index mapping types that change how a field compares. Unlisted fields follow their JSON type. */
export type FieldType =
  | 'keyword'
  | 'long'
  | 'double'
  | 'boolean'
  | 'date'
  | 'date_nanos'
  | 'version'
  | 'ip'
  | 'text';

export type OrderOperator = Exclude<ComparisonOperator, '!='>;

export type ValuePredicate = (value: FieldScalar) => boolean;

/** `<` becomes `>` when the operands swap sides. */
export function flipOperator(op: ComparisonOperator): ComparisonOperator {
  switch (op) {
    case '<':
      return '>';
    case '<=':
      return '>=';
    case '>':
      return '<';
    case '>=':
      return '<=';
    default:
      return op;
  }
}

function orderTest(op: OrderOperator, order: number): boolean {
  switch (op) {
    case '==':
      return order === 0;
    case '<':
      return order < 0;
    case '<=':
      return order <= 0;
    case '>':
      return order > 0;
    case '>=':
      return order >= 0;
  }
}

function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function numberPredicate(op: OrderOperator, n: number): (v: number) => boolean {
  switch (op) {
    case '==':
      return (v) => v === n;
    case '<':
      return (v) => v < n;
    case '<=':
      return (v) => v <= n;
    case '>':
      return (v) => v > n;
    case '>=':
      return (v) => v >= n;
  }
}

function stringPredicate(op: OrderOperator, s: string): (v: string) => boolean {
  switch (op) {
    case '==':
      return (v) => v === s;
    case '<':
      return (v) => v < s;
    case '<=':
      return (v) => v <= s;
    case '>':
      return (v) => v > s;
    case '>=':
      return (v) => v >= s;
  }
}

const never: ValuePredicate = () => false;

/**
 * The per-value test for `field op constant` (constant non-null; `!=` is the negation of `==`
 * over all values, so it is not handled here).
 */
export function fieldConstantPredicate(
  op: OrderOperator,
  constant: Exclude<EqlValue, null>,
  constantKind: NumericKind,
  type: FieldType | undefined,
): ValuePredicate {
  if (type === 'date') {
    const millis = toEpochMillis(constant);
    if (millis === undefined) return never;
    const test = numberPredicate(op, millis);
    return (value) => {
      const v = toEpochMillis(value);
      return v !== undefined && test(v);
    };
  }
  if (type === 'date_nanos') {
    // Both sides to the nanosecond, compared exactly (a double cannot hold them).
    const instant = toPreciseInstant(constant);
    if (instant === undefined) return never;
    return (value) => {
      const v = toPreciseInstant(value);
      return v !== undefined && orderTest(op, comparePreciseInstants(v, instant));
    };
  }
  if (type === 'ip' && typeof constant === 'string') {
    // An ip field's term query takes an address or a CIDR block (`10.0.0.0/8`); order and
    // equality are those of the address bytes.
    const block = parseCidr(constant);
    if (block === undefined) return never;
    if (op === '==') {
      return (value) => {
        const address = typeof value === 'string' ? parseIp(value) : undefined;
        return address !== undefined && inBlock(address, block);
      };
    }
    return (value) => {
      const address = typeof value === 'string' ? parseIp(value) : undefined;
      return address !== undefined && orderTest(op, compareIpBytes(address, block.bytes));
    };
  }
  if (type === 'version' && typeof constant === 'string') {
    return (value) => typeof value === 'string' && orderTest(op, compareVersions(value, constant));
  }
  if (typeof constant === 'string') {
    const asString = stringPredicate(op, constant);
    const numeric = parseNumericString(constant);
    const asNumber = numeric === undefined ? undefined : numberPredicate(op, numeric);
    const asBoolean = constant === 'true' || constant === 'false' ? constant === 'true' : undefined;
    return (value) => {
      if (typeof value === 'string') return asString(value);
      if (typeof value === 'number') return asNumber?.(value) ?? false;
      return asBoolean !== undefined && orderTest(op, Number(value) - Number(asBoolean));
    };
  }
  if (typeof constant === 'number') {
    const asNumber = numberPredicate(op, constant);
    const asString = stringPredicate(op, valueToString(constant, constantKind));
    return (value) => {
      if (typeof value === 'number') return asNumber(value);
      if (typeof value === 'string') return asString(value);
      return false;
    };
  }
  const asString = stringPredicate(op, String(constant));
  return (value) => {
    if (typeof value === 'boolean') return orderTest(op, Number(value) - Number(constant));
    if (typeof value === 'string') return asString(value);
    return false;
  };
}

/** Java `Comparisons.compare`: a comparator result, or null when the operands do not order. */
export function compareValues(left: EqlValue, right: EqlValue): number | null {
  if (left === null || right === null) return null;
  if (typeof left === 'number' && typeof right === 'number') {
    if (Number.isNaN(left) || Number.isNaN(right))
      return Number.isNaN(left) ? (Number.isNaN(right) ? 0 : 1) : -1;
    return left < right ? -1 : left > right ? 1 : 0;
  }
  if (typeof left === 'string' && typeof right === 'string') return compareStrings(left, right);
  if (typeof left === 'boolean' && typeof right === 'boolean') return Number(left) - Number(right);
  return null;
}

/** Three-valued `left op right` in a script. */
export function compareInScript(op: ComparisonOperator, left: EqlValue, right: EqlValue): boolean | null {
  const order = compareValues(left, right);
  if (order === null) return null;
  return op === '!=' ? order !== 0 : orderTest(op, order);
}

/** IPv4 sorts before IPv6 (as ES encodes IPv4 in the IPv4-mapped IPv6 range); then bytewise. */
function compareIpBytes(a: Uint8Array, b: Uint8Array): number {
  if (a.length !== b.length) return a.length - b.length;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return (a[i] as number) - (b[i] as number);
  return 0;
}
