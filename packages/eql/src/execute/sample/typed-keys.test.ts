/**
 * Sample join keys on `date` fields are the composite aggregation's keys: epoch millis. Facts
 * from elastic/elasticsearch `x-pack/plugin/eql/qa/common/src/main/resources/test_sample.toml`
 * (`customDateFormat*` cases: `@timestamp_pretty` mapped `dd-MM-yyyy` in one index and
 * `yyyy-MM-dd` in another, `date` with the default format, all joining as `1671235200000`).
 */

import { describe, expect, it } from 'vitest';
import '../sequence/register.js';
import { type SearchRequestOptions, search } from '../compile.js';
import type { EqlEvent } from '../types.js';

function ev(n: string, fields: Record<string, unknown>): EqlEvent {
  return { _index: 'test', _id: n, _source: { n, ...fields } };
}

function run(query: string, events: EqlEvent[], options: SearchRequestOptions = {}) {
  const response = search(query, events, { size: 50, eventCategoryField: 'kind', ...options });
  return (response.hits.sequences ?? []).map((s) => ({
    keys: s.join_keys,
    ids: s.events.map((e) => e._source.n),
  }));
}

const DAY = 1671235200000; // 2022-12-17

describe('sample join keys on date fields', () => {
  const events = [
    ev('iso', { kind: 'a', day: '2022-12-17' }),
    ev('millis', { kind: 'b', day: String(DAY) }),
    ev('other', { kind: 'b', day: '2022-12-18T00:00:00Z' }),
    ev('custom', { kind: 'b', day: '17-12-2022' }),
  ];
  const query = 'sample by day [a where true] [b where true]';

  it('join every representation of one instant, printed as epoch millis', () => {
    expect(run(query, events, { fieldTypes: { day: 'date' } })).toEqual([
      { keys: [DAY], ids: ['iso', 'millis'] },
    ]);
  });

  it('compare the text as it is when the field is not mapped as a date', () => {
    expect(run(query, events)).toEqual([]);
  });

  it('read values with the mapping format, `||` alternatives in order', () => {
    const withFormat = { fieldTypes: { day: 'date' as const }, dateFormats: { day: 'dd-MM-yyyy' } };
    // Under `dd-MM-yyyy` alone only `custom` is a date; the others are not indexed as dates.
    expect(run('sample by ?day [a where true] [b where true]', events, withFormat)).toEqual([
      { keys: [null], ids: ['iso', 'millis'] },
    ]);
    const both = { fieldTypes: { day: 'date' as const }, dateFormats: { day: 'dd-MM-yyyy||yyyy-MM-dd' } };
    expect(run(query, events, both)).toEqual([{ keys: [DAY], ids: ['iso', 'custom'] }]);
  });

  it('join date fields of different names per filter, multi-valued ones per value', () => {
    const mixed = [
      ev('s', { kind: 'a', date: [String(DAY), '1970-01-01'] }),
      ev('f', { kind: 'b', pretty: '17-12-2022' }),
    ];
    const options = {
      fieldTypes: { date: 'date' as const, pretty: 'date' as const },
      dateFormats: { pretty: 'dd-MM-yyyy' },
    };
    expect(run('sample [a where true] by date [b where true] by pretty', mixed, options)).toEqual([
      { keys: [DAY], ids: ['s', 'f'] },
    ]);
  });

  it('order keys by instant (as numbers), not by their text', () => {
    const two = [
      ev('a2', { kind: 'a', day: '2022-12-18' }),
      ev('b2', { kind: 'b', day: '18-12-2022' }),
      ev('a1', { kind: 'a', day: '1970-01-02' }),
      ev('b1', { kind: 'b', day: '02-01-1970' }),
    ];
    const options = { fieldTypes: { day: 'date' as const }, dateFormats: { day: 'dd-MM-yyyy||yyyy-MM-dd' } };
    // 86400000 < 1671321600000, although "1671321600000" < "86400000" as text.
    expect(run(query, two, options)).toEqual([
      { keys: [86_400_000], ids: ['a1', 'b1'] },
      { keys: [DAY + 86_400_000], ids: ['a2', 'b2'] },
    ]);
  });
});

describe('sample join keys on ip and version fields', () => {
  const query = 'sample by addr [a where true] [b where true]';

  it('join an ip written in several ways, printed in canonical form', () => {
    const events = [
      ev('a6', { kind: 'a', addr: '0:0:0:0:0:0:0:1' }),
      ev('b6', { kind: 'b', addr: '::1' }),
      ev('a4', { kind: 'a', addr: '::ffff:10.0.0.1' }),
      ev('b4', { kind: 'b', addr: '10.0.0.1' }),
      ev('bad', { kind: 'b', addr: 'not-an-ip' }),
    ];
    expect(run(query, events, { fieldTypes: { addr: 'ip' } })).toEqual([
      { keys: ['::1'], ids: ['a6', 'b6'] },
      { keys: ['10.0.0.1'], ids: ['a4', 'b4'] },
    ]);
  });

  it('order ip keys by address bytes, version keys by precedence', () => {
    const ips = [
      ev('a10', { kind: 'a', addr: '10.0.0.1' }),
      ev('b10', { kind: 'b', addr: '10.0.0.1' }),
      ev('a9', { kind: 'a', addr: '9.0.0.1' }),
      ev('b9', { kind: 'b', addr: '9.0.0.1' }),
    ];
    expect(run(query, ips, { fieldTypes: { addr: 'ip' } }).map((s) => s.keys)).toEqual([
      ['9.0.0.1'],
      ['10.0.0.1'],
    ]);
    expect(run(query, ips).map((s) => s.keys)).toEqual([['10.0.0.1'], ['9.0.0.1']]);
    const versions = [
      ev('a11', { kind: 'a', v: '1.11.3' }),
      ev('b11', { kind: 'b', v: '1.11.3' }),
      ev('a5', { kind: 'a', v: '1.5.0' }),
      ev('b5', { kind: 'b', v: '1.5.0' }),
    ];
    const byVersion = 'sample by v [a where true] [b where true]';
    expect(run(byVersion, versions, { fieldTypes: { v: 'version' } }).map((s) => s.keys)).toEqual([
      ['1.5.0'],
      ['1.11.3'],
    ]);
  });
});
