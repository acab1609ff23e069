/**
 * Diagnostics as you type, computed in the browser by the same engine the server runs:
 * syntax errors first, then what Elasticsearch would reject (unknown functions, arity, …).
 */

import { check, isEqlError } from '@rulebench/eql';
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
