/**
 * Sample join keys by the key field's mapped type. Elasticsearch groups a sample by the buckets
 * of a composite aggregation over doc values, and returns the bucket keys as `join_keys`: a
 * `date` field's key is its epoch millis (a number, whatever the text in `_source`), so
 * `"2022-12-17"`, `"1671235200000"` and, under a `dd-MM-yyyy` mapping format, `"17-12-2022"`
 * are one key, printed `1671235200000`. (Sequences print a date key with the field's format
 * instead; see test_extra.toml `byDate`.) An `ip` key is the address in its canonical text
 * (`::1`, never `0:0:0:0:0:0:0:1`; IPv4-mapped addresses as IPv4). A value the field's type cannot
 * read is no value: Elasticsearch would not have indexed it.
 *
 * Buckets come in the aggregation's order, which is the order of the indexed terms: numbers for
 * dates, address bytes for `ip` (`9.0.0.1` before `10.0.0.1`), version precedence for
 * `version` (`1.5.0` before `1.11.3`), code points for keywords; a missing key (null) first.
 */

import type { Expression, SampleNode } from '../../ast.js';
import type { FieldType } from '../../evaluate/compare.js';
import type { CompileContext } from '../../evaluate/context.js';
import { dateParser } from '../../evaluate/date-formats.js';
import { compareVersions } from '../../evaluate/versions.js';
import { parseIp } from '../../functions/impl-cidr.js';
import {
  compareJoinValues,
  type JoinValue,
  type KeyField,
  type KeyFieldValues,
} from '../sequence/join-key.js';

type Scalar = string | number | boolean;

function mapValues(raw: KeyFieldValues, convert: (value: unknown) => Scalar | undefined): KeyFieldValues {
  if (raw === undefined) return undefined;
  if (typeof raw !== 'object') return convert(raw);
  const out: Scalar[] = [];
  for (const value of raw) {
    const converted = convert(value);
    if (converted !== undefined) out.push(converted);
  }
  return out.length === 0 ? undefined : out;
}

/** RFC 5952 text of 16 address bytes: IPv4 for IPv4-mapped ones, else the longest zero run as `::`. */
export function formatIp(bytes: Uint8Array): string {
  const mapped = bytes.subarray(0, 10).every((b) => b === 0) && bytes[10] === 0xff && bytes[11] === 0xff;
  if (mapped) return Array.from(bytes.subarray(12)).join('.');
  const groups = Array.from({ length: 8 }, (_, i) => ((bytes[i * 2] ?? 0) << 8) | (bytes[i * 2 + 1] ?? 0));
  let bestStart = -1;
  let bestLength = 1; // a single zero group is not compressed
  for (let i = 0; i < 8; ) {
    if (groups[i] !== 0) {
      i++;
      continue;
    }
    let end = i;
    while (end < 8 && groups[end] === 0) end++;
    if (end - i > bestLength) {
      bestStart = i;
      bestLength = end - i;
    }
    i = end;
  }
  const hex = (list: number[]): string => list.map((g) => g.toString(16)).join(':');
  if (bestStart < 0) return hex(groups);
  return `${hex(groups.slice(0, bestStart))}::${hex(groups.slice(bestStart + bestLength))}`;
}

function ipKey(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const bytes = parseIp(value);
  return bytes === undefined ? undefined : formatIp(bytes);
}

function keyType(node: Expression | undefined, ctx: CompileContext): FieldType | undefined {
  return node?.kind === 'Field' ? ctx.fieldTypes.get(node.path.join('.')) : undefined;
}

function typedKey(field: KeyField, node: Expression | undefined, ctx: CompileContext): KeyField {
  const type = keyType(node, ctx);
  if (type === 'ip') return { ...field, read: (source) => mapValues(field.read(source), ipKey) };
  if (type !== 'date' || node?.kind !== 'Field') return field;
  const parse = dateParser(ctx.dateFormats.get(node.path.join('.')));
  return { ...field, read: (source) => mapValues(field.read(source), parse) };
}

function compareIps(a: string, b: string): number {
  const x = parseIp(a);
  const y = parseIp(b);
  if (x === undefined || y === undefined) return compareJoinValues(a, b);
  for (let i = 0; i < 16; i++) {
    const d = (x[i] ?? 0) - (y[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

type ValueOrder = (a: JoinValue, b: JoinValue) => number;

/** Orders values of one key position by the type of the first filter's field there. */
function valueOrder(type: FieldType | undefined): ValueOrder {
  const typed = type === 'ip' ? compareIps : type === 'version' ? compareVersions : undefined;
  if (typed === undefined) return compareJoinValues;
  return (a, b) => (typeof a === 'string' && typeof b === 'string' ? typed(a, b) : compareJoinValues(a, b));
}

/** The bucket order of a sample's join keys (composite aggregation order, see above). */
export function sampleKeyOrder(
  node: SampleNode,
  ctx: CompileContext,
): (a: readonly JoinValue[], b: readonly JoinValue[]) => number {
  const nodes = [...node.by, ...(node.terms[0]?.by ?? [])];
  const orders = nodes.map((n) => valueOrder(keyType(n, ctx)));
  return (a, b) => {
    const n = Math.min(a.length, b.length);
    for (let i = 0; i < n; i++) {
      const c = (orders[i] ?? compareJoinValues)(a[i] ?? null, b[i] ?? null);
      if (c !== 0) return c;
    }
    return a.length - b.length;
  };
}

/**
 * The key fields of filter `termIndex` (`sample by …` keys, then the filter's own `by`) with
 * typed reading where the mapping calls for it.
 */
export function sampleKeyFields(
  node: SampleNode,
  termIndex: number,
  keys: readonly KeyField[],
  ctx: CompileContext,
): readonly KeyField[] {
  const nodes = [...node.by, ...(node.terms[termIndex]?.by ?? [])];
  return keys.map((field, i) => typedKey(field, nodes[i], ctx));
}
