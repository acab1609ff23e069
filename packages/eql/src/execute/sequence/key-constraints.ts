/**
 * Conditions on join keys hold for every term. Elasticsearch's optimizer copies a condition that
 * one term puts on its join keys into every other term, with the keys renamed to that term's
 * keys at the same position (`PropagateJoinKeyConstraints`, elastic/elasticsearch#62073):
 *
 *   sequence by k [process where k == "x"] [file where true]
 *   runs as   by k [process where k == "x"] [file where true and k == "x"]
 *
 * With single-valued keys that changes nothing (a sequence's events share the key value), but a
 * multi-valued key field lets an event join under a value the condition did not test: above, a
 * process event with `k: ["a", "x"]` passes `k == "x"` and opens sequences under "a" and "x";
 * Elasticsearch's file term then requires `k == "x"` too, so a file event with `k: "a"` cannot
 * complete the sequence under "a". This module makes the same copies, as AST:
 * - a condition is a top-level conjunct with no `or` in it (a disjunction of `==`/`in` over one
 *   field counts as an `in`, which the optimizer's CombineDisjunctionsToIn makes of it first);
 * - it refers to at least one join key and to no other field (elastic/elasticsearch#133134);
 * - missing-event terms `![…]` give none (elastic/elasticsearch#145813) but receive them, and
 *   `until` neither gives nor receives (it is not one of the join's queries).
 * A copied condition keeps the source range of the text it came from, so explanations point at
 * the term that imposed it.
 */

import type {
  EventQueryNode,
  Expression,
  FieldNode,
  LogicalNode,
  SampleNode,
  SequenceNode,
} from '../../ast.js';
import { childExpressions } from '../../walk.js';

type Joined = SequenceNode | SampleNode;

interface KeyConstraint {
  readonly term: number;
  readonly condition: Expression;
}

const cache = new WeakMap<Joined, readonly EventQueryNode[]>();

/** Each term's query with the key conditions of the other terms added (the same node when none). */
export function constrainedTermQueries(node: Joined): readonly EventQueryNode[] {
  let queries = cache.get(node);
  if (queries === undefined) {
    queries = propagate(node);
    cache.set(node, queries);
  }
  return queries;
}

function termKeys(node: Joined, term: Joined['terms'][number]): readonly Expression[] {
  return [...node.by, ...term.by];
}

function isMissing(term: Joined['terms'][number]): boolean {
  return term.kind === 'SequenceTerm' && term.missing;
}

function propagate(node: Joined): readonly EventQueryNode[] {
  const constraints: KeyConstraint[] = [];
  node.terms.forEach((term, index) => {
    if (isMissing(term)) return;
    const keyPaths = termKeys(node, term).flatMap((key) => (key.kind === 'Field' ? [pathKey(key)] : []));
    for (const conjunct of conjuncts(term.query.condition)) {
      if (onKeysOnly(conjunct, keyPaths)) constraints.push({ term: index, condition: conjunct });
    }
  });
  return node.terms.map((term, index) => {
    const added: Expression[] = [];
    const existing = conjuncts(term.query.condition);
    for (const constraint of constraints) {
      if (constraint.term === index) continue;
      const source = node.terms[constraint.term];
      if (source === undefined) continue;
      const renamed = renameKeys(constraint.condition, termKeys(node, source), termKeys(node, term));
      if (renamed === undefined) continue;
      if ([...existing, ...added].some((known) => sameExpression(known, renamed))) continue;
      added.push(renamed);
    }
    if (added.length === 0) return term.query;
    const condition: LogicalNode = {
      kind: 'Logical',
      op: 'and',
      operands: [...existing, ...added],
      loc: term.query.condition.loc,
    };
    return { ...term.query, condition };
  });
}

function conjuncts(condition: Expression): readonly Expression[] {
  return condition.kind === 'Logical' && condition.op === 'and' ? condition.operands : [condition];
}

function pathKey(field: FieldNode): string {
  return field.path.join('\u0000');
}

function fieldsOf(node: Expression, out: FieldNode[] = []): FieldNode[] {
  if (node.kind === 'Field') out.push(node);
  for (const child of childExpressions(node)) fieldsOf(child, out);
  return out;
}

function onKeysOnly(conjunct: Expression, keyPaths: readonly string[]): boolean {
  if (hasOr(conjunct)) return false;
  const fields = fieldsOf(conjunct);
  return fields.length > 0 && fields.every((field) => keyPaths.includes(pathKey(field)));
}

function hasOr(node: Expression): boolean {
  if (node.kind === 'Logical' && node.op === 'or' && inListField(node) === undefined) return true;
  return childExpressions(node).some(hasOr);
}

/** The field of `f == a or f == b or f in (c)` (literals only), which the optimizer makes one `in`. */
function inListField(node: LogicalNode): string | undefined {
  const fields = new Set<string>();
  for (const operand of node.operands) {
    const field = equalityField(operand);
    if (field === undefined) return undefined;
    fields.add(field);
  }
  return fields.size === 1 ? [...fields][0] : undefined;
}

function equalityField(node: Expression): string | undefined {
  if (node.kind === 'Logical' && node.op === 'or') return inListField(node);
  if (node.kind === 'Comparison' && node.op === '==') {
    if (node.left.kind === 'Field' && node.right.kind === 'Literal') return pathKey(node.left);
    if (node.right.kind === 'Field' && node.left.kind === 'Literal') return pathKey(node.right);
    return undefined;
  }
  if (node.kind === 'In' && !node.negated && !node.caseInsensitive && node.value.kind === 'Field')
    return node.list.every((item) => item.kind === 'Literal') ? pathKey(node.value) : undefined;
  return undefined;
}

/** The condition with each key field of the source term renamed to the target's key at its position. */
function renameKeys(
  condition: Expression,
  from: readonly Expression[],
  to: readonly Expression[],
): Expression | undefined {
  const renames = new Map<string, FieldNode>();
  from.forEach((key, position) => {
    const target = to[position];
    if (key.kind === 'Field' && target?.kind === 'Field' && !renames.has(pathKey(key)))
      renames.set(pathKey(key), target);
  });
  let complete = true;
  const renamed = mapFields(condition, (field) => {
    const target = renames.get(pathKey(field));
    if (target === undefined) complete = false;
    return { ...field, path: target?.path ?? field.path, optional: target?.optional ?? field.optional };
  });
  return complete ? renamed : undefined;
}

function mapFields(node: Expression, rename: (field: FieldNode) => FieldNode): Expression {
  const map = (child: Expression): Expression => mapFields(child, rename);
  switch (node.kind) {
    case 'Literal':
      return node;
    case 'Field':
      return rename(node);
    case 'Not':
    case 'Negate':
      return { ...node, operand: map(node.operand) };
    case 'Logical':
      return { ...node, operands: node.operands.map(map) };
    case 'Comparison':
    case 'Arithmetic':
      return { ...node, left: map(node.left), right: map(node.right) };
    case 'In':
      return { ...node, value: map(node.value), list: node.list.map(map) };
    case 'StringMatch':
      return { ...node, value: map(node.value), patterns: node.patterns.map(map) };
    case 'FunctionCall':
      return { ...node, args: node.args.map(map) };
  }
}

/** Structural equality, source ranges aside. */
function sameExpression(a: Expression, b: Expression): boolean {
  return JSON.stringify(a, withoutLoc) === JSON.stringify(b, withoutLoc);
}

function withoutLoc(key: string, value: unknown): unknown {
  return key === 'loc' ? undefined : value;
}
