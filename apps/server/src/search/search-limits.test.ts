import { compile } from '@rulebench/eql';
import { describe, expect, it } from 'vitest';
import { checkResponseSize, eventsPerResult, SearchDeadline } from './search-limits.js';

const stages = (n: number) => `sequence ${'[any where true] '.repeat(n)}`;

describe('search cost limits', () => {
  it('counts the events of one result: stages (with runs) for sequences, terms for samples', () => {
    expect(eventsPerResult(compile('any where true').ast)).toBe(1);
    expect(eventsPerResult(compile(stages(60)).ast)).toBe(60);
    expect(eventsPerResult(compile('sequence [any where true] with runs=3 [any where true]').ast)).toBe(4);
    expect(eventsPerResult(compile('sample by host.name [any where true] [any where true]').ast)).toBe(2);
  });

  it('refuses size × stages over the limit before running, and lets head pipes lower it', () => {
    expect(() => checkResponseSize(compile(stages(60)), 10_000, 10_000)).toThrow(
      'the response could hold 600000 events (size 10000 × 60 events per result); the limit is 10000 events per search: lower size',
    );
    expect(() => checkResponseSize(compile(stages(60)), 100, 10_000)).not.toThrow();
    expect(() => checkResponseSize(compile(`${stages(60)} | head 10`), 10_000, 10_000)).not.toThrow();
    expect(() => checkResponseSize(compile('any where true'), 10_000, 10_000)).not.toThrow();
  });

  it('stops a search past its time budget with a clear message', () => {
    const spent = new SearchDeadline(10_000, Date.now() - 20_000);
    expect(() => spent.check()).toThrow(
      'the search ran longer than 10 s and was stopped; narrow the query (a filter, a shorter maxspan, fewer stages) or raise SEARCH_TIMEOUT_SECONDS',
    );
    const fresh = new SearchDeadline(10_000);
    for (let i = 0; i < 10_000; i++) fresh.tick();
  });
});
