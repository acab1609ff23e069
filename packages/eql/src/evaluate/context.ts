import type { SourceRange } from '../ast.js';
import type { FieldType } from './compare.js';
import { EqlEvaluationError, EvaluationFailure } from './errors.js';

/** What the expression compilers need to know besides the expression itself. */
export interface CompileContext {
  /** The query text, for error locations (empty when compiling a hand-built AST). */
  readonly source: string;
  /** Mapping types by dotted field path (the timestamp field is a `date` unless said otherwise). */
  readonly fieldTypes: ReadonlyMap<string, FieldType>;
  /** Mapping `format` of `date` fields that have one (`dd-MM-yyyy`, `a||b`); see date-formats.ts. */
  readonly dateFormats: ReadonlyMap<string, string>;
  /** `false` keeps executors on closures instead of generated code (for tests and comparisons). */
  readonly generateCode: boolean;
}

export interface CompileContextOptions {
  readonly source?: string;
  readonly fieldTypes?: Readonly<Record<string, FieldType>>;
  readonly dateFormats?: Readonly<Record<string, string>>;
  readonly timestampField?: string;
  /** Default true: executors run conditions as generated functions where the runtime allows. */
  readonly generateCode?: boolean;
}

export function createCompileContext(options: CompileContextOptions = {}): CompileContext {
  const fieldTypes = new Map<string, FieldType>(Object.entries(options.fieldTypes ?? {}));
  const timestampField = options.timestampField ?? '@timestamp';
  if (!fieldTypes.has(timestampField)) fieldTypes.set(timestampField, 'date');
  const dateFormats = new Map<string, string>(Object.entries(options.dateFormats ?? {}));
  return {
    source: options.source ?? '',
    fieldTypes,
    dateFormats,
    generateCode: options.generateCode ?? true,
  };
}

/** Turns a helper's `EvaluationFailure` into an error pointing at the expression. */
export function located(error: unknown, ctx: CompileContext, loc: SourceRange): unknown {
  if (error instanceof EvaluationFailure) return new EqlEvaluationError(error.message, ctx.source, loc);
  return error;
}
