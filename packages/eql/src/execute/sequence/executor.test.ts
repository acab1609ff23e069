import { describe, expect, it } from 'vitest';
import './register.js';
import { compile, search } from '../compile.js';
import type { EqlEvent, EqlSearchResponse, SearchOptions } from '../types.js';
import type { SequenceQueryExecutor } from './executor.js';

let nextId = 0;
function ev(ts: number | string, fields: Record<string, unknown>): EqlEvent {
  nextId++;
  return {
    _index: 'test',
    _id: String(nextId),
    _source: { '@timestamp': ts, event: { category: 'process' }, ...fields },
  };
}

function names(response: EqlSearchResponse): string[][] {
  return (response.hits.sequences ?? []).map((s) =>
    s.events.map((e) => (e.missing ? '-' : String(e._source.n))),
  );
}

const run = (query: string, events: EqlEvent[], options: SearchOptions = {}): EqlSearchResponse =>
  search(query, events, options);

describe('sequence executor', () => {
  const events = [
    ev(1, { n: 'a1', user: 'x', tag: 'A' }),
    ev(2, { n: 'a2', user: 'y', tag: 'A' }),
    ev(3, { n: 'b3', user: 'y', tag: 'B' }),
    ev(5, { n: 'b5', user: 'x', tag: 'B' }),
    ev(9, { n: 'a9', user: 'x', tag: 'A' }),
    ev(20, { n: 'b20', user: 'x', tag: 'B' }),
  ];
  const query = 'sequence by user [process where tag == "A"] [process where tag == "B"]';

  it('returns join keys and events in the Elasticsearch shape', () => {
    const response = run(query, events);
    expect(response.hits.total).toEqual({ value: 3, relation: 'eq' });
    expect(response.hits.sequences?.[0]).toEqual({
      join_keys: ['y'],
      events: [
        { _index: 'test', _id: events[1]?._id, _source: events[1]?._source },
        { _index: 'test', _id: events[2]?._id, _source: events[2]?._source },
      ],
    });
    expect(names(response)).toEqual([
      ['a2', 'b3'],
      ['a1', 'b5'],
      ['a9', 'b20'],
    ]);
  });

  it('gives the same result for shuffled and presorted input', () => {
    const shuffled = [events[4], events[0], events[5], events[2], events[3], events[1]] as EqlEvent[];
    expect(names(run(query, shuffled))).toEqual(names(run(query, events, { presorted: true })));
  });

  it('applies maxspan, head/tail pipes and size', () => {
    expect(
      names(
        run(
          `sequence by user with maxspan=5ms [process where tag == "A"] [process where tag == "B"]`,
          events,
        ),
      ),
    ).toEqual([
      ['a2', 'b3'],
      ['a1', 'b5'],
    ]);
    expect(names(run(`${query} | tail 2`, events))).toEqual([
      ['a1', 'b5'],
      ['a9', 'b20'],
    ]);
    expect(names(run(`${query} | head 2 | tail 1`, events))).toEqual([['a1', 'b5']]);
    expect(names(run(query, events, { size: 1, resultPosition: 'tail' }))).toEqual([['a9', 'b20']]);
    expect(names(run(query, events, { size: 1, presorted: true }))).toEqual([['a9', 'b20']]);
    expect(names(run(query, events, { size: 1, presorted: true, resultPosition: 'head' }))).toEqual([
      ['a2', 'b3'],
    ]);
  });

  it('omits join_keys for a sequence without keys', () => {
    const response = run('sequence [process where n == "a1"] [process where n == "b3"]', events);
    expect(response.hits.sequences).toEqual([
      {
        events: [
          expect.objectContaining({ _id: events[0]?._id }),
          expect.objectContaining({ _id: events[2]?._id }),
        ],
      },
    ]);
  });

  it('honours until', () => {
    const withStop = [...events.slice(0, 3), ev(4, { n: 'stop', user: 'x', tag: 'S' }), ...events.slice(3)];
    const q = `${query} until [process where tag == "S"]`;
    expect(names(run(q, withStop))).toEqual([
      ['a2', 'b3'],
      ['a9', 'b20'],
    ]);
  });

  it('joins each value of a multi-valued key on its own', () => {
    const multi = [
      ev(1, { n: 'a', tags: ['t2', 't1', 't1'], tag: 'A' }),
      ev(2, { n: 'b', tags: ['t1', 't3', 't2'], tag: 'B' }),
    ];
    const response = run('sequence by tags [process where tag == "A"] [process where tag == "B"]', multi);
    expect(response.hits.sequences?.map((s) => s.join_keys)).toEqual([['t1'], ['t2']]);
  });

  it('joins null keys only when the key is optional', () => {
    const data = [ev(1, { n: 'a', tag: 'A' }), ev(2, { n: 'b', tag: 'B' })];
    expect(
      names(run('sequence by user [process where tag == "A"] [process where tag == "B"]', data)),
    ).toEqual([]);
    const response = run('sequence by ?user [process where tag == "A"] [process where tag == "B"]', data);
    expect(response.hits.sequences?.map((s) => s.join_keys)).toEqual([[null]]);
  });

  it('skips events without a usable timestamp', () => {
    const data = [ev('not a date', { n: 'a', tag: 'A' }), ev(2, { n: 'b', tag: 'B' })];
    expect(names(run('sequence [process where tag == "A"] [process where tag == "B"]', data))).toEqual([]);
  });

  it('exposes the matcher counters', () => {
    const executor = compile(query).executor({ presorted: true }) as SequenceQueryExecutor;
    for (const event of events) executor.push(event);
    executor.finish();
    expect(executor.stats).toMatchObject({ completed: 3, pending: 0, pendingMax: 2 });
  });
});

