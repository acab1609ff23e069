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

const DECIMAL = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)$/;
const DIGITS = '0123456789abcdefghijklmnopqrstuvwxyz';

/** Java `Integer.parseInt(text, radix)`: optional sign, digits of the radix, 32-bit range. */
function parseIntRadix(text: string, radix: number): number | undefined {
  if (radix < 2 || radix > 36) return undefined;
  let index = 0;
  let sign = 1;
  if (text.startsWith('-') || text.startsWith('+')) {
    sign = text.startsWith('-') ? -1 : 1;
    index = 1;
  }
  if (index >= text.length) return undefined;
  let value = 0;
  for (; index < text.length; index++) {
    const digit = DIGITS.indexOf((text[index] as string).toLowerCase());
    if (digit < 0 || digit >= radix) return undefined;
    value = value * radix + digit;
  }
  const result = sign * value;
  return result < -2147483648 || result > 2147483647 ? undefined : result;
}

/** `number(string[, base])`: base 10 accepts decimals; `0x` selects (and is stripped for) base 16. */
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
    const result =
      radix === 10 ? (DECIMAL.test(text) ? Number(text) : undefined) : parseIntRadix(text, radix);
    if (result === undefined)
      throw new EvaluationFailure(`Unable to convert [${input}] to number of base [${radix}]`);
    return result === 0 ? 0 : result;
  },
};
