/**
 * Compiles an expression used as a *filter* — an event query's condition — with the semantics
 * of the Elasticsearch query it becomes:
 *
 * - a comparison, `:`/`like`/`regex`, `in`, or a prefix/wildcard/CIDR function on a field with
 *   constant operands is a query on that field: false when the field is absent or null, true
 *   when any value of a multi-valued field matches;
 * - `not`, `!=` and `not in` are `must_not` of that query: true when the field is absent, and
 *   on a multi-valued field only when no value matches;
 * - `f == null` / `f != null` test absence / presence;
 * - `X == true` / `X == false` (X neither a field nor a literal) are `X` / `not X`;
 * - anything else is a script: its three-valued result counts only when it is `true`, for some
 *   combination of the values of its multi-valued fields (`any-value-script.ts`).
 */

import type {
  ComparisonOperator,
  EventQueryNode,
  Expression,
  FieldNode,
  FunctionCallNode,
  InNode,
  StringMatchNode,
} from '../ast.js';
import { getFunctionImpl } from '../functions/impl.js';
import { compileAnyValueScript } from './any-value-script.js';
import { asciiLower } from './case-fold.js';
import { type FieldType, fieldConstantPredicate, flipOperator, type ValuePredicate } from './compare.js';
import { type CompiledValue, compileValue, numericKindOf } from './compile-value.js';
import { type CompileContext, located } from './context.js';
import { type FieldScalar, splitFieldPath } from './fields.js';
import { generateFilter } from './filter-codegen.js';
import {
  FALSE,
  type FilterPlan,
  logicalPlan,
  notPlan,
  type Predicate,
  planToClosure,
  TRUE,
  type ValueTest,
} from './filter-plan.js';
import { compileConstantPatterns, constantPatterns } from './patterns.js';
import { type EqlValue, type NumericKind, parseNumericString, valueToString } from './values.js';
import { caseFoldedMember } from './wildcard.js';

export type { Predicate } from './filter-plan.js';
export { anyValue } from './filter-plan.js';

function fieldType(node: FieldNode, ctx: CompileContext): FieldType | undefined {
  return ctx.fieldTypes.get(node.path.join('.'));
}

/** A condition Elasticsearch runs as a (multi-value aware) script filter: see `any-value-script`. */
function fromScript(node: Expression, ctx: CompileContext): FilterPlan {
  const { compiled, test } = compileAnyValueScript(node, ctx);
  if (compiled.constant) return compiled.evaluate({}) === true ? TRUE : FALSE;
  return { kind: 'predicate', predicate: test };
}

function some(field: FieldNode, value: ValueTest): FilterPlan {
  return { kind: 'some', path: splitFieldPath(field.path), value };
}

function constantOf(compiled: CompiledValue): { value: EqlValue; kind: NumericKind } | undefined {
  return compiled.constant ? { value: compiled.evaluate({}), kind: numericKindOf(compiled.type) } : undefined;
}

function compileFieldComparison(
  field: FieldNode,
  op: ComparisonOperator,
  constant: { value: EqlValue; kind: NumericKind },
  ctx: CompileContext,
): FilterPlan {
  const { value } = constant;
  if (value === null) {
    const absent: FilterPlan = { kind: 'absent', path: splitFieldPath(field.path) };
    if (op === '==') return absent;
    if (op === '!=') return notPlan(absent);
    return FALSE;
  }
  const type = fieldType(field, ctx);
  // `!=` is must_not of the `==` query: the same per-value test, negated over all values.
  const valueOp = op === '!=' ? '==' : op;
  const test = fieldConstantPredicate(valueOp, value, constant.kind, type);
  let valueTest: ValueTest = { test };
  if (valueOp === '==' && typeof value === 'string' && type === undefined) {
    // The hot path of most rules, a keyword equality: plain `===` against the constant, and
    // against the number or boolean it also equals, if any.
    const equals: FieldScalar[] = [value];
    const numeric = parseNumericString(value);
    if (numeric !== undefined) equals.push(numeric);
    if (value === 'true' || value === 'false') equals.push(value === 'true');
    valueTest = { test: equalsTest(equals), equals };
  } else if (typeof value === 'number' && type === undefined) {
    // A number field against a number (`process.pid > 4`): the comparison itself, inlined.
    valueTest = { test, number: { op: valueOp, value } };
  }
  const plan = some(field, valueTest);
  return op === '!=' ? notPlan(plan) : plan;
}

function equalsTest(values: readonly FieldScalar[]): (v: FieldScalar) => boolean {
  if (values.length === 1) {
    const [a] = values as [FieldScalar];
    return (v) => v === a;
  }
  return (v) => {
    for (const value of values) if (v === value) return true;
    return false;
  };
}

