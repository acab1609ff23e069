/**
 * Diagnostics as you type, computed in the browser by the same engine the server runs:
 * syntax errors first, then what Elasticsearch would reject (unknown functions, arity, …).
 */

import { check, isEqlError } from '@rulebench/eql';
import type { FieldCatalog } from './field-catalog.js';
import { unknownFieldWarnings } from './field-warnings.js';
import type { Diagnostic } from './markers.js';

export function diagnose(text: string): readonly Diagnostic[] {
  try {
    return check(text).errors;
  } catch (error) {
    // Limits (too many tokens) are thrown rather than collected; show them like any other.
    if (isEqlError(error)) return [error];
    throw error;
  }
}

/** Errors, or when there are none and the field catalogue is known, schema warnings. */
export function diagnoseWithSchema(text: string, catalog: FieldCatalog | null): readonly Diagnostic[] {
  let result: ReturnType<typeof check>;
  try {
    result = check(text);
  } catch (error) {
    if (isEqlError(error)) return [error];
    throw error;
  }
  if (result.errors.length > 0 || result.ast === null || catalog === null) return result.errors;
  return unknownFieldWarnings(result.ast, text, catalog);
}

export function isError(diagnostic: Diagnostic): boolean {
  return diagnostic.severity === undefined || diagnostic.severity === 'error';
}
