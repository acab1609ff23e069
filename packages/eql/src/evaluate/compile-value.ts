/**
 * Compiles expressions evaluated as *values* — function arguments, arithmetic, comparisons of
 * computed values — with SQL-style three-valued logic: null propagates, `and`/`or` follow
 * Kleene logic, `x == null` is an is-null test. (Filters with must/must_not semantics are in
 * `compile-condition.ts`.) Sub-trees that do not depend on the event are folded once here, as
 * Elasticsearch folds them when planning; a folding error is reported at compile time.
 */

import type {
  ArithmeticNode,
  Expression,
  FieldNode,
  FunctionCallNode,
  InNode,
  LiteralNode,
  LogicalNode,
  StringMatchNode,
} from '../ast.js';
import { EqlVerificationError } from '../errors.js';
import type { EventSource } from '../execute/types.js';
import { getFunctionImpl } from '../functions/impl.js';
import type { ResultType } from '../functions/impl-types.js';
import { applyArithmetic, concreteKind, negate, promote, resultKind } from './arithmetic.js';
import { javaEqualsIgnoreCase } from './case-fold.js';
import { compareInScript, compareValues } from './compare.js';
import { type CompileContext, located } from './context.js';
import { EvaluationFailure } from './errors.js';
import { compileFieldAccessor, type FieldScalar, type RawFieldValue } from './fields.js';
import { compilePatternMatcher } from './patterns.js';
import { type EqlValue, type NumericKind, valueToString } from './values.js';

export type ValueType = ResultType | 'null';

export interface CompiledValue {
  readonly evaluate: (source: EventSource) => EqlValue;
  readonly type: ValueType;
  /** True when the value does not depend on the event (then `evaluate` ignores its argument). */
  readonly constant: boolean;
  /**
   * Set when the value depends on `?optional` fields only: whether, for this event, it is what
   * Elasticsearch folds to a literal at planning time — an optional field missing from the
   * mapping is the literal `null` there, and so is an expression over such fields and constants.
   * Without a mapping, an optional field without a value in the event stands for an unmapped one.
   */
  readonly foldable?: (source: EventSource) => boolean;
}

const EMPTY: EventSource = {};

function literalType(node: LiteralNode): ValueType {
  const { value } = node;
  if (value === null) return 'null';
  if (typeof value === 'string') return 'string';
  if (typeof value === 'boolean') return 'boolean';
  if (node.numberType === 'float' || !Number.isInteger(value)) return 'double';
  // ES types the literal by its digits before applying a minus: -2147483648 is a long.
  return Math.abs(value) <= 2147483647 ? 'int' : 'long';
}

export function numericKindOf(type: ValueType): NumericKind {
  return type === 'int' || type === 'long' || type === 'double' ? type : 'dynamic';
}

/**
 * One value for a multi-valued field where a single value is needed (explanations, values
 * outside filters): the first doc value, and doc values are sorted (numbers ascending, strings
 * by code point), so the smallest. Filters instead try every value (`any-value-script.ts`), as
 * Elasticsearch's multi-value aware scripts do.
 */
export function firstDocValue(raw: RawFieldValue): EqlValue {
  if (raw === undefined) return null;
  if (typeof raw !== 'object') return raw;
  let best: FieldScalar | undefined;
  for (const value of raw) {
    if (best === undefined) best = value;
    else if (typeof value === typeof best && value < best) best = value;
  }
  return best ?? null;
}

function constantValue(value: EqlValue, type: ValueType): CompiledValue {
  return { evaluate: () => value, type, constant: true };
}

/** Folds `compiled` when all of its inputs are constant; else says when it would fold. */
function maybeFold(
  compiled: CompiledValue,
  inputs: readonly CompiledValue[],
  ctx: CompileContext,
  node: Expression,
): CompiledValue {
  if (!inputs.every((input) => input.constant)) {
    const tests = inputs.filter((input) => !input.constant).map((input) => input.foldable);
    if (!tests.every((test) => test !== undefined)) return compiled;
    const all = tests as ((source: EventSource) => boolean)[];
    return { ...compiled, foldable: (source) => all.every((test) => test(source)) };
  }
  let value: EqlValue;
  try {
    value = compiled.evaluate(EMPTY);
  } catch (error) {
    throw located(error, ctx, node.loc);
  }
  return constantValue(value, compiled.type);
}

/**
 * While `compileValueBinding` runs: how field occurrences compile instead of reading their first
 * doc value. Compilation is synchronous, so a module-level slot scopes it exactly.
 */
