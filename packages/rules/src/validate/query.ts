import type { Expression, FieldNode, QueryNode } from '@rulebench/eql';
import { parseWithDiagnostics, walkNodes } from '@rulebench/eql';
import { closestNames, didYouMean } from './did-you-mean.js';
import { eventTypeFindings } from './event-types.js';
import type { Finding } from './finding.js';
import type { FieldInfo, FieldSchema } from './schema.js';
import { wildcardArgumentFindings } from './wildcard-arguments.js';

export interface QueryValidationOptions {
  /** Fields known to the rule's indices; without it only syntax is checked. */
  readonly schema?: FieldSchema;
  /** Default `event.category`; category names are checked only against that field. */
  readonly eventCategoryField?: string;
  /** Finding paths are reported under this model field. Default `query`. */
  readonly field?: string;
}

const NUMERIC_TYPES = new Set([
  'long',
  'integer',
  'short',
  'byte',
  'double',
  'float',
  'half_float',
  'scaled_float',
  'unsigned_long',
]);

/** Fields holding text: a number literal never equals their values. */
const STRING_TYPES = new Set(['keyword', 'constant_keyword', 'wildcard', 'text', 'match_only_text']);

/**
 * Parses an EQL query and checks its fields: unknown fields (unless written `?field`), string
 * comparisons or wildcards on numeric fields, and values outside ECS's allowed values for
 * fields such as `event.category` and `event.type`; and, without a schema too, wildcard
 * characters in the text of `endsWith` / `stringContains` over a field.
 */
export function validateEqlQuery(query: string, options: QueryValidationOptions = {}): Finding[] {
  const field = options.field ?? 'query';
  const parsed = parseWithDiagnostics(query);
  if (parsed.errors.length > 0 || parsed.ast === null) {
    return parsed.errors.map((error) => ({
      severity: 'error' as const,
      code: error.code === 'EQL_SYNTAX' ? 'query-syntax' : error.code,
      message: error.message,
      field,
      range: error.range,
    }));
  }
  const ast: QueryNode = parsed.ast;
  const findings: Finding[] = [];
  const add = (f: Omit<Finding, 'field'>) => findings.push({ ...f, field });
  for (const f of wildcardArgumentFindings(ast)) add(f);
  const schema = options.schema;
  if (!schema) return findings;
  const categoryField = options.eventCategoryField ?? 'event.category';
  const categories = schema.lookup(categoryField)?.allowedValues;
  const reportedUnknown = new Set<string>();

  walkNodes(ast, (node) => {
    switch (node.kind) {
      case 'Field': {
        const name = node.path.join('.');
        if (node.optional || schema.lookup(name) || reportedUnknown.has(name)) return;
        reportedUnknown.add(name);
        add({
          severity: 'warning',
          code: 'unknown-field',
          message: `Unknown field "${name}": not in ECS nor in the fields of the rule's index patterns.${didYouMean(closestNames(name, schema.names()))} Write ?${name} if it is expected to be missing.`,
          range: node.loc,
        });
        return;
      }
      case 'EventCategory':
        if (
          node.name !== null &&
          categories &&
          categoryField === 'event.category' &&
          !categories.includes(node.name)
        ) {
          add({
            severity: 'warning',
            code: 'unknown-category',
            message: `"${node.name}" is not an ECS event.category value.${didYouMean(closestNames(node.name, categories))}`,
            range: node.loc,
          });
        }
        return;
      case 'Comparison':
        checkValues(node.left, [node.right], false, add, schema);
        checkValues(node.right, [node.left], false, add, schema);
        return;
      case 'In':
        checkValues(node.value, node.list, node.caseInsensitive, add, schema);
        return;
      case 'StringMatch':
        checkValues(node.value, node.patterns, true, add, schema, node.op);
        return;
      default:
        return;
    }
  });
  if (categoryField === 'event.category') for (const f of eventTypeFindings(ast, schema)) add(f);
  return findings;
}

function checkValues(
  target: Expression,
  values: readonly Expression[],
  caseInsensitive: boolean,
  add: (f: Omit<Finding, 'field'>) => void,
  schema: FieldSchema,
  matchOp?: ':' | 'like' | 'regex',
): void {
  if (target.kind !== 'Field') return;
  const info = schema.lookup(target.path.join('.'));
  if (!info) return;
  const name = target.path.join('.');
  for (const value of values) {
    if (value.kind === 'Literal' && typeof value.value === 'number' && STRING_TYPES.has(info.type)) {
      // Elasticsearch does not turn numbers into text for a comparison: write the value quoted.
      add({
        severity: 'warning',
        code: 'type-mismatch',
        message: `"${name}" is a ${info.type} field, compared with the number ${value.value}; write "${value.value}" to compare text.`,
        range: value.loc,
      });
      continue;
    }
    if (value.kind !== 'Literal' || typeof value.value !== 'string') continue;
    const text = value.value;
    if (NUMERIC_TYPES.has(info.type)) {
      const pattern = matchOp !== undefined && (matchOp !== ':' || /[*?]/.test(text));
      if (pattern || !/^-?\d+(\.\d+)?$/.test(text)) {
        add({
          severity: 'warning',
          code: 'type-mismatch',
          message: pattern
            ? `"${name}" is a ${info.type} field: a ${matchOp === ':' ? 'wildcard' : matchOp} pattern never matches it.`
            : `"${name}" is a ${info.type} field, compared with the string "${text}".`,
          range: value.loc,
        });
      }
      continue;
    }
    if (info.type === 'boolean' && text !== 'true' && text !== 'false') {
      add({
        severity: 'warning',
        code: 'type-mismatch',
        message: `"${name}" is a boolean field, compared with the string "${text}".`,
        range: value.loc,
      });
      continue;
    }
    checkAllowed(name, info, text, caseInsensitive || matchOp === ':', matchOp, value.loc, add);
  }
}

function checkAllowed(
  name: string,
  info: FieldInfo,
  text: string,
  caseInsensitive: boolean,
  matchOp: ':' | 'like' | 'regex' | undefined,
  loc: { readonly start: number; readonly end: number },
  add: (f: Omit<Finding, 'field'>) => void,
): void {
  const allowed = info.allowedValues;
  if (!allowed || matchOp === 'regex') return;
  const isPattern = matchOp !== undefined && /[*?]/.test(text);
  const matches = isPattern
    ? allowed.some((a) => wildcard(text, caseInsensitive).test(a))
    : allowed.some((a) => (caseInsensitive ? a.toLowerCase() === text.toLowerCase() : a === text));
  if (matches) return;
  add({
    severity: 'warning',
    code: 'unknown-value',
    message: `"${text}" is not an allowed value of ${name}.${didYouMean(closestNames(text, allowed))}`,
    range: loc,
  });
}

function wildcard(pattern: string, caseInsensitive: boolean): RegExp {
  const source = [...pattern]
    .map((c) => (c === '*' ? '.*' : c === '?' ? '.' : c.replace(/[.+^${}()|[\]\\]/g, '\\$&')))
    .join('');
  return new RegExp(`^${source}$`, caseInsensitive ? 'i' : '');
}

/** Every field the query reads, deduplicated, in order of appearance. */
export function queryFields(ast: QueryNode): FieldNode[] {
  const out: FieldNode[] = [];
  const seen = new Set<string>();
  walkNodes(ast, (node) => {
    if (node.kind !== 'Field') return;
    const name = node.path.join('.');
    if (!seen.has(name)) {
      seen.add(name);
      out.push(node);
    }
  });
  return out;
}
