import type { EqlError } from '@rulebench/eql';

export interface EqlProblemBody {
  readonly code: string;
  readonly message: string;
  readonly line: number;
  readonly column: number;
  readonly start: number;
  readonly end: number;
}

export interface BadQueryBody {
  readonly statusCode: 400;
  readonly error: 'Bad Request';
  readonly code: string;
  readonly message: string;
  readonly errors: readonly EqlProblemBody[];
}

/** The 400 body for an invalid query: `line:column: message` on top, each problem located. */
export function badQueryBody(error: EqlError): BadQueryBody {
  return {
    statusCode: 400,
    error: 'Bad Request',
    code: error.code,
    message: `${error.line}:${error.column}: ${error.message}`,
    errors: [
      {
        code: error.code,
        message: error.message,
        line: error.line,
        column: error.column,
        start: error.range.start,
        end: error.range.end,
      },
    ],
  };
}

/** The parser recursed past the stack (absurd nesting); reported like a query error. */
export function tooComplexBody(query: string): BadQueryBody {
  const message = 'the query is nested too deeply to evaluate';
  return {
    statusCode: 400,
    error: 'Bad Request',
    code: 'EQL_TOO_COMPLEX',
    message: `1:1: ${message}`,
    errors: [{ code: 'EQL_TOO_COMPLEX', message, line: 1, column: 1, start: 0, end: query.length }],
  };
}

export function isStackOverflow(error: unknown): boolean {
  return error instanceof RangeError && /call stack/i.test(error.message);
}