let bindField: ((node: FieldNode) => CompiledValue) | undefined;

/**
 * Compiles `node` with each field occurrence compiled by `bind` (for scripts that run once per
 * combination of field values, as Elasticsearch's multi-value-aware filter scripts do).
 */
export function compileValueBinding(
  node: Expression,
  ctx: CompileContext,
  bind: (node: FieldNode) => CompiledValue,
): CompiledValue {
  const outer = bindField;
  bindField = bind;
  try {
    return compileValue(node, ctx);
  } finally {
    bindField = outer;
  }
}

export function compileValue(node: Expression, ctx: CompileContext): CompiledValue {
  switch (node.kind) {
    case 'Literal':
      return constantValue(node.value, literalType(node));
    case 'Field': {
      if (bindField !== undefined) return bindField(node);
      const access = compileFieldAccessor(node.path);
      const evaluate = (source: EventSource): EqlValue => firstDocValue(access(source));
      if (!node.optional) return { evaluate, type: 'dynamic', constant: false };
      return {
        evaluate,
        type: 'dynamic',
        constant: false,
        foldable: (source) => access(source) === undefined,
      };
    }
    case 'Not': {
      const operand = compileValue(node.operand, ctx);
      const evaluate = (source: EventSource): EqlValue => {
        const value = operand.evaluate(source);
        return typeof value === 'boolean' ? !value : null;
      };
      return maybeFold({ evaluate, type: 'boolean', constant: false }, [operand], ctx, node);
    }
    case 'Logical':
      return compileLogicalValue(node, ctx);
    case 'Comparison':
      return compileComparisonValue(node, ctx);
    case 'In':
      return compileInValue(node, ctx);
    case 'StringMatch':
      return compileStringMatchValue(node, ctx);
    case 'Arithmetic':
      return compileArithmetic(node, ctx);
    case 'Negate': {
      const operand = compileValue(node.operand, ctx);
      const kind = numericKindOf(operand.type);
      const evaluate = (source: EventSource): EqlValue => {
        const value = operand.evaluate(source);
        if (value === null) return null;
        try {
          if (typeof value !== 'number')
            throw new EvaluationFailure(`A number is required; received [${String(value)}]`);
          return negate(value, concreteKind(kind, value));
        } catch (error) {
          throw located(error, ctx, node.loc);
        }
      };
      return maybeFold(
        { evaluate, type: operand.type === 'int' ? 'int' : kind, constant: false },
        [operand],
        ctx,
        node,
      );
    }
    case 'FunctionCall':
      return compileFunctionValue(node, ctx);
  }
}

/**
 * When `compiled` is the literal `null` for an event — the constant `null`, or an expression
 * over missing `?optional` fields that Elasticsearch would have folded to `null` — else undefined.
 */
function nullLiteralTest(compiled: CompiledValue): ((source: EventSource) => boolean) | undefined {
  if (compiled.constant) return compiled.evaluate(EMPTY) === null ? () => true : undefined;
  const { foldable, evaluate } = compiled;
  return foldable === undefined ? undefined : (source) => foldable(source) && evaluate(source) === null;
}

/**
 * `==`/`!=` against the literal `null` is an is-null / is-not-null test of the other side (the
 * rewrite Elasticsearch's optimizer makes), so `null == null` is true; otherwise Java semantics,
 * where a null operand makes the comparison null.
 */
function compileComparisonValue(
  node: Expression & { kind: 'Comparison' },
  ctx: CompileContext,
): CompiledValue {
  const left = compileValue(node.left, ctx);
  const right = compileValue(node.right, ctx);
  const { op } = node;
  const leftNull = op === '==' || op === '!=' ? nullLiteralTest(left) : undefined;
  const rightNull = op === '==' || op === '!=' ? nullLiteralTest(right) : undefined;
  let evaluate: (source: EventSource) => EqlValue;
  if (leftNull === undefined && rightNull === undefined) {
    evaluate = (source) => compareInScript(op, left.evaluate(source), right.evaluate(source));
  } else {
    const wantNull = op === '==';
    evaluate = (source) => {
      if (leftNull?.(source) === true) return (right.evaluate(source) === null) === wantNull;
      if (rightNull?.(source) === true) return (left.evaluate(source) === null) === wantNull;
      return compareInScript(op, left.evaluate(source), right.evaluate(source));
    };
  }
  return maybeFold({ evaluate, type: 'boolean', constant: false }, [left, right], ctx, node);
}