describe('sequence executor: missing events', () => {
  const t = (ms: number): string => new Date(Date.UTC(2024, 0, 1) + ms).toISOString();
  const data = [
    ev(t(0), { n: 'n1', tag: 'normal' }),
    ev(t(1), { n: 'n2', tag: 'normal' }),
    ev(t(2), { n: 'm3', tag: 'missing' }),
    ev(t(3), { n: 'n4', tag: 'normal' }),
  ];

  it('returns placeholders exactly as Elasticsearch does', () => {
    const response = run(
      'sequence with maxspan=1s [process where tag == "normal"] ![process where tag == "nope"] [process where tag == "normal"]',
      data,
    );
    expect(response.hits.sequences?.[0]?.events[1]).toEqual({
      _index: '',
      _id: '',
      _source: {},
      missing: true,
    });
    expect(names(response)).toEqual([
      ['n1', '-', 'n2'],
      ['n2', '-', 'n4'],
    ]);
  });

  it('drops a sequence with a missing-stage event in its gap', () => {
    const response = run(
      'sequence with maxspan=1s [process where tag == "normal"] ![process where tag == "missing"] [process where tag == "normal"]',
      data,
    );
    expect(names(response)).toEqual([['n1', '-', 'n2']]);
  });

  it('checks trailing missing events against maxspan', () => {
    const q = 'sequence with maxspan=1s [process where tag == "normal"] ![process where tag == "missing"]';
    expect(names(run(q, data))).toEqual([['n4', '-']]);
    expect(names(run(q, data, { presorted: true }))).toEqual([['n4', '-']]);
  });
});

describe('sequence executor with many terms', () => {
  it('matches sequences of more terms than the filter bitmask holds, sorted or not', () => {
    const count = 33;
    const terms = Array.from({ length: count }, (_, i) => `[process where x == ${i}]`).join(' ');
    const query = `sequence by u ${terms} until [process where x == -1]`;
    const events = Array.from({ length: count }, (_, i) => ev(i + 1, { x: i, u: 'a', n: `e${i}` }));
    const expected = [events.map((e) => String(e._source.n))];
    expect(names(run(query, [...events].reverse()))).toEqual(expected);
    expect(names(run(query, events, { presorted: true }))).toEqual(expected);
    const cut = [...events.slice(0, 20), ev(20.5, { x: -1, u: 'a', n: 'stop' }), ...events.slice(20)];
    expect(names(run(query, cut.reverse()))).toEqual([]);
  });
});

describe('join keys of hostile events', () => {
  it('fails, located at the key field, past 10,000 key combinations in one event', () => {
    const values = (prefix: string) => Array.from({ length: 101 }, (_, i) => `${prefix}${i}`);
    // 101 × 101 = 10,201 combinations of `a` and `b`: over the limit.
    const event = ev(1, { n: 'x', a: values('a'), b: values('b') });
    const query = 'sequence by a, b [process where true] [process where true]';
    expect(() => run(query, [event])).toThrow(/more than 10000 join key combinations/);
    try {
      run(query, [event]);
    } catch (error) {
      expect((error as { code?: string; range?: unknown }).code).toBe('EQL_EVALUATION');
      expect((error as { range?: unknown }).range).toEqual({ start: 15, end: 16 });
    }
    // 100 × 100 = 10,000 is within it.
    const fine = ev(2, { n: 'y', a: values('a').slice(0, 100), b: values('b').slice(0, 100) });
    expect(run(query, [fine]).hits.total).toEqual({ value: 0, relation: 'eq' });
  });
});

describe('presorted input with verifyOrder', () => {
  const query = 'sequence by user [process where tag == "A"] [process where tag == "B"] | head 1';
  const sorted = () => [
    ev(1, { n: 'a1', user: 'x', tag: 'A' }),
    ev(2, { n: 'b2', user: 'x', tag: 'B' }),
    ev(3, { n: 'z3', user: 'x', tag: 'Z' }),
    ev(4, { n: 'a4', user: 'y', tag: 'A' }),
    ev(5, { n: 'b5', user: 'y', tag: 'B' }),
  ];

  function feedAll(events: EqlEvent[]): SequenceQueryExecutor {
    const executor = compile(query).executor({ presorted: true, verifyOrder: true }) as SequenceQueryExecutor;
    for (const event of events) {
      executor.push(event);
      if (executor.done) break;
    }
    return executor;
  }

  it('streams sorted input to the end (no early stop) and answers as the sorting path does', () => {
    const executor = feedAll(sorted());
    expect(executor.done).toBe(false);
    expect(executor.unsorted).toBe(false);
    expect(names(executor.finish())).toEqual([['a1', 'b2']]);
    expect(names(run(query, sorted().reverse()))).toEqual([['a1', 'b2']]);
  });

  it('flags the first used event that sorts before an earlier one, and ignores unused ones', () => {
    const events = sorted();
    // An event no term takes may be anywhere; one the query uses may not.
    const unused = feedAll([
      ...events.slice(0, 4),
      ev(0, { n: 'z0', user: 'x', tag: 'Z' }),
      ...events.slice(4),
    ]);
    expect(unused.unsorted).toBe(false);
    const used = feedAll([
      ...events.slice(0, 4),
      ev(0, { n: 'a0', user: 'x', tag: 'A' }),
      ...events.slice(4),
    ]);
    expect([used.unsorted, used.done]).toEqual([true, true]);
  });

  it('search() runs unsorted input again, sorting, even from a one-shot iterable', () => {
    const shuffled = [...sorted()].reverse();
    const once = function* () {
      yield* shuffled;
    };
    const options = { presorted: true, verifyOrder: true };
    expect(names(search(query, once(), options))).toEqual([['a1', 'b2']]);
    expect(names(search(query, shuffled, options))).toEqual([['a1', 'b2']]);
  });
});