/**
 * `X == true`, `X != false` → `X`; `X == false`, `X != true` → `not X`, for X neither a field nor
 * a literal (either side): Elasticsearch's optimizer rewrites them so (`BooleanFunctionEquals
 * Elimination`, after `ConstantFolding` and `LiteralsOnTheRight`), and `X` then becomes a query — so
 * `cidrMatch(ip, "10.0.0.0/8") == false` is `must_not` and matches events without `ip`
 * (querytranslator_tests.txt `functionEqualsFalse`). As values the two forms are the same.
 */
function booleanEqualsOperand(
  node: Expression & { kind: 'Comparison' },
): { operand: Expression; negated: boolean } | undefined {
  if (node.op !== '==' && node.op !== '!=') return undefined;
  const isBoolean = (e: Expression): e is Expression & { kind: 'Literal'; value: boolean } =>
    e.kind === 'Literal' && typeof e.value === 'boolean';
  const isFunction = (e: Expression): boolean => e.kind !== 'Literal' && e.kind !== 'Field';
  let literal: boolean;
  let operand: Expression;
  if (isBoolean(node.right) && isFunction(node.left)) [literal, operand] = [node.right.value, node.left];
  else if (isBoolean(node.left) && isFunction(node.right)) [literal, operand] = [node.left.value, node.right];
  else return undefined;
  return { operand, negated: (node.op === '==') !== literal };
}

function compileComparison(node: Expression & { kind: 'Comparison' }, ctx: CompileContext): FilterPlan {
  const rewritten = booleanEqualsOperand(node);
  if (rewritten !== undefined) {
    const operand = compileValue(rewritten.operand, ctx);
    // Constant folding runs before the rewrite: a constant number or string compared with a
    // boolean folds to null (Java `Comparisons` cannot order them), so `length("abc") == false`
    // and `length("abc") != false` match nothing. Over `?optional` fields only, the operand may
    // fold to null first (then the whole is null).
    if (operand.constant) {
      const value = operand.evaluate({});
      if (value !== null && typeof value !== 'boolean') return FALSE;
    }
    if (operand.foldable === undefined) {
      const plan = planCondition(rewritten.operand, ctx);
      return rewritten.negated ? notPlan(plan) : plan;
    }
  }
  const left = compileValue(node.left, ctx);
  const right = compileValue(node.right, ctx);
  if (node.left.kind === 'Field') {
    const constant = constantOf(right);
    if (constant !== undefined) return compileFieldComparison(node.left, node.op, constant, ctx);
  }
  if (node.right.kind === 'Field') {
    const constant = constantOf(left);
    if (constant !== undefined)
      return compileFieldComparison(node.right, flipOperator(node.op), constant, ctx);
  }
  return fromScript(node, ctx);
}

/** Per-value membership test for `field in (constants)`, with the same coercions as `==`. */
function membership(
  values: readonly EqlValue[],
  kinds: readonly NumericKind[],
  caseInsensitive: boolean,
): ValueTest {
  const strings = new Set<string>();
  const numbers = new Set<number>();
  const booleans = new Set<boolean>();
  values.forEach((value, index) => {
    if (value === null) return;
    if (typeof value === 'string') {
      // `in~` over a field is case-insensitive term queries: ASCII letters fold (case-fold.ts).
      strings.add(caseInsensitive ? asciiLower(value) : value);
      const numeric = parseNumericString(value);
      if (numeric !== undefined) numbers.add(numeric);
      if (value === 'true' || value === 'false') booleans.add(value === 'true');
    } else if (typeof value === 'number') {
      numbers.add(value);
      strings.add(valueToString(value, kinds[index] ?? 'dynamic'));
    } else {
      booleans.add(value);
      strings.add(String(value));
    }
  });
  if (caseInsensitive) {
    const member = caseFoldedMember(strings);
    return {
      test: (v) =>
        typeof v === 'string' ? member(v) : typeof v === 'number' ? numbers.has(v) : booleans.has(v),
      string: member,
    };
  }
  return {
    test: (v) =>
      typeof v === 'string' ? strings.has(v) : typeof v === 'number' ? numbers.has(v) : booleans.has(v),
    // For generated filters: a string is tested with inline `===` comparisons.
    oneOf: [...strings],
  };
}

