import { RuleError, type RuleErrorCode } from './errors.js';
import {
  type FieldKind,
  isModelledMetadataKey,
  isModelledRuleKey,
  METADATA_FIELDS,
  REQUIRED_RULE_FIELDS,
  RULE_FIELDS,
} from './fields.js';
import type { Rule, RuleMetadata, RuleObject, RuleTransforms, RuleValue } from './rule.js';

/** Where an error about a field path should point; supplied by each format's decoder. */
export interface DecodeContext {
  readonly file: string | undefined;
  locate(path: string): { readonly line: number; readonly column: number } | undefined;
  /** Longest accepted string field (guards the browser and the store against runaway input). */
  readonly maxTextLength: number;
}

export function fail(ctx: DecodeContext, code: RuleErrorCode, field: string, reason: string): never {
  const where = ctx.locate(field);
  throw new RuleError(reason, {
    code,
    file: ctx.file,
    line: where?.line,
    column: where?.column,
    field,
  });
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * How deeply a rule's free-form values (`meta`, extra tables…) may nest. Real rules nest a few
 * levels; a hostile `"meta": [[[[…` 50,000 deep would overflow the stack here and in every later
 * walk (validation, encoding, JSON.stringify), so it is refused with a located error instead.
 */
export const MAX_RULE_VALUE_DEPTH = 100;

/** Where a too-deep value is reported: the field holding it, in the file being decoded. */
export interface ValueSite {
  readonly ctx: DecodeContext;
  readonly path: string;
}

/**
 * TOML dates and other exotic values become their text, so every value is plain JSON. Throws a
 * RuleError (`too-large`, located at `site` when given) for values nesting deeper than
 * `MAX_RULE_VALUE_DEPTH`; the recursion never goes deeper than that limit.
 */
export function toRuleValue(value: unknown, site?: ValueSite, depth = 0): RuleValue {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') return value;
  if (typeof value === 'bigint') return Number(value);
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value) || isPlainObject(value)) {
    if (depth >= MAX_RULE_VALUE_DEPTH) {
      const reason = `nests deeper than ${MAX_RULE_VALUE_DEPTH} levels`;
      if (site !== undefined) fail(site.ctx, 'too-large', site.path, reason);
      throw new RuleError(reason, { code: 'too-large' });
    }
    if (Array.isArray(value)) return value.map((item) => toRuleValue(item, site, depth + 1));
    const out: Record<string, RuleValue> = {};
    for (const [k, v] of Object.entries(value)) out[k] = toRuleValue(v, site, depth + 1);
    return out;
  }
  return String(value);
}

function describe(value: unknown): string {
  if (Array.isArray(value)) return 'an array';
  if (value === null) return 'null';
  if (isPlainObject(value)) return 'a table';
  return `a ${typeof value}`;
}

function checkKind(ctx: DecodeContext, path: string, kind: FieldKind, value: unknown): RuleValue {
  const wrong = (expected: string): never =>
    fail(ctx, 'wrong-type', path, `expected ${expected}, found ${describe(value)}`);
  switch (kind) {
    case 'string':
      if (typeof value !== 'string') return wrong('a string');
      if (value.length > ctx.maxTextLength) {
        fail(ctx, 'too-large', path, `is ${value.length} characters long; the limit is ${ctx.maxTextLength}`);
      }
      return value;
    case 'integer':
      if (typeof value === 'bigint') return Number(value);
      if (typeof value !== 'number' || !Number.isInteger(value)) return wrong('an integer');
      return value;
    case 'number':
      if (typeof value !== 'number') return wrong('a number');
      return value;
    case 'boolean':
      if (typeof value !== 'boolean') return wrong('a boolean');
      return value;
    case 'strings':
      if (!Array.isArray(value)) return wrong('an array of strings');
      value.forEach((item, i) => {
        if (typeof item !== 'string')
          fail(ctx, 'wrong-type', `${path}[${i}]`, `expected a string, found ${describe(item)}`);
      });
      return value as string[];
    case 'string-or-strings':
      if (typeof value === 'string') return value;
      return checkKind(ctx, path, 'strings', value);
    case 'object':
      if (!isPlainObject(value)) return wrong('a table');
      return toRuleValue(value, { ctx, path });
    case 'objects':
      if (!Array.isArray(value)) return wrong('an array of tables');
      value.forEach((item, i) => {
        if (!isPlainObject(item))
          fail(ctx, 'wrong-type', `${path}[${i}]`, `expected a table, found ${describe(item)}`);
      });
      return toRuleValue(value, { ctx, path });
    case 'threat':
      return checkThreats(ctx, path, value);
  }
}

