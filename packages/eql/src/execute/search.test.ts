import { describe, expect, it } from 'vitest';
import './sequence/register.js';
import { compile, search } from './compile.js';
import type { EqlEvent } from './types.js';

function event(id: string, source: Record<string, unknown>): EqlEvent {
  return { _index: 'test', _id: id, _source: source };
}

const ids = (response: ReturnType<typeof search>): string[] => (response.hits.events ?? []).map((e) => e._id);

// Ten process events with shuffled timestamps: id n has timestamp n.
const numbered = [7, 3, 9, 1, 10, 5, 2, 8, 4, 6].map((n) =>
  event(String(n), { '@timestamp': n, event: { category: 'process' }, n }),
);

describe('search', () => {
  it('filters by category and orders by timestamp', () => {
    const events = [
      event('a', { '@timestamp': 3, event: { category: 'process' } }),
      event('b', { '@timestamp': 1, event: { category: ['file', 'process'] } }),
      event('c', { '@timestamp': 2, event: { category: 'file' } }),
    ];
    expect(ids(search('process where true', events))).toEqual(['b', 'a']);
    expect(ids(search('any where true', events))).toEqual(['b', 'c', 'a']);
    expect(ids(search('"file" where true', events))).toEqual(['b', 'c']);
  });

  it('reads the category from eventCategoryField', () => {
    const events = [event('a', { '@timestamp': 1, kind: 'x' }), event('b', { '@timestamp': 2, kind: 'y' })];
    expect(ids(search('y where true', events, { eventCategoryField: 'kind' }))).toEqual(['b']);
  });

  it('accepts epoch millis, numeric strings and ISO-8601 timestamps', () => {
    const events = [
      event('iso', { '@timestamp': '1970-01-01T00:00:00.005Z' }),
      event('num', { '@timestamp': 3 }),
      event('str', { '@timestamp': '4' }),
    ];
    expect(ids(search('any where true', events))).toEqual(['num', 'str', 'iso']);
  });

  it('puts events without a timestamp first, and missing tiebreakers first too', () => {
    const events = [
      event('late', { '@timestamp': 5, seq: 1 }),
      event('none', { seq: 9 }),
      event('nokey', { '@timestamp': 1 }),
      event('key2', { '@timestamp': 1, seq: 2 }),
      event('key1', { '@timestamp': 1, seq: 1 }),
    ];
    // ES sorts an event query on timestamp and tiebreaker with NullsPosition.FIRST for both
    // (LogicalPlanBuilder default order; Optimizer.changeOrderDirection for a tail).
    const expected = ['none', 'nokey', 'key1', 'key2', 'late'];
    expect(ids(search('any where true', events, { tiebreakerField: 'seq' }))).toEqual(expected);
    expect(ids(search('any where true', events, { tiebreakerField: 'seq', size: 4 }))).toEqual(
      expected.slice(1),
    );
  });

  it('sorts a multi-valued timestamp by its min for a head and its max for a tail', () => {
    const events = [event('multi', { '@timestamp': [1, 100] }), event('fifty', { '@timestamp': 50 })];
    // ES default sort mode: `min` ascending, `max` descending; a tail is searched descending.
    expect(ids(search('any where true', events, { resultPosition: 'head' }))).toEqual(['multi', 'fifty']);
    expect(ids(search('any where true', events, { resultPosition: 'tail' }))).toEqual(['fifty', 'multi']);
  });

  it('returns no event whose timestamp is not a date (ES would not have indexed it)', () => {
    const events = [
      event('ok', { '@timestamp': '2020-01-01T00:00:00Z', kind: 'a', host: 'h' }),
      event('space', { '@timestamp': '2020-01-01 00:00:01', kind: 'a', host: 'h' }),
      event('one-bad', { '@timestamp': ['2020-01-01T00:00:02Z', 'soon'], kind: 'b', host: 'h' }),
      event('absent', { kind: 'b', host: 'h' }),
      event('later', { '@timestamp': '2020-01-01T00:00:03Z', kind: 'b', host: 'h' }),
    ];
    const options = { eventCategoryField: 'kind', size: 10 };
    expect(ids(search('any where true', events, options))).toEqual(['absent', 'ok', 'later']);
    const sample = search('sample by host [a where true] [b where true]', events, options);
    expect(sample.hits.sequences?.map((s) => s.events.map((e) => e._id))).toEqual([['ok', 'absent']]);
    const sequence = search('sequence by host [a where true] [b where true]', events, options);
    expect(sequence.hits.sequences?.map((s) => s.events.map((e) => e._id))).toEqual([['ok', 'later']]);
  });

  it("orders by the timestamp field's mapping format when it has one", () => {
    const events = [
      event('b', { '@timestamp': '02-01-2020', kind: 'x' }),
      event('a', { '@timestamp': '31-12-2019', kind: 'x' }),
    ];
    const options = { dateFormats: { '@timestamp': 'dd-MM-yyyy' } };
    expect(ids(search('any where true', events, options))).toEqual(['a', 'b']);
  });

  it('returns the 10 most recent events by default and honours size and result position', () => {
    const many = Array.from({ length: 15 }, (_, i) => event(String(i + 1), { '@timestamp': i + 1 }));
    // Elasticsearch's request default is `result_position: tail`: the latest matches, ascending.
    expect(ids(search('any where true', many))).toEqual([
      '6',
      '7',
      '8',
      '9',
      '10',
      '11',
      '12',
      '13',
      '14',
      '15',
    ]);
    expect(ids(search('any where true', many, { size: 3, resultPosition: 'head' }))).toEqual(['1', '2', '3']);
    expect(ids(search('any where true', many, { size: 3 }))).toEqual(['13', '14', '15']);
    // As in Elasticsearch, `total` counts the hits returned; `matches` on the executor counts all.
    expect(search('any where true', many, { size: 3 }).hits.total).toEqual({ value: 3, relation: 'eq' });
  });

  it('applies size before the first pipe, in its direction, as Elasticsearch plans it', () => {
    // `size` becomes a head/tail of the first pipe's kind placed under it; result_position
    // then no longer matters (LogicalPlanBuilder: "<default-limit>").
    for (const resultPosition of ['head', 'tail'] as const) {
      expect(ids(search('process where true | head 8', numbered, { size: 2, resultPosition }))).toEqual([
        '1',
        '2',
      ]);
      expect(ids(search('process where true | tail 8', numbered, { size: 2, resultPosition }))).toEqual([
        '9',
        '10',
      ]);
      expect(
        ids(search('process where true | tail 8 | head 3', numbered, { size: 5, resultPosition })),
      ).toEqual(['6', '7', '8']);
    }
  });

  it('takes a pipe count that folds to an integer, as Elasticsearch does', () => {
    expect(ids(search('process where true | head 1 + 1', numbered))).toEqual(['1', '2']);
    expect(ids(search('process where true | tail 7 / 2', numbered))).toEqual(['8', '9', '10']);
    expect(ids(search('process where true | head length("abcd")', numbered))).toEqual(['1', '2', '3', '4']);
  });

  it('applies head and tail pipes in order', () => {
    expect(ids(search('process where true | head 3', numbered))).toEqual(['1', '2', '3']);
    expect(ids(search('process where true | tail 2', numbered))).toEqual(['9', '10']);
    expect(ids(search('process where true | head 4 | tail 2', numbered))).toEqual(['3', '4']);
    expect(ids(search('process where true | tail 5 | head 2', numbered))).toEqual(['6', '7']);
    expect(ids(search('process where true | head 8', numbered, { size: 2 }))).toEqual(['1', '2']);
  });

  it('gives the same answer on presorted input, streaming', () => {
    const sorted = [...numbered].sort((a, b) => Number(a._id) - Number(b._id));
    for (const query of [
      'process where n > 2 | head 3',
      'process where n > 2 | tail 3',
      'process where n < 9',
    ]) {
      expect(ids(search(query, sorted, { presorted: true }))).toEqual(ids(search(query, numbered)));
    }
  });

  it('reports done once a presorted head is full', () => {
    const run = compile('process where true | head 2').executor({ presorted: true });
    run.push(numbered[3] as EqlEvent);
    expect(run.done).toBe(false);
    run.push(numbered[6] as EqlEvent);
    expect(run.done).toBe(true);
    expect(ids(run.finish())).toEqual(['1', '2']);
  });

  it('compiles once and runs many times with different options', () => {
    const compiled = compile('process where n >= 5');
    expect(ids(search(compiled, numbered, { size: 2, resultPosition: 'head' }))).toEqual(['5', '6']);
    expect(ids(search(compiled, numbered, { size: 2 }))).toEqual(['9', '10']);
  });

  it('returns the Elasticsearch response shape', () => {
    const response = search('process where n == 1', numbered);
    expect(response).toMatchObject({
      is_partial: false,
      is_running: false,
      timed_out: false,
      hits: {
        total: { value: 1, relation: 'eq' },
        events: [{ _index: 'test', _id: '1', _source: { n: 1 } }],
      },
    });
  });

  it('fails the search on integer overflow, with the location of the expression', () => {
    const query = 'any where n * 2147483647 > 0';
    expect(() => search(query, [event('x', { '@timestamp': 1, n: 2 })])).not.toThrow();
    expect(() => search('any where 2147483647 + 1 > 0', [])).toThrowError(/integer overflow/);
    try {
      search('any where n % 0 == 1', [event('x', { '@timestamp': 1, n: 2 })]);
      expect.unreachable();
    } catch (error) {
      expect(error).toMatchObject({
        name: 'EqlEvaluationError',
        message: '/ by zero',
        range: { start: 10, end: 15 },
      });
    }
  });
});

describe('compile errors', () => {
  it('reports an invalid regular expression as a verification error at its pattern', () => {
    const query = 'any where process.name regex~ ("ok.*", "bad\\\\q")';
    try {
      compile(query);
      expect.unreachable();
    } catch (error) {
      expect(error).toMatchObject({
        name: 'EqlVerificationError',
        code: 'EQL_INVALID_REGEX',
        message: 'Invalid regular expression [bad\\q]: invalid character class \\q',
      });
      const { range } = error as { range: { start: number; end: number } };
      expect(query.slice(range.start, range.end)).toBe('"bad\\\\q"');
    }
  });

  it('matches regular expressions against the whole value', () => {
    const events = [
      event('1', { '@timestamp': 1, p: 'C:\\Windows\\cmd.exe' }),
      event('2', { '@timestamp': 2, p: 'cmd.exe' }),
    ];
    expect(ids(search('any where p regex ".*\\\\\\\\cmd\\\\.exe"', events))).toEqual(['1']);
    expect(ids(search('any where p regex~ "CMD\\\\.EXE"', events))).toEqual(['2']);
    expect(ids(search('any where p regex "cmd"', events))).toEqual([]);
  });
});
