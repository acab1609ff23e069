/**
 * The EQL error family. Every error the language package reports is an `EqlError` with a stable
 * `code`, a source range and the 1-based position of its start, so the API, the CLI and the
 * editor can all show the same thing.
 */

import type { SourceRange } from './ast.js';
import { getLocation, printCodeFrame } from './location.js';

/** Stable error codes: safe to match on in callers and tests. */
export type EqlErrorCode =
  | 'EQL_SYNTAX'
  | 'EQL_TOO_MANY_TOKENS'
  | 'EQL_UNSUPPORTED'
  | 'EQL_UNKNOWN_FUNCTION'
  | 'EQL_FUNCTION_ARITY'
  | 'EQL_FUNCTION_CASE_INSENSITIVE'
  | 'EQL_ARGUMENT_TYPE'
  | 'EQL_FIELD_COMPARISON'
  | 'EQL_UNSUPPORTED_PIPE'
  | 'EQL_PIPE_ARGUMENT'
  | 'EQL_MISSING_EVENT'
  | 'EQL_JOIN_KEYS'
  | 'EQL_RUNS'
  | 'EQL_MAXSPAN'
  | 'EQL_QUERY_SHAPE'
  | 'EQL_TYPE_MISMATCH'
  | 'EQL_INVALID_REGEX'
  | 'EQL_EVALUATION'
  | (string & {});

export interface EqlErrorJson {
  readonly name: string;
  readonly code: string;
  readonly message: string;
  readonly range: SourceRange;
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
  readonly endColumn: number;
  /** As `EqlError.codeFrame`: a client given only the JSON can show the caret too. */
  readonly codeFrame: string;
}

export class EqlError extends Error {
  override readonly name: string = 'EqlError';
  readonly code: EqlErrorCode;
  readonly range: SourceRange;
  /** 1-based line of `range.start`. */
  readonly line: number;
  /** 1-based column of `range.start`. */
  readonly column: number;
  /** 1-based line of `range.end` (editors want both ends of a marker). */
  readonly endLine: number;
  /** 1-based column of `range.end` (exclusive, like `range.end`). */
  readonly endColumn: number;
  /** The offending source line(s) with a caret under the range. */
  readonly codeFrame: string;

  constructor(code: EqlErrorCode, message: string, source: string, range: SourceRange) {
    super(message);
    this.code = code;
    this.range = range;
    const { line, column } = getLocation(source, range.start);
    this.line = line;
    this.column = column;
    const end = getLocation(source, range.end);
    this.endLine = end.line;
    this.endColumn = end.column;
    this.codeFrame = printCodeFrame(source, range);
  }

  /** `line:column: message`, the one-line form the CLI prints. */
  override toString(): string {
    return `${this.line}:${this.column}: ${this.message}`;
  }

  toJSON(): EqlErrorJson {
    return {
      name: this.name,
      code: this.code,
      message: this.message,
      range: this.range,
      line: this.line,
      column: this.column,
      endLine: this.endLine,
      endColumn: this.endColumn,
      codeFrame: this.codeFrame,
    };
  }
}

/** The query text is not valid EQL. */
export class EqlSyntaxError extends EqlError {
  override readonly name: string = 'EqlSyntaxError';
}

/** The query is well-formed but Elasticsearch would reject it (unknown function, bad pipe, …). */
export class EqlVerificationError extends EqlError {
  override readonly name: string = 'EqlVerificationError';
}

/** The one way to word "Expected X, found Y." so every parser message reads the same. */
export function expectedFound(expected: string, found: string): string {
  return `Expected ${expected}, found ${found}.`;
}

export function isEqlError(value: unknown): value is EqlError {
  return value instanceof EqlError;
}
