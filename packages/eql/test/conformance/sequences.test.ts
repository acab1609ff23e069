/**
 * Every `sequence` / `sample` query of the Elasticsearch QA suites (`test_queries.toml`,
 * `test_queries_date.toml`, `test_extra.toml`) through the public `search()`, with the request
 * settings the ES spec tests use (size 50, tiebreaker `serial_event_id` / `sequence`, the
 * category field). Event ids are compared flattened (`-1` for a missing-event placeholder), join
 * keys as strings. Results must not depend on fetch_size, result_position or input order.
 */

import { describe, expect, it } from 'vitest';
import '../../src/execute/sequence/register.js';
import { type EqlSearchResponse, type EventHit, search } from '../../src/index.js';
import { allSuites, conformanceDir, type SpecQuery, type Suite } from './harness.js';
import { knownFailure } from './known-failures.js';

const isSequenceOrSample = (q: SpecQuery): boolean => /^\s*(sequence|sample)\b/i.test(q.query);

function idOf(hit: EventHit, idField: string): number {
  return hit.missing === true ? -1 : Number((hit._source as Record<string, unknown>)[idField]);
}

function flatIds(response: EqlSearchResponse, idField: string): number[] {
  return (response.hits.sequences ?? []).flatMap((s) => s.events.map((e) => idOf(e, idField)));
}

function flatJoinKeys(response: EqlSearchResponse): string[] {
  return (response.hits.sequences ?? []).flatMap((s) =>
    (s.join_keys ?? []).map((k) => (k === null ? 'null' : String(k))),
  );
}

/** A flat id list, or (list of lists) several acceptable answers. */
function alternatives(expected: readonly unknown[]): number[][] {
  if (expected.length > 0 && Array.isArray(expected[0]))
    return (expected as number[][]).map((ids) => ids.map(Number));
  return [expected.map(Number)];
}

interface Variant {
  readonly label: string;
  readonly fetchSize: number;
  readonly resultPosition: 'head' | 'tail';
  readonly presorted: boolean;
  /** Closures instead of generated code (the fallback where code generation is not allowed). */
  readonly closures?: boolean;
}

const variants: Variant[] = [
  { label: 'file order, fetch 50, head', fetchSize: 50, resultPosition: 'head', presorted: false },
  { label: 'file order, fetch 2, tail', fetchSize: 2, resultPosition: 'tail', presorted: false },
  { label: 'presorted, fetch 7, head', fetchSize: 7, resultPosition: 'head', presorted: true },
  {
    label: 'closures, fetch 50, head',
    fetchSize: 50,
    resultPosition: 'head',
    presorted: false,
    closures: true,
  },
];

function check(suite: Suite, spec: SpecQuery, sorted: Suite['events']): void {
  const accepted = alternatives(spec.expectedEventIds);
  for (const variant of variants) {
    const options = {
      ...suite.options,
      // A case's own `size` / `max_samples_per_key` go with its request, as in ES's spec runner.
      ...(spec.size === undefined ? {} : { size: spec.size }),
      ...(spec.maxSamplesPerKey === undefined ? {} : { maxSamplesPerKey: spec.maxSamplesPerKey }),
      fetchSize: variant.fetchSize,
      resultPosition: variant.resultPosition,
      generateCode: variant.closures !== true,
    };
    // Samples ignore time: presorted input changes their index order, so only sequences get it.
    const presorted = variant.presorted && /^\s*sequence/i.test(spec.query);
    const response = presorted
      ? search(spec.query, sorted, { ...options, presorted: true })
      : search(spec.query, suite.events, options);
    const ids = flatIds(response, suite.idField);
    const match = accepted.find((alt) => JSON.stringify(alt) === JSON.stringify(ids)) ?? accepted[0];
    expect(ids, `${spec.name} (${variant.label})`).toEqual(match);
    if (spec.joinKeys !== undefined) {
      expect(flatJoinKeys(response), `${spec.name} join_keys (${variant.label})`).toEqual(
        spec.joinKeys.map(String),
      );
    }
  }
}

/** The suite's events in search order, for the presorted runs. */
function searchOrder(suite: Suite): Suite['events'] {
  const response = search('any where true', suite.events, { ...suite.options, size: 1_000_000 });
  return (response.hits.events ?? []).map((e) => ({ _index: e._index, _id: e._id, _source: e._source }));
}

describe.skipIf(conformanceDir === null)('sequence and sample conformance (ES QA suites)', () => {
  const suites = allSuites();
  for (const suite of suites) {
    const queries = suite.queries.filter(isSequenceOrSample);
    if (queries.length === 0) continue;
    describe(suite.file, () => {
      const sorted = searchOrder(suite);
      for (const spec of queries) {
        // A known failure must still fail: once it passes, the list entry has to go.
        const test = knownFailure(suite.file, spec.name) === undefined ? it : it.fails;
        test(spec.name, () => check(suite, spec, sorted));
      }
    });
  }

  it('covers every sequence and sample query of the three suites in ../shared', () => {
    // Further es-qa suites (when their files are present) add to these, never change them.
    const counts = Object.fromEntries(
      suites.map((s) => [s.file, s.queries.filter(isSequenceOrSample).length]),
    );
    expect(counts).toMatchObject({
      'test_queries.toml': 39,
      'test_queries_date.toml': 0,
      'test_extra.toml': 34,
    });
  });
});
