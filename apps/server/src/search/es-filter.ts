import { parseTimestamp } from '../corpora/timestamp.js';
import { resolveDateMath } from './date-math.js';
import { fieldValues } from './field-values.js';

/** An Elasticsearch query DSL filter compiled for a replay: a predicate plus time bounds. */
export interface CompiledFilter {
  /** True when the document passes the filter. */
  readonly test: (source: unknown) => boolean;
  /** Bounds on `timestampField` implied by the filter (inclusive, epoch millis), for indexed reads. */
  readonly fromTs?: number;
  readonly toTs?: number;
}

/** The filter is not a query DSL clause Rulebench supports; a 400 for the caller. */
export class FilterError extends Error {
  override readonly name = 'FilterError';
}

/** Deepest `bool` nesting accepted; deeper filters are refused rather than overflowing the stack. */
export const MAX_FILTER_DEPTH = 64;

type Predicate = (source: unknown) => boolean;
type Bounds = { fromTs?: number; toTs?: number };

/**
 * Compiles the subset of the query DSL that EQL searches use as `filter`: `range`, `term`,
 * `terms`, `exists`, `match_all`, `match_none` and `bool` (`filter`/`must`/`must_not`/`should`).
 */
export function compileEsFilter(
  filter: unknown,
  timestampField: string,
  now: number = Date.now(),
): CompiledFilter {
  const bounds: Bounds = {};
  const test = compileClause(filter, { timestampField, now, bounds, topLevel: true, depth: 0 });
  return { test, ...bounds };
}

interface Context {
  readonly timestampField: string;
  readonly now: number;
  readonly bounds: Bounds;
  /** Only conjunctive positions may narrow the indexed time bounds. */
  readonly topLevel: boolean;
  /** How many `bool` clauses enclose this one. */
  readonly depth: number;
}

function asObject(value: unknown, what: string): Record<string, unknown> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new FilterError(`${what} must be an object`);
  }
  return value as Record<string, unknown>;
}

function singleEntry(value: unknown, what: string): [string, unknown] {
  const entries = Object.entries(asObject(value, what));
  const first = entries[0];
  if (entries.length !== 1 || !first) throw new FilterError(`${what} must name exactly one field`);
  return first;
}

function compileClause(clause: unknown, ctx: Context): Predicate {
  const [kind, body] = singleEntry(clause, 'a filter clause');
  switch (kind) {
    case 'match_all':
      return () => true;
    case 'match_none':
      return () => false;
    case 'range':
      return compileRange(body, ctx);
    case 'term': {
      const [field, spec] = singleEntry(body, 'term');
      const value =
        spec !== null && typeof spec === 'object' && 'value' in spec
          ? (spec as { value: unknown }).value
          : spec;
      return (source) => fieldValues(source, field).some((v) => sameTerm(v, value));
    }
    case 'terms': {
      const [field, list] = singleEntry(body, 'terms');
      if (!Array.isArray(list)) throw new FilterError('terms must map a field to an array of values');
      return (source) => fieldValues(source, field).some((v) => list.some((t) => sameTerm(v, t)));
    }
    case 'exists': {
      const field = asObject(body, 'exists').field;
      if (typeof field !== 'string') throw new FilterError('exists needs a "field"');
      return (source) => fieldValues(source, field).length > 0;
    }
    case 'wildcard':
      return compileWildcard(body);
    case 'bool':
      return compileBool(body, ctx);
    default:
      throw new FilterError(
        `unsupported filter clause "${kind}" (supported: range, term, terms, wildcard, exists, match_all, match_none, bool)`,
      );
  }
}

/**
 * `{wildcard: {field: "pat"}}` or `{wildcard: {field: {value, case_insensitive}}}`: `*` any run,
 * `?` one character, `\\` escapes, over the whole value (a keyword field's term).
 */
function compileWildcard(body: unknown): Predicate {
  const [field, spec] = singleEntry(body, 'wildcard');
  const options = typeof spec === 'string' ? { value: spec } : asObject(spec, `wildcard.${field}`);
  const pattern = options.value ?? options.wildcard;
  if (typeof pattern !== 'string') throw new FilterError(`wildcard.${field} needs a string "value"`);
  const matches = wildcardMatcher(pattern, options.case_insensitive === true);
  return (source) => fieldValues(source, field).some((v) => typeof v === 'string' && matches(v));
}

type WildcardToken = { readonly kind: 'star' | 'one' } | { readonly kind: 'char'; readonly char: string };

/**
 * A wildcard matcher without regular expressions: a RegExp of many `.*` backtracks
 * polynomially (`*` × 50 over a long value freezes the server). This greedy matcher
 * remembers only the last star, so it costs at most pattern × value steps.
 */
export function wildcardMatcher(pattern: string, caseInsensitive: boolean): (value: string) => boolean {
  const fold = (text: string) => (caseInsensitive ? text.toLowerCase() : text);
  const tokens: WildcardToken[] = [];
  const chars = [...fold(pattern)];
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i] as string;
    if (c === '\\' && i + 1 < chars.length) tokens.push({ kind: 'char', char: chars[++i] as string });
    else if (c === '*') {
      if (tokens.at(-1)?.kind !== 'star') tokens.push({ kind: 'star' });
    } else if (c === '?') tokens.push({ kind: 'one' });
    else tokens.push({ kind: 'char', char: c });
  }
  return (raw) => {
    const text = [...fold(raw)];
    let t = 0;
    let p = 0;
    let starAt = -1;
    let starText = 0;
    while (t < text.length) {
      const token = tokens[p];
      if (token && (token.kind === 'one' || (token.kind === 'char' && token.char === text[t]))) {
        t++;
        p++;
      } else if (token?.kind === 'star') {
        starAt = p++;
        starText = t;
      } else if (starAt >= 0) {
        p = starAt + 1;
        t = ++starText;
      } else return false;
    }
    while (tokens[p]?.kind === 'star') p++;
    return p === tokens.length;
  };
}

