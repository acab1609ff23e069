/**
 * The count a `| head N` / `| tail N` pipe takes. Elasticsearch accepts any argument that folds
 * to a non-negative integer at planning time (`head 5`, `head 2 * 5`, `head length("abc")`),
 * and rejects the rest (`head -1`, `head 1.5`, `head pid`).
 */

import type { Expression } from '../ast.js';
import { compileValue } from './compile-value.js';
import { createCompileContext } from './context.js';

const MAX_INT = 2 ** 31 - 1;

/** The folded count, or undefined when the argument is not a constant non-negative integer. */
export function pipeLimit(argument: Expression | undefined): number | undefined {
  if (argument === undefined) return undefined;
  if (argument.kind === 'Literal')
    return argument.numberType === 'integer' && isCount(argument.value) ? argument.value : undefined;
  try {
    const compiled = compileValue(argument, createCompileContext());
    if (!compiled.constant || (compiled.type !== 'int' && compiled.type !== 'long')) return undefined;
    const value = compiled.evaluate({});
    return isCount(value) ? value : undefined;
  } catch {
    // An unknown function, a type error or an overflow while folding: not a count.
    return undefined;
  }
}

function isCount(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= MAX_INT;
}
