/**
 * The ways the engine decides whether an event matches a condition, side by side, so that a
 * differential test can assert they agree: the generated filter (`generateFilter`), the
 * closures (`planToClosure`, what `compileCondition` and `generateCode: false` run), the
 * executor (`search` over the one event), and the root of the `explainExpression` tree.
 */

import type { Expression, QueryNode } from '../../src/ast.js';
import { compileCondition, planCondition } from '../../src/evaluate/compile-condition.js';
import { type CompileContext, createCompileContext } from '../../src/evaluate/context.js';
import { type ExplainNode, explainExpression } from '../../src/evaluate/explain.js';
import { generateFilter } from '../../src/evaluate/filter-codegen.js';
import { planToClosure } from '../../src/evaluate/filter-plan.js';
import { type CompiledQuery, compile, isEqlError, search } from '../../src/index.js';
import { childExpressions } from '../../src/walk.js';

/** One path's verdict: matched or not, or the message of the evaluation error it raised. */
export type Verdict = boolean | `error: ${string}`;

function verdictOf(run: () => boolean): Verdict {
  try {
    return run();
  } catch (error) {
    if (isEqlError(error)) return `error: ${error.message}`;
    throw error;
  }
}

export interface CompiledCondition {
  readonly query: string;
  readonly ast: QueryNode;
  readonly condition: Expression;
  readonly ctx: CompileContext;
  readonly generated: ((source: Record<string, unknown>) => boolean) | undefined;
  readonly closure: (source: Record<string, unknown>) => boolean;
  readonly withCode: CompiledQuery;
  readonly withoutCode: CompiledQuery;
}

/**
 * Compiles `any where <condition>` every way, or returns undefined when the query does not
 * verify or fails while compiling (a folded constant overflowing, say): every path then fails
 * alike, at compile time, which `compile` already guarantees.
 */
export function compileEveryWay(conditionText: string): CompiledCondition | undefined {
  const query = `any where ${conditionText}`;
  let withCode: CompiledQuery;
  let withoutCode: CompiledQuery;
  try {
    withCode = compile(query);
    withoutCode = compile(query, { generateCode: false });
  } catch (error) {
    if (isEqlError(error)) return undefined;
    throw error;
  }
  const ast = withCode.ast;
  if (ast.body.kind !== 'EventQuery') throw new Error('not an event query');
  const condition = ast.body.condition;
  const ctx = createCompileContext({ source: query });
  const plan = planCondition(condition, ctx);
  return {
    query,
    ast,
    condition,
    ctx,
    generated: generateFilter(plan),
    closure: planToClosure(plan),
    withCode,
    withoutCode,
  };
}

export interface Verdicts {
  readonly generated: Verdict;
  readonly closure: Verdict;
  readonly compileCondition: Verdict;
  readonly searchWithCode: Verdict;
  readonly searchWithoutCode: Verdict;
  readonly explain: Verdict;
}

function matchedBySearch(compiled: CompiledQuery, source: Record<string, unknown>): boolean {
  const event = { _index: 'i', _id: '1', _source: { ...source, '@timestamp': 1 } };
  return (search(compiled, [event]).hits.events ?? []).length === 1;
}

/** Every path's verdict on one event. */
export function verdicts(compiled: CompiledCondition, source: Record<string, unknown>): Verdicts {
  const closure = compiled.closure;
  const generated = compiled.generated ?? closure;
  const root = explainExpression(compiled.condition, source, compiled.ctx);
  return {
    generated: verdictOf(() => generated(source)),
    closure: verdictOf(() => closure(source)),
    compileCondition: verdictOf(() => compileCondition(compiled.condition, compiled.ctx)(source)),
    // The events get an `@timestamp` of their own: keep the vocabulary off that name.
    searchWithCode: verdictOf(() => matchedBySearch(compiled.withCode, source)),
    searchWithoutCode: verdictOf(() => matchedBySearch(compiled.withoutCode, source)),
    explain: root.error === undefined ? root.value === true : `error: ${root.error}`,
  };
}

/**
 * Inconsistencies inside an explanation tree: a filter-mode `and`/`or`/`not` must be the
 * two-valued combination of its filter-mode children, and a value-mode one the Kleene
 * combination of its value-mode children. Returns a description of each, empty when none.
 */
export function explainInconsistencies(expression: Expression, node: ExplainNode): string[] {
  const found: string[] = [];
  const visit = (e: Expression, n: ExplainNode): void => {
    const operands = childExpressions(e);
    n.children.forEach((child, index) => {
      const operand = operands[index];
      if (operand !== undefined) visit(operand, child);
    });
    if (n.error !== undefined || n.children.some((child) => child.error !== undefined)) return;
    const values = n.children.map((child) => child.value);
    let expected: unknown;
    if (e.kind === 'Not') {
      const [only] = values;
      expected = n.mode === 'filter' ? only !== true : typeof only === 'boolean' ? !only : null;
    } else if (e.kind === 'Logical') {
      const decisive = e.op === 'or';
      if (n.mode === 'filter') expected = values.includes(decisive) ? decisive : !decisive;
      else if (values.includes(decisive)) expected = decisive;
      else expected = values.every((v) => typeof v === 'boolean') ? !decisive : null;
    } else {
      return;
    }
    if (n.value !== expected) {
      found.push(
        `${n.mode} ${n.kind} [${n.label}] is ${String(n.value)}, its children say ${String(expected)}`,
      );
    }
  };
  visit(expression, node);
  return found;
}
