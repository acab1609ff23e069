/**
 * Runtime values of EQL expressions and the Java-flavoured conversions Elasticsearch applies
 * to them (number → string as `Long.toString` / `Double.toString`).
 */

/** The result of evaluating a value expression; `null` is SQL-style unknown. */
export type EqlValue = string | number | boolean | null;

/**
 * Static numeric kind of an expression, as Java would type it: `int` (literal that fits 32
 * bits), `long`, `double`, or `dynamic` when only the runtime value can tell (a field:
 * integral values are longs, others doubles — JSON cannot tell `2.0` from `2`).
 */
export type NumericKind = 'int' | 'long' | 'double' | 'dynamic';

/** Java's `Double.toString` for finite doubles: `1.0`, `2.1828`, `1.0E10`, `1.0E-5`. */
export function javaDoubleToString(value: number): string {
  if (Number.isNaN(value)) return 'NaN';
  if (value === Number.POSITIVE_INFINITY) return 'Infinity';
  if (value === Number.NEGATIVE_INFINITY) return '-Infinity';
  if (value === 0) return Object.is(value, -0) ? '-0.0' : '0.0';
  const abs = Math.abs(value);
  if (abs >= 1e-3 && abs < 1e7) {
    const text = String(value);
    return text.includes('.') ? text : `${text}.0`;
  }
  // Scientific: JS gives "1e+21" / "1.5e-7"; Java gives "1.0E21" / "1.5E-7".
  const [mantissa = '', exponent = '0'] = value.toExponential().split('e');
  const digits = mantissa.includes('.') ? mantissa : `${mantissa}.0`;
  return `${digits}E${Number(exponent)}`;
}

/** How Elasticsearch prints a value (`concat`, `string`): integral numbers as longs. */
export function valueToString(value: Exclude<EqlValue, null>, kind: NumericKind = 'dynamic'): string {
  if (typeof value === 'number') {
    if (kind === 'double' || !Number.isInteger(value)) return javaDoubleToString(value);
    return String(value);
  }
  return String(value);
}

/** Strict numeric string (what a `long`/`double` field would accept for a term query). */
const NUMERIC = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

export function parseNumericString(text: string): number | undefined {
  const trimmed = text.trim();
  if (!NUMERIC.test(trimmed)) return undefined;
  return Number(trimmed);
}

export function typeName(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'number') return Number.isInteger(value) ? 'long' : 'double';
  if (typeof value === 'string') return 'keyword';
  return typeof value;
}
