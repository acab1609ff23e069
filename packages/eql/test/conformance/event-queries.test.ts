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

  it('finds the event queries of the three suites in ../shared', () => {
    // Further es-qa suites (when their files are present) add to these, never change them.
    const counts = Object.fromEntries(
      suites.map((suite) => [suite.file, suite.queries.filter((q) => isEventQuery(q.query)).length]),
    );
    expect(counts).toMatchObject({
      'test_queries.toml': 94,
      'test_queries_date.toml': 4,
      'test_extra.toml': 6,
    });
  });

  for (const suite of suites) {
    // Suites with only sequences or samples (test_sample*.toml) have nothing to run here.
    if (!suite.queries.some((q) => isEventQuery(q.query))) continue;
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
