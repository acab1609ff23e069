/**
 * `sample` behaviour that Elasticsearch's QA suites pin down, checked on small events of our
 * own. Sources (elastic/elasticsearch, x-pack/plugin/eql/qa/common/src/main/resources/):
 * `test_sample.toml` over data/sample1..3 (sample3 has no `@timestamp`; `os` in two indices is
 * `op_sys` in the third), `test_sample_multi.toml` over data/sample-multi (`max_samples_per_key`).
 */

import { describe, expect, it } from 'vitest';
import '../sequence/register.js';
import { type SearchRequestOptions, search } from '../compile.js';
import type { EqlEvent } from '../types.js';
import { formatIp } from './typed-keys.js';

function ev(n: number, fields: Record<string, unknown>): EqlEvent {
  return { _index: 'facts', _id: String(n), _source: { n, ...fields } };
}

function run(query: string, events: EqlEvent[], options: SearchRequestOptions = {}) {
  const response = search(query, events, { eventCategoryField: 'kind', size: 50, ...options });
  return (response.hits.sequences ?? []).map((s) => [s.join_keys, s.events.map((e) => e._source.n)]);
}

describe('sample, as the Elasticsearch QA suites have it', () => {
  it('samples events that have no timestamp at all (sample order ignores time)', () => {
    const events = [ev(1, { kind: 'a', host: 'h' }), ev(2, { kind: 'b', host: 'h', '@timestamp': 5 })];
    expect(run('sample by host [a where true] [b where true]', events)).toEqual([[['h'], [1, 2]]]);
  });

  it('joins key fields of different names position by position (`by os` / `by op_sys`)', () => {
    const events = [
      ev(1, { kind: 'a', host: 'h', os: 'linux' }),
      ev(2, { kind: 'b', host: 'h', op_sys: 'linux' }),
      ev(3, { kind: 'b', host: 'h', os: 'linux' }),
    ];
    const query = 'sample by host [a where true] by os [b where true] by op_sys';
    expect(run(query, events)).toEqual([
      [
        ['h', 'linux'],
        [1, 2],
      ],
    ]);
  });

  it('drops an event whose required key is null, joins it as null under `?key`', () => {
    const events = [
      ev(1, { kind: 'a', os: null }),
      ev(2, { kind: 'a' }),
      ev(3, { kind: 'b', os: null }),
      ev(4, { kind: 'a', os: 'w' }),
      ev(5, { kind: 'b', os: 'w' }),
    ];
    expect(run('sample by os [a where true] [b where true]', events)).toEqual([[['w'], [4, 5]]]);
    expect(run('sample by ?os [a where true] [b where true]', events)).toEqual([
      [[null], [1, 3]],
      [['w'], [4, 5]],
    ]);
  });

  it('reuses an event in several samples of one key, never twice in one sample', () => {
    // test_sample_multi.toml `twoSamplesPerKeyOutOfThree_optional`: [8, 9] then [10, 9].
    const events = [
      ev(8, { kind: 'a', os: 'w' }),
      ev(9, { kind: 'b', os: 'w' }),
      ev(10, { kind: 'a', os: 'w' }),
    ];
    expect(run('sample by os [a where true] [b where true]', events, { maxSamplesPerKey: 2 })).toEqual([
      [['w'], [8, 9]],
      [['w'], [10, 9]],
    ]);
    // Every ordered pair of distinct events, depth first in index order (`moreSamplesPerKey`).
    expect(run('sample by os [any where true] [any where true]', events, { maxSamplesPerKey: 10 })).toEqual([
      [['w'], [8, 9]],
      [['w'], [8, 10]],
      [['w'], [9, 8]],
      [['w'], [9, 10]],
      [['w'], [10, 8]],
      [['w'], [10, 9]],
    ]);
  });

  it('cuts at `size` in key order whatever the result position, `size` 0 giving nothing', () => {
    const events = [1, 2, 3].flatMap((k) => [ev(k * 10, { kind: 'a', k }), ev(k * 10 + 1, { kind: 'b', k })]);
    const query = 'sample by k [a where true] [b where true]';
    expect(run(query, events, { size: 2, resultPosition: 'tail' })).toEqual([
      [[1], [10, 11]],
      [[2], [20, 21]],
    ]);
    expect(run(query, events, { size: 0 })).toEqual([]);
  });
});

describe('formatIp', () => {
  it('prints IPv6 per RFC 5952 and IPv4-mapped addresses as IPv4', () => {
    const bytes = (groups: number[]): Uint8Array => new Uint8Array(groups.flatMap((g) => [g >> 8, g & 0xff]));
    expect(formatIp(bytes([0x2001, 0xdb8, 0, 0, 1, 0, 0, 1]))).toBe('2001:db8::1:0:0:1');
    expect(formatIp(bytes([0x2001, 0xdb8, 0, 1, 0, 0, 0, 1]))).toBe('2001:db8:0:1::1');
    expect(formatIp(bytes([0, 0, 0, 0, 0, 0, 0, 0]))).toBe('::');
    expect(formatIp(bytes([0, 0, 0, 0, 0, 0xffff, 0x0a00, 0x0001]))).toBe('10.0.0.1');
  });
});
