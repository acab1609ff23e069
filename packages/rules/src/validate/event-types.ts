import type { Expression, QueryNode } from '@rulebench/eql';
import { walkNodes } from '@rulebench/eql';
import { ECS_EXPECTED_EVENT_TYPES } from './ecs-event-types.js';
import type { Finding } from './finding.js';
import type { FieldSchema } from './schema.js';

type Located = { readonly text: string; readonly loc: { readonly start: number; readonly end: number } };

/**
 * ECS pairs each `event.category` value with the `event.type` values expected with it (a
 * `process` event starts or ends; it is not `creation`). In `<category> where …`, a top-level
 * `and` condition that requires `event.type` values none of which ECS expects for that category
 * is a type clash: ECS-conformant data never matches it. Values under `or`/`not` are left alone.
 */
export function eventTypeFindings(ast: QueryNode, schema: FieldSchema): Omit<Finding, 'field'>[] {
  // Only against ECS: a schema whose event.category lists no ECS values is something else.
  if (!schema.lookup('event.category')?.allowedValues?.includes('process')) return [];
  const expected = ECS_EXPECTED_EVENT_TYPES;
  const findings: Omit<Finding, 'field'>[] = [];
  walkNodes(ast, (node) => {
    if (node.kind !== 'EventQuery' || node.category.name === null) return;
    const category = node.category.name;
    const types = expected[category];
    if (!types) return;
    const conjuncts =
      node.condition.kind === 'Logical' && node.condition.op === 'and'
        ? node.condition.operands
        : [node.condition];
    for (const conjunct of conjuncts) {
      const values = requiredEventTypes(conjunct);
      if (values.length === 0 || values.some((v) => types.includes(v.text.toLowerCase()))) continue;
      const first = values[0];
      if (!first) continue;
      const last = values.at(-1) ?? first;
      const listed = values.map((v) => `"${v.text}"`).join(', ');
      findings.push({
        severity: 'warning',
        code: 'event-type-category',
        message: `event.type ${listed} ${values.length === 1 ? 'is' : 'are'} not among the types ECS expects with event.category "${category}" (${types.join(', ')}): ECS events of that category never match.`,
        range: { start: first.loc.start, end: last.loc.end },
      });
    }
  });
  return findings;
}

/** The literal `event.type` values one condition requires (any of them), or [] when it is not such a test. */
function requiredEventTypes(condition: Expression): Located[] {
  const isEventType = (e: Expression) =>
    e.kind === 'Field' && !e.optional && e.path.join('.') === 'event.type';
  const literals = (list: readonly Expression[]): Located[] | undefined => {
    const out: Located[] = [];
    for (const e of list) {
      if (e.kind !== 'Literal' || typeof e.value !== 'string') return undefined;
      out.push({ text: e.value, loc: e.loc });
    }
    return out;
  };
  switch (condition.kind) {
    case 'Comparison':
      if (condition.op !== '==') return [];
      if (isEventType(condition.left)) return literals([condition.right]) ?? [];
      if (isEventType(condition.right)) return literals([condition.left]) ?? [];
      return [];
    case 'In':
      return !condition.negated && isEventType(condition.value) ? (literals(condition.list) ?? []) : [];
    case 'StringMatch': {
      if (condition.op !== ':' || !isEventType(condition.value)) return [];
      const values = literals(condition.patterns) ?? [];
      // A wildcard pattern may well match an expected type; only plain values are judged.
      return values.some((v) => /[*?]/.test(v.text)) ? [] : values;
    }
    default:
      return [];
  }
}
