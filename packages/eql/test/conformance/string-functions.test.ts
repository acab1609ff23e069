/**
 * Elasticsearch's `test_string_functions.toml`: every fold test evaluates (as a constant, the way
 * ES folds it when planning) to exactly the expected value — a missing `expected` means null —
 * and every verifier failure is rejected.
 */

import { describe, expect, it } from 'vitest';
import { compileValue, createCompileContext, parseExpression, verifyExpression } from '../../src/index.js';
import { readToml, sharedPath } from '../shared.js';
import { knownFailure } from './known-failures.js';

const path = sharedPath('eql-conformance', 'es-unit', 'test_string_functions.toml');

interface FoldCase {
  readonly table: string;
  readonly expression: string;
  readonly expected: unknown;
}

function load(file: string): { folds: FoldCase[]; failures: Array<{ table: string; expression: string }> } {
  const toml = readToml(file) as Record<string, Record<string, unknown>>;
  const folds: FoldCase[] = [];
  const failures: Array<{ table: string; expression: string }> = [];
  for (const [table, body] of Object.entries(toml)) {
    const fold = (body.fold as { tests?: Array<Record<string, unknown>> } | undefined)?.tests ?? [];
    const plain = (body.tests as Array<Record<string, unknown>> | undefined) ?? [];
    for (const test of [...fold, ...plain]) {
      folds.push({ table, expression: String(test.expression), expected: test.expected ?? null });
    }
    const verifier =
      (body.verifier as { failures?: Array<Record<string, unknown>> } | undefined)?.failures ?? [];
    for (const failure of verifier) failures.push({ table, expression: String(failure.expression) });
  }
  return { folds, failures };
}

function fold(expression: string): unknown {
  const compiled = compileValue(parseExpression(expression), createCompileContext({ source: expression }));
  expect(compiled.constant).toBe(true);
  return compiled.evaluate({});
}

describe.skipIf(path === null)('conformance: test_string_functions.toml', () => {
  const { folds, failures } = path === null ? { folds: [], failures: [] } : load(path);

  it('reads every case', () => {
    expect([folds.length, failures.length]).toEqual([85, 7]);
  });

  for (const { table, expression, expected } of folds) {
    const reason = knownFailure('test_string_functions.toml', expression);
    const name = `${table}: ${expression} → ${JSON.stringify(expected)}`;
    if (reason === undefined) {
      it(name, () => {
        expect(fold(expression)).toEqual(expected);
      });
    } else {
      it(`${name} (known failure: ${reason})`, () => {
        expect(fold(expression)).not.toEqual(expected);
      });
    }
  }

  for (const { table, expression } of failures) {
    it(`${table}: ${expression} is rejected`, () => {
      let errors: readonly unknown[];
      try {
        errors = verifyExpression(parseExpression(expression), expression);
      } catch (error) {
        errors = [error];
      }
      expect(errors.length).toBeGreaterThan(0);
    });
  }
});