function clauses(value: unknown): unknown[] {
  if (value === undefined) return [];
  return Array.isArray(value) ? value : [value];
}

function compileBool(body: unknown, ctx: Context): Predicate {
  const spec = asObject(body, 'bool');
  for (const key of Object.keys(spec)) {
    if (!['filter', 'must', 'must_not', 'should', 'minimum_should_match', 'boost'].includes(key)) {
      throw new FilterError(`unsupported bool option "${key}"`);
    }
  }
  const depth = ctx.depth + 1;
  if (depth > MAX_FILTER_DEPTH)
    throw new FilterError(`filter nested too deeply (more than ${MAX_FILTER_DEPTH} levels of bool)`);
  const inner = { ...ctx, topLevel: false, depth };
  const required = [...clauses(spec.filter), ...clauses(spec.must)].map((c) =>
    compileClause(c, { ...ctx, depth }),
  );
  const excluded = clauses(spec.must_not).map((c) => compileClause(c, inner));
  const optional = clauses(spec.should).map((c) => compileClause(c, inner));
  // As in Elasticsearch: `should` is required (at least one) only when nothing else is.
  const minimum =
    typeof spec.minimum_should_match === 'number'
      ? spec.minimum_should_match
      : required.length === 0 && excluded.length === 0 && optional.length > 0
        ? 1
        : 0;
  return (source) =>
    required.every((p) => p(source)) &&
    !excluded.some((p) => p(source)) &&
    (minimum === 0 || optional.filter((p) => p(source)).length >= minimum);
}

function compileRange(body: unknown, ctx: Context): Predicate {
  const [field, rawSpec] = singleEntry(body, 'range');
  const spec = asObject(rawSpec, `range.${field}`);
  const isTime = field === ctx.timestampField;
  const limits: { op: 'gt' | 'gte' | 'lt' | 'lte'; value: unknown }[] = [];
  for (const [op, value] of Object.entries(spec)) {
    if (op === 'format' || op === 'time_zone' || op === 'boost') continue;
    if (op !== 'gt' && op !== 'gte' && op !== 'lt' && op !== 'lte')
      throw new FilterError(`unsupported range option "${op}"`);
    if (value === null || value === undefined) continue;
    limits.push({ op, value });
  }
  if (isTime) {
    const resolved = limits.map(({ op, value }) => {
      const millis = resolveDateMath(value, ctx.now);
      if (millis === undefined)
        throw new FilterError(`range.${field}.${op}: ${JSON.stringify(value)} is not a date`);
      return { op, millis };
    });
    if (ctx.topLevel) narrowBounds(ctx.bounds, resolved);
    return (source) =>
      fieldValues(source, field).some((v) => {
        const t = parseTimestamp(v);
        return t !== undefined && resolved.every(({ op, millis }) => compare(t, millis, op));
      });
  }
  return (source) =>
    fieldValues(source, field).some((v) =>
      limits.every(({ op, value }) => compareValues(v, value, op, ctx.now)),
    );
}

function narrowBounds(bounds: Bounds, limits: readonly { op: string; millis: number }[]): void {
  for (const { op, millis } of limits) {
    // Stored timestamps are whole millis, so a strict bound is the next inclusive one.
    if (op === 'gte' || op === 'gt')
      bounds.fromTs = Math.max(
        bounds.fromTs ?? -Infinity,
        op === 'gt' ? Math.floor(millis) + 1 : Math.ceil(millis),
      );
    if (op === 'lte' || op === 'lt')
      bounds.toTs = Math.min(
        bounds.toTs ?? Infinity,
        op === 'lt' ? Math.ceil(millis) - 1 : Math.floor(millis),
      );
  }
}

function compare(a: number | string, b: number | string, op: string): boolean {
  switch (op) {
    case 'gt':
      return a > b;
    case 'gte':
      return a >= b;
    case 'lt':
      return a < b;
    default:
      return a <= b;
  }
}

/** Numbers compare as numbers, dates as dates, other strings as strings. */
function compareValues(value: unknown, limit: unknown, op: string, now: number): boolean {
  if (
    typeof value === 'number' &&
    (typeof limit === 'number' ||
      (typeof limit === 'string' && limit.trim() !== '' && !Number.isNaN(Number(limit))))
  ) {
    return compare(value, Number(limit), op);
  }
  if (typeof value === 'string' && typeof limit === 'string') {
    const a = parseTimestamp(value);
    const b = resolveDateMath(limit, now);
    if (a !== undefined && b !== undefined && !/^-?\d+(\.\d+)?$/.test(value)) return compare(a, b, op);
    return compare(value, limit, op);
  }
  return false;
}

function sameTerm(value: unknown, term: unknown): boolean {
  if (value === term) return true;
  const scalar = (v: unknown) => typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean';
  return scalar(value) && scalar(term) && String(value) === String(term);
}
