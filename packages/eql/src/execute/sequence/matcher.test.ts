import { describe, expect, it } from 'vitest';
import { SequenceMatcher, type SequenceMatcherConfig } from './matcher.js';

/** One input event: its name, timestamp, the stages it fills, and its key (default ''). */
interface In {
  readonly name: string;
  readonly ts: number;
  readonly stages?: readonly number[];
  readonly missing?: readonly number[];
  readonly until?: boolean;
  readonly key?: string;
}

function run(
  config: SequenceMatcherConfig,
  events: readonly In[],
): { matches: string[]; matcher: SequenceMatcher<string> } {
  const matcher = new SequenceMatcher<string>(config);
  for (const e of events) {
    const pos = matcher.advance(e.ts);
    const key = { id: e.key ?? '', values: e.key === undefined ? [] : [e.key] };
    for (const stage of [...(e.stages ?? [])].sort((a, b) => b - a))
      matcher.match(stage, key, { event: e.name, ts: e.ts, pos });
    for (const stage of e.missing ?? []) matcher.missingEvent(stage, key.id, e.ts);
    if (e.until) matcher.until(key.id);
  }
  matcher.finish();
  const matches = matcher.completed().map((s) => s.matches.map((m) => m?.event ?? '-').join(' '));
  return { matches, matcher };
}

describe('SequenceMatcher: maxspan', () => {
  it('keeps a sequence exactly maxspan long and drops a longer one', () => {
    const events: In[] = [
      { name: 'a0', ts: 0, stages: [0] },
      { name: 'b10', ts: 10, stages: [1] },
      { name: 'a20', ts: 20, stages: [0] },
      { name: 'b31', ts: 31, stages: [1] },
    ];
    const { matches, matcher } = run({ stages: 2, maxspan: 10 }, events);
    expect(matches).toEqual(['a0 b10']);
    // a20 expired: pruned before b31 arrives, so it is neither pending nor matched.
    expect(matcher.stats.pending).toBe(0);
  });

  it('measures maxspan from the first event, not the previous one', () => {
    const events: In[] = [
      { name: 'a0', ts: 0, stages: [0] },
      { name: 'b6', ts: 6, stages: [1] },
      { name: 'c12', ts: 12, stages: [2] },
    ];
    expect(run({ stages: 3, maxspan: 10 }, events).matches).toEqual([]);
    expect(run({ stages: 3, maxspan: 12 }, events).matches).toEqual(['a0 b6 c12']);
  });

  it('prunes expired pending sequences, keeping state bounded', () => {
    const events: In[] = [];
    for (let i = 0; i < 1000; i++) events.push({ name: `a${i}`, ts: i * 10, stages: [0], key: `k${i}` });
    const { matcher } = run({ stages: 2, maxspan: 50 }, events);
    expect(matcher.stats.pending).toBeLessThanOrEqual(12);
    expect(matcher.stats.pendingMax).toBeLessThanOrEqual(12);
  });
});

describe('SequenceMatcher: until', () => {
  it('expires a sequence when the until event falls between its events', () => {
    const events: In[] = [
      { name: 'a1', ts: 1, stages: [0] },
      { name: 'u2', ts: 2, until: true },
      { name: 'b3', ts: 3, stages: [1] },
      { name: 'a4', ts: 4, stages: [0] },
      { name: 'b5', ts: 5, stages: [1] },
      { name: 'u6', ts: 6, until: true },
    ];
    expect(run({ stages: 2, maxspan: null }, events).matches).toEqual(['a4 b5']);
  });

  it('only expires sequences of the same key', () => {
    const events: In[] = [
      { name: 'a1', ts: 1, stages: [0], key: 'x' },
      { name: 'a2', ts: 2, stages: [0], key: 'y' },
      { name: 'u3', ts: 3, until: true, key: 'x' },
      { name: 'b4', ts: 4, stages: [1], key: 'x' },
      { name: 'b5', ts: 5, stages: [1], key: 'y' },
    ];
    expect(run({ stages: 2, maxspan: null }, events).matches).toEqual(['a2 b5']);
  });

  it('lets a sequence step into an until event but not out of it', () => {
    const events: In[] = [
      { name: 'a1', ts: 1, stages: [0] },
      { name: 'b2', ts: 2, stages: [1], until: true },
      { name: 'c3', ts: 3, stages: [2] },
    ];
    expect(run({ stages: 3, maxspan: null }, events).matches).toEqual([]);
    expect(run({ stages: 2, maxspan: null }, events.slice(0, 2)).matches).toEqual(['a1 b2']);
  });
});

