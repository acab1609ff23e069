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
 * - anything else is a script: its three-valued result counts only when it is `true`.
 */

import type {
  ComparisonOperator,
  Expression,
  FieldNode,
  FunctionCallNode,
  InNode,
  StringMatchNode,
} from '../ast.js';
import type { EventSource } from '../execute/types.js';
import { getFunctionImpl } from '../functions/impl.js';
import { type FieldType, fieldConstantPredicate, flipOperator, type ValuePredicate } from './compare.js';
import { type CompiledValue, compileValue, numericKindOf } from './compile-value.js';
import { type CompileContext, located } from './context.js';
import { compileFieldAccessor, type FieldScalar, type RawFieldValue } from './fields.js';
import { compileConstantPatterns, constantPatterns } from './patterns.js';
import { type EqlValue, type NumericKind, parseNumericString, valueToString } from './values.js';

export type Predicate = (source: EventSource) => boolean;

const always: Predicate = () => true;
const never: Predicate = () => false;

function fieldType(node: FieldNode, ctx: CompileContext): FieldType | undefined {
  return ctx.fieldTypes.get(node.path.join('.'));
}

/** True when some value of the field passes `test` (false when the field has no value). */
export function anyValue(access: (source: EventSource) => RawFieldValue, test: ValuePredicate): Predicate {
  return (source) => {
    const raw = access(source);
    if (raw === undefined) return false;
    if (typeof raw !== 'object') return test(raw);
    for (let i = 0; i < raw.length; i++) if (test(raw[i] as FieldScalar)) return true;
    return false;
  };
}

function fromScript(compiled: CompiledValue): Predicate {
  const { evaluate } = compiled;
  if (compiled.constant) return evaluate({}) === true ? always : never;
  return (source) => evaluate(source) === true;
}

function constantOf(compiled: CompiledValue): { value: EqlValue; kind: NumericKind } | undefined {
  return compiled.constant ? { value: compiled.evaluate({}), kind: numericKindOf(compiled.type) } : undefined;
}

function compileFieldComparison(
  field: FieldNode,
  op: ComparisonOperator,
  constant: { value: EqlValue; kind: NumericKind },
  ctx: CompileContext,
): Predicate {
  const access = compileFieldAccessor(field.path);
  const { value } = constant;
  if (value === null) {
    if (op === '==') return (source) => access(source) === undefined;
    if (op === '!=') return (source) => access(source) !== undefined;
    return never;
  }
  const type = fieldType(field, ctx);
  if (op === '!=') {
    const equal = anyValue(access, fieldConstantPredicate('==', value, constant.kind, type));
    return (source) => !equal(source);
  }
  if (op === '==' && typeof value === 'string' && type === undefined) {
    // The hot path of most rules: a keyword equality without per-value coercion closures.
    const numeric = parseNumericString(value);
    return anyValue(
      access,
      (v) =>
        v === value ||
        (numeric !== undefined && v === numeric) ||
        (typeof v === 'boolean' && String(v) === value),
    );
  }
  return anyValue(access, fieldConstantPredicate(op, value, constant.kind, type));
}

function compileComparison(node: Expression & { kind: 'Comparison' }, ctx: CompileContext): Predicate {
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
  return fromScript(compileValue(node, ctx));
}

