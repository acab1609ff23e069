/**
 * A compiled condition before it becomes a function: the `and`/`or`/`not` structure over field
 * tests, so that one plan can be run as nested closures (always available) or turned into one
 * generated function (faster, where the runtime allows it). Both runners must give the same
 * answer for every plan; the closure runner is the reference.
 */

import type { EventSource } from '../execute/types.js';
import type { OrderOperator, ValuePredicate } from './compare.js';
import { compileFieldAccessor, type FieldScalar, type RawFieldValue } from './fields.js';

export type Predicate = (source: EventSource) => boolean;

/**
 * The per-value test of a field test. `test` is the reference; the optional forms say the same
 * thing in a way generated code can inline: `equals` lists the only values that pass (compared
 * with `===`); `strings` is a matcher such that `test(v)` is `strings(v)` for a string and
 * `strings(valueToString(v))` otherwise; `number` is the comparison a number value undergoes;
 * `oneOf` and `string` say what `test` does with a string only (other values go through `test`).
 */
export interface ValueTest {
  readonly test: ValuePredicate;
  readonly equals?: readonly FieldScalar[];
  readonly strings?: (value: string) => boolean;
  /** For a string `v`, `test(v)` is whether `v` is one of these (`in` over constants). */
  readonly oneOf?: readonly string[];
  /** For a string `v`, `test(v)` is `string(v)` (`in~` over constants). */
  readonly string?: (value: string) => boolean;
  /** For a number `v`, `test(v)` is `v op value` (other types still go through `test`). */
  readonly number?: { readonly op: OrderOperator; readonly value: number };
}

export type FilterPlan =
  | { readonly kind: 'constant'; readonly value: boolean }
  | { readonly kind: 'and' | 'or'; readonly operands: readonly FilterPlan[] }
  | { readonly kind: 'not'; readonly operand: FilterPlan }
  /** True when some value of the field passes (false when it has none). */
  | { readonly kind: 'some'; readonly path: readonly string[]; readonly value: ValueTest }
  /** True when the field has no value (absent, null, or only nulls). */
  | { readonly kind: 'absent'; readonly path: readonly string[] }
  /** Anything else: a script, evaluated as a whole. */
  | { readonly kind: 'predicate'; readonly predicate: Predicate };

export const TRUE: FilterPlan = { kind: 'constant', value: true };
export const FALSE: FilterPlan = { kind: 'constant', value: false };

export function isConstant(plan: FilterPlan, value: boolean): boolean {
  return plan.kind === 'constant' && plan.value === value;
}

export function notPlan(operand: FilterPlan): FilterPlan {
  if (operand.kind === 'constant') return operand.value ? FALSE : TRUE;
  if (operand.kind === 'not') return operand.operand;
  return { kind: 'not', operand };
}

/** `and`/`or` with constant operands folded away and nested chains of the same kind flattened. */
export function logicalPlan(kind: 'and' | 'or', operands: readonly FilterPlan[]): FilterPlan {
  const isAnd = kind === 'and';
  const live: FilterPlan[] = [];
  for (const operand of operands) {
    if (isConstant(operand, !isAnd)) return isAnd ? FALSE : TRUE;
    if (isConstant(operand, isAnd)) continue;
    if (operand.kind === kind) live.push(...operand.operands);
    else live.push(operand);
  }
  if (live.length === 0) return isAnd ? TRUE : FALSE;
  if (live.length === 1) return live[0] as FilterPlan;
  return { kind, operands: live };
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

const always: Predicate = () => true;
const never: Predicate = () => false;

function logicalClosure(operands: readonly Predicate[], isAnd: boolean): Predicate {
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

/** The reference runner: one closure per plan node. */
export function planToClosure(plan: FilterPlan): Predicate {
  switch (plan.kind) {
    case 'constant':
      return plan.value ? always : never;
    case 'and':
    case 'or':
      return logicalClosure(plan.operands.map(planToClosure), plan.kind === 'and');
    case 'not': {
      const operand = planToClosure(plan.operand);
      return (source) => !operand(source);
    }
    case 'some':
      return anyValue(compileFieldAccessor(plan.path), plan.value.test);
    case 'absent': {
      const access = compileFieldAccessor(plan.path);
      return (source) => access(source) === undefined;
    }
    case 'predicate':
      return plan.predicate;
  }
}