function compileIn(node: InNode, ctx: CompileContext): FilterPlan {
  const list = node.list.map((item) => compileValue(item, ctx));
  if (node.value.kind === 'Field' && list.every((item) => item.constant)) {
    const type = fieldType(node.value, ctx);
    const values = list.map((item) => item.evaluate({}));
    const kinds = list.map((item) => numericKindOf(item.type));
    let valueTest: ValueTest;
    if (type === undefined || type === 'keyword') {
      valueTest = membership(values, kinds, node.caseInsensitive);
    } else {
      const tests = values.flatMap((value, i) =>
        value === null ? [] : [fieldConstantPredicate('==', value, kinds[i] ?? 'dynamic', type)],
      );
      valueTest = { test: (v) => tests.some((t) => t(v)) };
    }
    const any = some(node.value, valueTest);
    return node.negated ? notPlan(any) : any;
  }
  // `x not in (…)` is `not (x in (…))`, and a script's `not` applies to its whole multi-value
  // test (querytranslator_tests.txt `negatedInFilterWithScripting`).
  return node.negated ? notPlan(fromScript({ ...node, negated: false }, ctx)) : fromScript(node, ctx);
}

function compileStringMatch(node: StringMatchNode, ctx: CompileContext): FilterPlan {
  const constants = node.value.kind === 'Field' ? constantPatterns(node, ctx) : undefined;
  if (node.value.kind === 'Field' && constants !== undefined) {
    const matcher = compileConstantPatterns(node.op, node.op === ':' || node.caseInsensitive, constants, ctx);
    return some(node.value, {
      test: (v) => (typeof v === 'string' ? matcher(v) : matcher(valueToString(v))),
      strings: matcher,
    });
  }
  return fromScript(node, ctx);
}

function compileFunctionFilter(node: FunctionCallNode, ctx: CompileContext): FilterPlan {
  const impl = getFunctionImpl(node.name);
  const [first, ...rest] = node.args;
  if (impl?.fieldFilter !== undefined && first?.kind === 'Field') {
    const others = rest.map((arg) => compileValue(arg, ctx));
    if (others.every((arg) => arg.constant)) {
      let test: ValuePredicate | undefined;
      try {
        test = impl.fieldFilter(
          others.map((arg) => arg.evaluate({})),
          node.caseInsensitive,
        );
      } catch (error) {
        throw located(error, ctx, node.loc);
      }
      if (test !== undefined) return some(first, { test });
    }
  }
  return fromScript(node, ctx);
}

/** Plans a condition with filter (must / must_not) semantics. */
export function planCondition(node: Expression, ctx: CompileContext): FilterPlan {
  switch (node.kind) {
    case 'Literal':
      return node.value === true ? TRUE : FALSE;
    case 'Field':
      // A bare field is `field == true`, a term query for `true` (querytranslator_tests.txt
      // `fieldNoEquals`): a keyword holding "true" matches it as it matches `field == true`.
      return fieldType(node, ctx) === undefined
        ? some(node, { test: (v) => v === true || v === 'true', equals: [true, 'true'] })
        : compileFieldComparison(node, '==', { value: true, kind: 'dynamic' }, ctx);
    case 'Not':
      return notPlan(planCondition(node.operand, ctx));
    case 'Logical':
      return logicalPlan(
        node.op,
        node.operands.map((operand) => planCondition(operand, ctx)),
      );
    case 'Comparison':
      return compileComparison(node, ctx);
    case 'In':
      return compileIn(node, ctx);
    case 'StringMatch':
      return compileStringMatch(node, ctx);
    case 'FunctionCall':
      return compileFunctionFilter(node, ctx);
    case 'Arithmetic':
    case 'Negate':
      return fromScript(node, ctx);
  }
}

/** Compiles a condition into a predicate with filter (must / must_not) semantics, as closures. */
export function compileCondition(node: Expression, ctx: CompileContext): Predicate {
  return planToClosure(planCondition(node, ctx));
}

/**
 * The same predicate as `compileCondition`, generated as one function where the runtime allows
 * it (much faster over many events; costlier to build): for executors, not for explanations.
 */
export function compileFilter(node: Expression, ctx: CompileContext): Predicate {
  const plan = planCondition(node, ctx);
  return (ctx.generateCode === false ? undefined : generateFilter(plan)) ?? planToClosure(plan);
}

/** The category test of an event query (`process where …`), or TRUE for `any`. */
export function planCategory(name: string | null, eventCategoryField: string): FilterPlan {
  if (name === null) return TRUE;
  return {
    kind: 'some',
    path: eventCategoryField.split('.'),
    value: { test: (v) => v === name, equals: [name] },
  };
}

/** Category test and condition of an event query, as one predicate for executors. */
export function compileEventQueryFilter(
  query: EventQueryNode,
  eventCategoryField: string,
  ctx: CompileContext,
  condition: FilterPlan = planCondition(query.condition, ctx),
): Predicate {
  const plan = logicalPlan('and', [planCategory(query.category.name, eventCategoryField), condition]);
  return (ctx.generateCode === false ? undefined : generateFilter(plan)) ?? planToClosure(plan);
}
