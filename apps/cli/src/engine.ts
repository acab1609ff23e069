import type { CompileOptions, EqlEvent, EqlSearchResponse, SearchOptions } from '@rulebench/eql';
import { EqlError } from '@rulebench/eql';

/** The slice of `@rulebench/eql` the CLI drives; a seam so commands can be tested alone. */
export interface EventExecutor {
  push(event: EqlEvent): void;
  /** Set once more events cannot change the response (e.g. `head` filled on presorted input). */
  readonly done?: boolean;
  /** With `verifyOrder`: the input was not in order after all (see SearchOptions.verifyOrder). */
  readonly unsorted?: boolean;
  finish(): EqlSearchResponse;
}

export interface SearchEngine {
  /** `options.timestampField` types that field as a date in conditions, as the request does. */
  compile(
    query: string,
    options?: CompileOptions,
  ): { readonly kind?: string; executor(options: SearchOptions): EventExecutor };
}

/** The real engine, loaded on first use so `check` does not pay for the executors. */
export async function loadEqlEngine(): Promise<SearchEngine> {
  const { compile } = await import('@rulebench/eql');
  return { compile: (query, options) => compile(query, options) };
}

export interface QueryErrorReport {
  readonly line: number;
  readonly column: number;
  readonly message: string;
  readonly codeFrame: string;
}

/** An EqlError's position and text, or undefined for any other error (a bug: rethrow it). */
export function asQueryError(error: unknown): QueryErrorReport | undefined {
  if (error instanceof EqlError) {
    return { line: error.line, column: error.column, message: error.message, codeFrame: error.codeFrame };
  }
  return undefined;
}
