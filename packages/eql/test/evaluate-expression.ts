/** Test helpers: one expression compiled and evaluated against one event. */

import { compileValue } from '../src/evaluate/compile-value.js';
import { createCompileContext } from '../src/evaluate/context.js';
import { parseExpression } from '../src/parser.js';

/** The value of `expression` for the event `source`. */
export function value(expression: string, source: Record<string, unknown> = {}): unknown {
  return compileValue(parseExpression(expression), createCompileContext({ source: expression })).evaluate(
    source,
  );
}

/** The message `expression` fails with (at compile or evaluation time), or `no error`. */
export function failure(expression: string, source: Record<string, unknown> = {}): string {
  try {
    value(expression, source);
  } catch (error) {
    return (error as Error).message;
  }
  return 'no error';
}
