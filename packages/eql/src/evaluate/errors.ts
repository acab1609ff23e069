import type { SourceRange } from '../ast.js';
import { EqlError } from '../errors.js';

/**
 * A failure while evaluating a query against an event, where Elasticsearch would fail the
 * whole search: integer overflow, integer division by zero, a function given a value of the
 * wrong type, a string `number()` cannot parse. Points at the failing expression.
 */
export class EqlEvaluationError extends EqlError {
  override readonly name: string = 'EqlEvaluationError';

  constructor(message: string, source: string, range: SourceRange) {
    super('EQL_EVALUATION', message, source, range);
  }
}

/**
 * Thrown by the pure value helpers (arithmetic, functions), which know no source text; the
 * compiler catches it at the expression that failed and rethrows an `EqlEvaluationError`.
 */
export class EvaluationFailure extends Error {
  override readonly name: string = 'EvaluationFailure';
}