function checkThreats(ctx: DecodeContext, path: string, value: unknown): RuleValue {
  if (!Array.isArray(value))
    fail(ctx, 'wrong-type', path, `expected an array of tables, found ${describe(value)}`);
  const entry = (at: string, v: unknown) => {
    if (!isPlainObject(v))
      fail(
        ctx,
        v === undefined ? 'missing-field' : 'wrong-type',
        at,
        `expected a table with id, name and reference`,
      );
    for (const key of ['id', 'name', 'reference']) {
      const field = v[key];
      if (field === undefined) fail(ctx, 'missing-field', `${at}.${key}`, `is required`);
      if (typeof field !== 'string')
        fail(ctx, 'wrong-type', `${at}.${key}`, `expected a string, found ${describe(field)}`);
    }
  };
  value.forEach((threat, i) => {
    const at = `${path}[${i}]`;
    if (!isPlainObject(threat)) fail(ctx, 'wrong-type', at, `expected a table, found ${describe(threat)}`);
    if (typeof threat.framework !== 'string') {
      fail(
        ctx,
        threat.framework === undefined ? 'missing-field' : 'wrong-type',
        `${at}.framework`,
        'expected a string',
      );
    }
    entry(`${at}.tactic`, threat.tactic);
    if (threat.technique === undefined) return;
    if (!Array.isArray(threat.technique))
      fail(ctx, 'wrong-type', `${at}.technique`, 'expected an array of tables');
    threat.technique.forEach((technique: unknown, j: number) => {
      const tat = `${at}.technique[${j}]`;
      entry(tat, technique);
      const sub = (technique as Record<string, unknown>).subtechnique;
      if (sub === undefined) return;
      if (!Array.isArray(sub)) fail(ctx, 'wrong-type', `${tat}.subtechnique`, 'expected an array of tables');
      sub.forEach((s: unknown, k: number) => {
        entry(`${tat}.subtechnique[${k}]`, s);
      });
    });
  });
  return toRuleValue(value, { ctx, path });
}

/** Checks and copies the fields of a `[rule]` table (or a Kibana rule object) into a Rule. */
export function decodeRuleFields(
  ctx: DecodeContext,
  table: Record<string, unknown>,
  prefix: string,
  metadata: RuleMetadata,
): Rule {
  const at = (key: string) => (prefix ? `${prefix}.${key}` : key);
  for (const key of REQUIRED_RULE_FIELDS) {
    if (table[key] === undefined) fail(ctx, 'missing-field', at(key), 'required field is missing');
  }
  const out: Record<string, unknown> = { metadata };
  const extra: Record<string, RuleValue> = {};
  for (const [key, value] of Object.entries(table)) {
    if (isModelledRuleKey(key)) out[key] = checkKind(ctx, at(key), RULE_FIELDS[key], value);
    else extra[key] = toRuleValue(value, { ctx, path: at(key) });
  }
  if (Object.keys(extra).length > 0) out.extra = extra;
  return out as unknown as Rule;
}

export function decodeMetadata(ctx: DecodeContext, table: unknown, path: string): RuleMetadata {
  if (table === undefined) return {};
  if (!isPlainObject(table)) fail(ctx, 'wrong-type', path, `expected a table, found ${describe(table)}`);
  const out: Record<string, unknown> = {};
  const extra: Record<string, RuleValue> = {};
  for (const [key, value] of Object.entries(table)) {
    if (isModelledMetadataKey(key)) out[key] = checkKind(ctx, `${path}.${key}`, METADATA_FIELDS[key], value);
    else extra[key] = toRuleValue(value, { ctx, path: `${path}.${key}` });
  }
  if (Object.keys(extra).length > 0) out.extra = extra;
  return out as RuleMetadata;
}

export function decodeTransforms(ctx: DecodeContext, table: unknown, path: string): RuleTransforms {
  if (!isPlainObject(table)) fail(ctx, 'wrong-type', path, `expected a table, found ${describe(table)}`);
  const out: Record<string, readonly RuleObject[]> = {};
  for (const [plugin, entries] of Object.entries(table)) {
    out[plugin] = checkKind(ctx, `${path}.${plugin}`, 'objects', entries) as readonly RuleObject[];
  }
  return out;
}

/**
 * Why a rule received as JSON (a share link, a permalink snapshot) does not have the Rule
 * model's shape, or undefined when it does: each known field must have its kind (a `name` that is
 * an object, `tags` that is a string would break every page showing the rule), metadata too, and
 * nothing may nest deeper than `MAX_RULE_VALUE_DEPTH`. Required fields are not demanded: a
 * rule being written may lack them. The message names the field: `rule.tags: expected …`.
 */
export function ruleShapeProblem(value: unknown, maxTextLength: number): string | undefined {
  if (!isPlainObject(value)) return `rule: expected an object, found ${describe(value)}`;
  const ctx: DecodeContext = { file: undefined, locate: () => undefined, maxTextLength };
  try {
    for (const [key, field] of Object.entries(value)) {
      if (isModelledRuleKey(key)) checkKind(ctx, `rule.${key}`, RULE_FIELDS[key], field);
      else if (key === 'metadata') decodeMetadata(ctx, field, 'rule.metadata');
      else toRuleValue(field, { ctx, path: `rule.${key}` });
    }
  } catch (error) {
    if (!(error instanceof RuleError)) throw error;
    return error.field ? `${error.field}: ${error.reason}` : error.reason;
  }
  return undefined;
}
