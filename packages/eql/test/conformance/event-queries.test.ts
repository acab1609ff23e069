/**
 * Every event query (not sequence/sample) of the Elasticsearch QA suites, run with the
 * request settings ES's spec tests use, must return exactly `expected_event_ids`, in order.
 * The result must not depend on `result_position` or `fetch_size`, so each case also runs
 * with the other position and a small fetch size whenever all results fit in `size`, and once
 * more on closures instead of generated code (the fallback where code generation is not allowed).
 */

import { describe, expect, it } from 'vitest';
import { type CompiledQuery, compile, parse } from '../../src/index.js';
import { allSuites, conformanceDir, type SpecQuery, type Suite } from './harness.js';
import { knownFailure } from './known-failures.js';

function isEventQuery(query: string): boolean {
  try {
    return parse(query).body.kind === 'EventQuery';
  } catch {
    return true; // A query we cannot parse is reported by the test itself.
  }
}

function ids(suite: Suite, compiled: CompiledQuery, resultPosition: 'head' | 'tail'): unknown[] {
  const run = compiled.executor({ ...suite.options, resultPosition, fetchSize: 7 });
  for (const event of suite.events) run.push(event);
  return (run.finish().hits.events ?? []).map((hit) => hit._source[suite.idField]);
}

function runCase(suite: Suite, spec: SpecQuery): void {
  const compiled = compile(spec.query, suite.options);
  expect(ids(suite, compiled, 'head')).toEqual(spec.expectedEventIds);
  if (spec.expectedEventIds.length < (suite.options.size ?? 10)) {
    expect(ids(suite, compiled, 'tail')).toEqual(spec.expectedEventIds);
  }
  const closures = compile(spec.query, { ...suite.options, generateCode: false });
  expect(ids(suite, closures, 'head')).toEqual(spec.expectedEventIds);
}

describe.skipIf(conformanceDir === null)('conformance: event queries', () => {
  const suites = allSuites();

  it('finds the event queries of all three suites', () => {
    const counts = suites.map((suite) => suite.queries.filter((q) => isEventQuery(q.query)).length);
    expect(counts).toEqual([94, 4, 6]);
  });

  for (const suite of suites) {
    describe(suite.file, () => {
      for (const spec of suite.queries.filter((q) => isEventQuery(q.query))) {
        const reason = knownFailure(suite.file, spec.name);
        if (reason === undefined) {
          it(spec.name, () => runCase(suite, spec));
        } else {
          it(`${spec.name} (known failure: ${reason})`, () => {
            expect(() => runCase(suite, spec)).toThrow();
          });
        }
      }
    });
  }
});
