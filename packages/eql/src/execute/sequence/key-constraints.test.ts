import { describe, expect, it } from 'vitest';
import './register.js';
import { format } from '../../format.js';
import { parseAndVerify } from '../../verify.js';
import { search } from '../compile.js';
import { explain } from '../explain.js';
import type { EqlEvent, EqlSearchResponse } from '../types.js';
import { constrainedTermQueries } from './key-constraints.js';

// A process event whose key field holds two values, then one file event per value.
const events: EqlEvent[] = [
  { _index: 'i', _id: 'p', _source: { '@timestamp': 1, event: { category: 'process' }, k: ['a', 'x'] } },
  { _index: 'i', _id: 'fa', _source: { '@timestamp': 2, event: { category: 'file' }, k: 'a' } },
  { _index: 'i', _id: 'fx', _source: { '@timestamp': 3, event: { category: 'file' }, k: 'x' } },
];

function results(response: EqlSearchResponse): string[] {
  return (response.hits.sequences ?? []).map(
    (s) => `${s.join_keys?.join(',')}: ${s.events.map((e) => (e.missing ? '-' : e._id)).join(' ')}`,
  );
}

/** The conditions each term runs with, printed. */
function termConditions(query: string): string[] {
  const body = parseAndVerify(query).body;
  if (body.kind === 'EventQuery') throw new Error('not a join');
  return constrainedTermQueries(body).map((q) => format(q.condition));
}

// Elasticsearch's optimizer copies conditions on join keys into every term
// (PropagateJoinKeyConstraints, elastic/elasticsearch#62073).
describe('conditions on join keys hold in every term', () => {
  it('a multi-valued key joins only under values the condition allows', () => {
    const query = 'sequence by k [process where k == "x"] [file where true]';
    expect(results(search(query, events))).toEqual(['x: p fx']);
    // Without the condition on the key, both values join.
    expect(results(search('sequence by k [process where true] [file where true]', events))).toEqual([
      'a: p fa',
      'x: p fx',
    ]);
  });

  it('renames the key to each term’s own key at the same position', () => {
    expect(termConditions('sequence [process where k == "x"] by k [file where true] by f.k')).toEqual([
      'k == "x"',
      'true and f.k == "x"',
    ]);
    expect(results(search('sequence [process where k == "x"] by k [file where true] by k', events))).toEqual([
      'x: p fx',
    ]);
  });

  it('copies an or of equalities on one key (the optimizer makes it an in), not another or', () => {
    expect(termConditions('sequence by k [process where k == "x" or k == "y"] [file where true]')[1]).toBe(
      'true and (k == "x" or k == "y")',
    );
    expect(termConditions('sequence by k [process where k == "x" or n == 1] [file where true]')[1]).toBe(
      'true',
    );
    expect(
      results(search('sequence by k [process where k == "x" or k == "y"] [file where true]', events)),
    ).toEqual(['x: p fx']);
  });

  it('copies no condition that also reads a field that is not a key (elastic/elasticsearch#133134)', () => {
    expect(termConditions('sequence by k [process where startsWith(k, n)] [file where true]')[1]).toBe(
      'true',
    );
    expect(termConditions('sequence by k [process where k : "x*" and n == 1] [file where true]')).toEqual([
      'k : "x*" and n == 1',
      'true and k : "x*"',
    ]);
  });

  it('takes none from a missing-event term (elastic/elasticsearch#145813), but gives it the others', () => {
    const query =
      'sequence by k with maxspan=1h [process where k == "x"] ![file where k == "a"] [file where true]';
    expect(termConditions(query)).toEqual(['k == "x"', 'k == "a" and k == "x"', 'true and k == "x"']);
    expect(
      termConditions('sequence by k [process where true] [file where true] until [file where k == "x"]'),
    ).toEqual(['true', 'true']);
  });

  it('holds for samples too', () => {
    expect(results(search('sample by k [process where k == "x"] [file where true]', events))).toEqual([
      'x: p fx',
    ]);
  });

  it('adds nothing a term already says, and keeps the node when nothing is added', () => {
    const body = parseAndVerify('sequence by k [process where k == "x"] [file where k == "x"]').body;
    if (body.kind !== 'Sequence') throw new Error('not a sequence');
    expect(constrainedTermQueries(body)).toEqual(body.terms.map((term) => term.query));
    expect(constrainedTermQueries(body)[1]).toBe(body.terms[1]?.query);
  });

  it('explains a term failing the copied condition, pointing at the term that set it', () => {
    const query = 'sequence by k [process where k == "x"] [file where true]';
    const explanation = explain(query, events[1]?._source ?? {});
    const fileTerm = explanation.terms[1];
    expect(fileTerm?.matched).toBe(false);
    expect(fileTerm?.failedClauses).toEqual([1]);
    const clause = fileTerm?.clauses[1];
    expect(clause && query.slice(clause.loc.start, clause.loc.end)).toBe('k == "x"');
    expect(explanation.stages?.fills).toEqual([]);
  });
});