describe('SequenceMatcher: stages and keys', () => {
  it('never lets one event fill two consecutive stages (runs)', () => {
    const events: In[] = [1, 2, 3, 4].map((ts) => ({ name: `e${ts}`, ts, stages: [0, 1, 2] }));
    expect(run({ stages: 3, maxspan: null }, events).matches).toEqual(['e1 e2 e3', 'e2 e3 e4']);
  });

  it('orders results by their last event, then first event', () => {
    const events: In[] = [
      { name: 'a1', ts: 1, stages: [0], key: 'x' },
      { name: 'a2', ts: 2, stages: [0], key: 'y' },
      { name: 'b3', ts: 3, stages: [1], key: 'y' },
      { name: 'b4', ts: 4, stages: [1], key: 'x' },
    ];
    expect(run({ stages: 2, maxspan: null }, events).matches).toEqual(['a2 b3', 'a1 b4']);
  });

  it('orders sequences completed by one event by key', () => {
    const matcher = new SequenceMatcher<string>({ stages: 2, maxspan: null });
    const keys = ['tag4', 'tag10', 'tag3'].map((k) => ({ id: k, values: [k] }));
    let pos = matcher.advance(1);
    for (const key of keys) matcher.match(0, key, { event: 'a', ts: 1, pos });
    pos = matcher.advance(2);
    for (const key of keys) matcher.match(1, key, { event: 'b', ts: 2, pos });
    expect(matcher.completed().map((s) => s.key.values[0])).toEqual(['tag10', 'tag3', 'tag4']);
  });
});

describe('SequenceMatcher: missing events', () => {
  const cfg = (missing: boolean[], maxspan = 100): SequenceMatcherConfig => ({
    stages: missing.length,
    missing,
    maxspan,
  });

  it('rejects a middle missing event strictly between its neighbours', () => {
    const base: In[] = [
      { name: 'a10', ts: 10, stages: [0] },
      { name: 'm15', ts: 15, missing: [1] },
      { name: 'b20', ts: 20, stages: [2] },
    ];
    expect(run(cfg([false, true, false]), base).matches).toEqual([]);
    const sameTs: In[] = [base[0] as In, { name: 'm20', ts: 20, missing: [1] }, base[2] as In];
    expect(run(cfg([false, true, false]), sameTs).matches).toEqual(['a10 - b20']);
  });

  it('still moves a rejected sequence through the stages (it occupies them)', () => {
    const events: In[] = [
      { name: 'a1', ts: 1, stages: [0] },
      { name: 'm2', ts: 2, missing: [1] },
      { name: 'b3', ts: 3, stages: [2] },
      { name: 'b4', ts: 4, stages: [2] },
    ];
    // b3 consumes a1's doomed sequence, so b4 finds nothing: no match at all.
    expect(run(cfg([false, true, false]), events).matches).toEqual([]);
  });

  it('compares a leading missing event with maxspan from the last positive event', () => {
    const events: In[] = [
      { name: 'm0', ts: 0, missing: [0] },
      { name: 'a50', ts: 50, stages: [1] },
      { name: 'a150', ts: 150, stages: [1] },
      { name: 'm160', ts: 160, missing: [0] },
      { name: 'a160', ts: 160, stages: [1] },
    ];
    // a50: m0 is 50 before → rejected; a150: 150 > 100 → kept; a160: m160 is not before it → m0 → kept.
    expect(run(cfg([true, false]), events).matches).toEqual(['- a150', '- a160']);
  });

  it('waits for a trailing missing event within maxspan of the start', () => {
    const events: In[] = [
      { name: 'a0', ts: 0, stages: [0] },
      { name: 'm50', ts: 50, missing: [1] },
      { name: 'a200', ts: 200, stages: [0] },
      { name: 'm301', ts: 301, missing: [1] },
      { name: 'a400', ts: 400, stages: [0] },
    ];
    expect(run(cfg([false, true]), events).matches).toEqual(['a200 -', 'a400 -']);
  });

  it('with leading and trailing missing stages, compares the two missing events', () => {
    const events: In[] = [
      { name: 'm0', ts: 0, missing: [0, 2] },
      { name: 'a40', ts: 40, stages: [1] },
      { name: 'm101', ts: 101, missing: [0, 2] },
    ];
    expect(run(cfg([true, false, true]), events).matches).toEqual(['- a40 -']);
    expect(run(cfg([true, false, true], 101), events).matches).toEqual([]);
  });

  it('requires maxspan', () => {
    expect(() => new SequenceMatcher({ stages: 2, missing: [false, true], maxspan: null })).toThrow(
      'Missing events require maxspan',
    );
  });
});
