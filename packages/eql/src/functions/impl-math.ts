/**
 * Math functions: `add`, `subtract`, `multiply`, `divide`, `modulo` share the operators' Java
 * semantics; `number(string[, base])` parses like Elasticsearch's `ToNumber`.
 */

import type { ArithmeticOperator } from '../ast.js';
import { applyArithmetic, concreteKind, promote, resultKind } from '../evaluate/arithmetic.js';
import { EvaluationFailure } from '../evaluate/errors.js';
import type { NumericKind } from '../evaluate/values.js';
import type { FunctionImpl, ResultType } from './impl-types.js';

function numericKind(kind: ResultType | undefined): NumericKind {
  return kind === 'int' || kind === 'long' || kind === 'double' ? kind : 'dynamic';
}

function arithmetic(name: string, op: ArithmeticOperator): FunctionImpl {
  return {
    name,
    resultType: ([a, b]) => resultKind(numericKind(a), numericKind(b)),
    evaluate([left = null, right = null], _ci, kinds) {
      if (left === null || right === null) return null;
      if (typeof left !== 'number')
        throw new EvaluationFailure(`A number is required; received [${String(left)}]`);
      if (typeof right !== 'number')
        throw new EvaluationFailure(`A number is required; received [${String(right)}]`);
      const kind = promote(
        concreteKind(numericKind(kinds[0]), left),
        concreteKind(numericKind(kinds[1]), right),
      );
      return applyArithmetic(op, left, right, kind);
    },
  };
}

export const add = arithmetic('add', '+');
export const subtract = arithmetic('subtract', '-');
export const multiply = arithmetic('multiply', '*');
export const divide = arithmetic('divide', '/');
export const modulo = arithmetic('modulo', '%');

/**
 * Java `Double.valueOf` syntax (what `number()` falls back to when `Long.valueOf` fails):
 * surrounding control/space characters, a sign, digits with an optional fraction and exponent,
 * an optional `d`/`f` suffix, or NaN / Infinity. (Hexadecimal floating point is not supported.)
 */
const JAVA_DOUBLE = /^[+-]?(?:NaN|Infinity|(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?[fFdD]?)$/;
/** Java `Long.valueOf` syntax: a sign and decimal digits, nothing else. */
const JAVA_LONG = /^[+-]?\d+$/;
const DIGITS = '0123456789abcdefghijklmnopqrstuvwxyz';
const LONG_MIN = -(2n ** 63n);
const LONG_MAX = 2n ** 63n - 1n;

/** Java `Long.parseLong(text, radix)`: optional sign, digits of the radix, 64-bit range. */
function parseLongRadix(text: string, radix: number): number | undefined {
  if (radix < 2 || radix > 36) return undefined;
  let index = 0;
  let negative = false;
  if (text.startsWith('-') || text.startsWith('+')) {
    negative = text.startsWith('-');
    index = 1;
  }
  if (index >= text.length) return undefined;
  let value = 0n;
  const base = BigInt(radix);
  for (; index < text.length; index++) {
    const digit = DIGITS.indexOf((text[index] as string).toLowerCase());
    if (digit < 0 || digit >= radix) return undefined;
    value = value * base + BigInt(digit);
  }
  const result = negative ? -value : value;
  return result < LONG_MIN || result > LONG_MAX ? undefined : Number(result);
}

/** Java `String.trim`: drops every code unit up to U+0020 at both ends. */
function javaTrim(text: string): string {
  let start = 0;
  let end = text.length;
  while (start < end && text.charCodeAt(start) <= 0x20) start++;
  while (end > start && text.charCodeAt(end - 1) <= 0x20) end--;
  return text.slice(start, end);
}

/** Base 10: `Long.valueOf`, else `Double.valueOf` (ToNumberFunctionProcessor.parseDecimal). */
function parseDecimal(text: string): number | undefined {
  if (JAVA_LONG.test(text)) {
    const big = BigInt(text);
    if (big >= LONG_MIN && big <= LONG_MAX) return Number(big);
  }
  const trimmed = javaTrim(text);
  if (!JAVA_DOUBLE.test(trimmed)) return undefined;
  return Number(trimmed.replace(/[fFdD]$/, ''));
}

/**
 * `number(string[, base])` as Elasticsearch's `ToNumberFunctionProcessor`: base 10 parses a long
 * or a double; other bases (2–36) a long; a `0x` prefix selects base 16 and is stripped for it
 * (the error message then quotes the stripped text, as Elasticsearch's does).
 */
export const number: FunctionImpl = {
  name: 'number',
  resultType: () => 'dynamic',
  evaluate([input = null, base = null]) {
    if (input === null) return null;
    if (typeof input !== 'string')
      throw new EvaluationFailure(`A string/char is required; received [${String(input)}]`);
    const hex = input.startsWith('0x');
    let radix = 10;
    if (base !== null) {
      if (typeof base !== 'number' || !Number.isInteger(base)) {
        throw new EvaluationFailure(`An integer base is required; received [${String(base)}]`);
      }
      radix = base;
    } else if (hex) {
      radix = 16;
    }
    const text = hex && radix === 16 ? input.slice(2) : input;
    const result = radix === 10 ? parseDecimal(text) : parseLongRadix(text, radix);
    if (result === undefined)
      throw new EvaluationFailure(`Unable to convert [${text}] to number of base [${radix}]`);
    return result === 0 ? 0 : result;
  },
};