/** Per-value membership test for `field in (constants)`, with the same coercions as `==`. */
function membership(
  values: readonly EqlValue[],
  kinds: readonly NumericKind[],
  caseInsensitive: boolean,
): ValuePredicate {
  const strings = new Set<string>();
  const numbers = new Set<number>();
  const booleans = new Set<boolean>();
  values.forEach((value, index) => {
    if (value === null) return;
    if (typeof value === 'string') {
      strings.add(caseInsensitive ? value.toLowerCase() : value);
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
    return (v) =>
      typeof v === 'string'
        ? strings.has(v.toLowerCase())
        : typeof v === 'number'
          ? numbers.has(v)
          : booleans.has(v);
  }
  return (v) =>
    typeof v === 'string' ? strings.has(v) : typeof v === 'number' ? numbers.has(v) : booleans.has(v);
}

function compileIn(node: InNode, ctx: CompileContext): Predicate {
  const list = node.list.map((item) => compileValue(item, ctx));
  if (node.value.kind === 'Field' && list.every((item) => item.constant)) {
    const access = compileFieldAccessor(node.value.path);
    const type = fieldType(node.value, ctx);
    const values = list.map((item) => item.evaluate({}));
    const kinds = list.map((item) => numericKindOf(item.type));
    let test: ValuePredicate;
    if (type === undefined || type === 'keyword') {
      test = membership(values, kinds, node.caseInsensitive);
    } else {
      const tests = values.flatMap((value, i) =>
        value === null ? [] : [fieldConstantPredicate('==', value, kinds[i] ?? 'dynamic', type)],
      );
      test = (v) => tests.some((t) => t(v));
    }
    const any = anyValue(access, test);
    return node.negated ? (source) => !any(source) : any;
  }
  return fromScript(compileValue(node, ctx));
}

function compileStringMatch(node: StringMatchNode, ctx: CompileContext): Predicate {
  const constants = node.value.kind === 'Field' ? constantPatterns(node, ctx) : undefined;
  if (node.value.kind === 'Field' && constants !== undefined) {
    const matcher = compileConstantPatterns(node.op, node.op === ':' || node.caseInsensitive, constants, ctx);
    const access = compileFieldAccessor(node.value.path);
    return anyValue(access, (v) => (typeof v === 'string' ? matcher(v) : matcher(valueToString(v))));
  }
  return fromScript(compileValue(node, ctx));
}

function compileFunctionFilter(node: FunctionCallNode, ctx: CompileContext): Predicate {
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
      if (test !== undefined) return anyValue(compileFieldAccessor(first.path), test);
    }
  }
  return fromScript(compileValue(node, ctx));
}

function compileLogical(operands: readonly Predicate[], isAnd: boolean): Predicate {
  if (operands.length === 2) {
    const [a, b] = operands as [Predicate, Predicate];
    return isAnd ? (s) => a(s) && b(s) : (s) => a(s) || b(s);
  }
  if (operands.length === 3) {
    const [a, b, c] = operands as [Predicate, Predicate, Predicate];
    return isAnd ? (s) => a(s) && b(s) && c(s) : (s) => a(s) || b(s) || c(s);
  }
  if (isAnd) {
    return (s) => {
      for (let i = 0; i < operands.length; i++) if (!(operands[i] as Predicate)(s)) return false;
      return true;
    };
  }
  return (s) => {
    for (let i = 0; i < operands.length; i++) if ((operands[i] as Predicate)(s)) return true;
    return false;
  };
}

/** Compiles a condition into a predicate with filter (must / must_not) semantics. */
export function compileCondition(node: Expression, ctx: CompileContext): Predicate {
  switch (node.kind) {
    case 'Literal':
      return node.value === true ? always : never;
    case 'Field': {
      const access = compileFieldAccessor(node.path);
      return anyValue(access, (v) => v === true);
    }
    case 'Not': {
      const operand = compileCondition(node.operand, ctx);
      if (operand === always) return never;
      if (operand === never) return always;
      return (source) => !operand(source);
    }
    case 'Logical': {
      const isAnd = node.op === 'and';
      const operands = node.operands.map((operand) => compileCondition(operand, ctx));
      const live = operands.filter((p) => p !== (isAnd ? always : never));
      if (live.some((p) => p === (isAnd ? never : always))) return isAnd ? never : always;
      if (live.length === 0) return isAnd ? always : never;
      if (live.length === 1) return live[0] as Predicate;
      return compileLogical(live, isAnd);
    }
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
      return fromScript(compileValue(node, ctx));
  }
}
