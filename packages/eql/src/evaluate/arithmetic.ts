/**
 * Arithmetic with Java's numeric promotion, as Elasticsearch's QL `Arithmetics` does it: double
 * if either side is a double, else long if either is a long, else int. Integer `+ - *` are exact
 * (`Math.addExact` & co.: overflow fails the search), integer `/` truncates, integer `/ 0` and
 * `% 0` fail ("/ by zero"), double division by zero gives Infinity/NaN, `%` takes the sign of
 * the dividend.
 */

import type { ArithmeticOperator } from '../ast.js';
import { EvaluationFailure } from './errors.js';
import type { NumericKind } from './values.js';

export type ConcreteKind = 'int' | 'long' | 'double';

const INT_MIN = -2147483648;
const INT_MAX = 2147483647;
const LONG_MIN = -(2n ** 63n);
const LONG_MAX = 2n ** 63n - 1n;

export function concreteKind(kind: NumericKind, value: number): ConcreteKind {
  if (kind === 'dynamic') return Number.isInteger(value) ? 'long' : 'double';
  return kind;
}

export function promote(left: ConcreteKind, right: ConcreteKind): ConcreteKind {
  if (left === 'double' || right === 'double') return 'double';
  if (left === 'long' || right === 'long') return 'long';
  return 'int';
}

/** Static result kind of `left op right`, as far as it is known before evaluation. */
export function resultKind(left: NumericKind, right: NumericKind): NumericKind {
  if (left === 'double' || right === 'double') return 'double';
  if (left === 'dynamic' || right === 'dynamic') return 'dynamic';
  if (left === 'long' || right === 'long') return 'long';
  return 'int';
}

function noNegativeZero(value: number): number {
  return value === 0 ? 0 : value;
}

function intOp(op: ArithmeticOperator, l: number, r: number): number {
  switch (op) {
    case '+':
    case '-':
    case '*': {
      const result = op === '+' ? l + r : op === '-' ? l - r : l * r;
      if (result < INT_MIN || result > INT_MAX) throw new EvaluationFailure('integer overflow');
      return noNegativeZero(result);
    }
    case '/':
      if (r === 0) throw new EvaluationFailure('/ by zero');
      // Java wraps MIN_VALUE / -1 back to MIN_VALUE.
      return l === INT_MIN && r === -1 ? INT_MIN : noNegativeZero(Math.trunc(l / r));
    case '%':
      if (r === 0) throw new EvaluationFailure('/ by zero');
      return noNegativeZero(l % r);
  }
}

function longOp(op: ArithmeticOperator, l: number, r: number): number {
  if ((op === '/' || op === '%') && r === 0) throw new EvaluationFailure('/ by zero');
  const small = Math.abs(l) <= INT_MAX && Math.abs(r) <= INT_MAX;
  if (small && op !== '*') {
    const result = op === '+' ? l + r : op === '-' ? l - r : op === '/' ? Math.trunc(l / r) : l % r;
    return noNegativeZero(result);
  }
  const quick = op === '*' ? l * r : Number.NaN;
  if (Number.isSafeInteger(quick)) return noNegativeZero(quick);
  const bl = BigInt(l);
  const br = BigInt(r);
  let result: bigint;
  switch (op) {
    case '+':
      result = bl + br;
      break;
    case '-':
      result = bl - br;
      break;
    case '*':
      result = bl * br;
      break;
    case '/':
      result = bl / br;
      break;
    case '%':
      result = bl % br;
      break;
  }
  if (result < LONG_MIN || result > LONG_MAX) {
    if (op === '/') return Number(LONG_MIN); // Long.MIN_VALUE / -1 wraps.
    throw new EvaluationFailure('long overflow');
  }
  return Number(result);
}

/** Applies `op` with Java semantics; both operands are non-null numbers. */
export function applyArithmetic(op: ArithmeticOperator, l: number, r: number, kind: ConcreteKind): number {
  if (kind === 'int') return intOp(op, l, r);
  if (kind === 'long') {
    if (!Number.isInteger(l) || !Number.isInteger(r)) return doubleOp(op, l, r);
    return longOp(op, l, r);
  }
  return doubleOp(op, l, r);
}

function doubleOp(op: ArithmeticOperator, l: number, r: number): number {
  switch (op) {
    case '+':
      return l + r;
    case '-':
      return l - r;
    case '*':
      return l * r;
    case '/':
      return l / r;
    case '%':
      return l % r;
  }
}

/** Unary minus (`Math.negateExact` for integers). */
export function negate(value: number, kind: ConcreteKind): number {
  if (kind === 'int' && value === INT_MIN) throw new EvaluationFailure('integer overflow');
  return value === 0 ? 0 : -value;
}
