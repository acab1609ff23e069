import type { RuleError, RuleProblem } from '@rulebench/rules';

export type { RuleProblem } from '@rulebench/rules';

/** A refused library request; the routes answer it with its status and body as they are. */
export class LibraryError extends Error {
  override readonly name = 'LibraryError';
  readonly statusCode: number;
  readonly code: string;
  readonly problems: readonly RuleProblem[];

  constructor(statusCode: number, code: string, message: string, problems: readonly RuleProblem[] = []) {
    super(message);
    this.statusCode = statusCode;
    this.code = code;
    this.problems = problems;
  }
}

export function problemFromRuleError(error: RuleError, fieldPrefix = ''): RuleProblem {
  const field = error.field === undefined ? null : stripPrefix(error.field, fieldPrefix);
  return {
    code: error.code,
    message: error.message,
    file: error.file ?? null,
    line: error.line ?? null,
    column: error.column ?? null,
    field,
  };
}

function stripPrefix(field: string, prefix: string): string {
  return prefix && field.startsWith(prefix) ? field.slice(prefix.length) : field;
}

/** `file:line:col: field: reason`, leaving out the parts that are unknown. */
export function formatProblem(
  reason: string,
  where: {
    readonly file?: string | null;
    readonly line?: number | null;
    readonly column?: number | null;
    readonly field?: string | null;
  },
): string {
  const parts: string[] = [];
  if (where.file) parts.push(where.file);
  if (where.line != null) parts.push(String(where.line));
  if (where.line != null && where.column != null) parts.push(String(where.column));
  const location = parts.length > 0 ? `${parts.join(':')}: ` : '';
  return `${location}${where.field ? `${where.field}: ` : ''}${reason}`;
}