function compileLogicalValue(node: LogicalNode, ctx: CompileContext): CompiledValue {
  const operands = node.operands.map((operand) => compileValue(operand, ctx));
  const isAnd = node.op === 'and';
  // Kleene logic: the deciding value (false for and, true for or) wins over null.
  const decisive = !isAnd;
  const evaluate = (source: EventSource): EqlValue => {
    let sawNull = false;
    for (const operand of operands) {
      const value = operand.evaluate(source);
      if (value === decisive) return decisive;
      if (typeof value !== 'boolean') sawNull = true;
    }
    return sawNull ? null : !decisive;
  };
  return maybeFold({ evaluate, type: 'boolean', constant: false }, operands, ctx, node);
}

/**
 * `Comparisons.eq` as ES's InProcessor uses it: null for values of different types. `in~` in a
 * script is `InternalEqlScriptUtils.seq`, Java's `compareToIgnoreCase` (case-fold.ts).
 */
function scriptEquals(a: EqlValue, b: EqlValue, caseInsensitive: boolean): boolean | null {
  if (caseInsensitive && typeof a === 'string' && typeof b === 'string') return javaEqualsIgnoreCase(a, b);
  const order = compareValues(a, b);
  return order === null ? null : order === 0;
}

function compileInValue(node: InNode, ctx: CompileContext): CompiledValue {
  const value = compileValue(node.value, ctx);
  const list = node.list.map((item) => compileValue(item, ctx));
  const { negated, caseInsensitive } = node;
  const evaluate = (source: EventSource): EqlValue => {
    const v = value.evaluate(source);
    if (v === null) return null;
    let sawNull = false;
    for (const item of list) {
      const candidate = item.evaluate(source);
      const equal = candidate === null ? null : scriptEquals(v, candidate, caseInsensitive);
      if (equal === null) sawNull = true;
      else if (equal) return !negated;
    }
    return sawNull ? null : negated;
  };
  return maybeFold({ evaluate, type: 'boolean', constant: false }, [value, ...list], ctx, node);
}

function compileStringMatchValue(node: StringMatchNode, ctx: CompileContext): CompiledValue {
  const value = compileValue(node.value, ctx);
  const matcher = compilePatternMatcher(node, ctx);
  const valueKind = numericKindOf(value.type);
  const evaluate = (source: EventSource): EqlValue => {
    const v = value.evaluate(source);
    if (v === null) return null;
    const text = typeof v === 'string' ? v : valueToString(v, valueKind);
    return matcher(text, source);
  };
  return maybeFold({ evaluate, type: 'boolean', constant: false }, [value], ctx, node);
}

function compileArithmetic(node: ArithmeticNode, ctx: CompileContext): CompiledValue {
  const left = compileValue(node.left, ctx);
  const right = compileValue(node.right, ctx);
  const lk = numericKindOf(left.type);
  const rk = numericKindOf(right.type);
  const { op } = node;
  const evaluate = (source: EventSource): EqlValue => {
    const l = left.evaluate(source);
    const r = right.evaluate(source);
    if (l === null || r === null) return null;
    try {
      if (typeof l !== 'number') throw new EvaluationFailure(`A number is required; received [${String(l)}]`);
      if (typeof r !== 'number') throw new EvaluationFailure(`A number is required; received [${String(r)}]`);
      return applyArithmetic(op, l, r, promote(concreteKind(lk, l), concreteKind(rk, r)));
    } catch (error) {
      throw located(error, ctx, node.loc);
    }
  };
  return maybeFold({ evaluate, type: resultKind(lk, rk), constant: false }, [left, right], ctx, node);
}

function compileFunctionValue(node: FunctionCallNode, ctx: CompileContext): CompiledValue {
  const impl = getFunctionImpl(node.name);
  if (impl === undefined) {
    throw new EqlVerificationError(
      'EQL_UNKNOWN_FUNCTION',
      `Unknown function [${node.name}]`,
      ctx.source,
      node.loc,
    );
  }
  const args = node.args.map((arg) => compileValue(arg, ctx));
  const kinds: ResultType[] = args.map((arg) => (arg.type === 'null' ? 'unknown' : arg.type));
  const { caseInsensitive } = node;
  const evaluate = (source: EventSource): EqlValue => {
    const values = args.map((arg) => arg.evaluate(source));
    try {
      return impl.evaluate(values, caseInsensitive, kinds);
    } catch (error) {
      throw located(error, ctx, node.loc);
    }
  };
  return maybeFold({ evaluate, type: impl.resultType(kinds), constant: false }, args, ctx, node);
}
