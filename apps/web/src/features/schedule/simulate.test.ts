import { describe, expect, it } from 'vitest';
import { bucketRuns, simulateSchedule } from './simulate.js';

const MIN = 60_000;

describe('simulateSchedule', () => {
  it('alerts once per event even when look-backs overlap', () => {
    const result = simulateSchedule({
      intervalMs: 5 * MIN,
      lookbackMs: 9 * MIN,
      maxSignals: 100,
      start: 0,
      end: 20 * MIN,
      matches: [
        { id: 'a', ts: 1 * MIN },
        { id: 'b', ts: 6 * MIN },
        { id: 'c', ts: 12 * MIN },
      ],
    });
    expect(result.runCount).toBe(5);
    expect(result.runs).toEqual([
      { at: 5 * MIN, alerts: 1, capped: false },
      { at: 10 * MIN, alerts: 1, capped: false },
      { at: 15 * MIN, alerts: 1, capped: false },
    ]);
    expect(result.totalAlerts).toBe(3);
    expect(result.overlapMs).toBe(4 * MIN);
    expect(result.gapMs).toBe(0);
    expect(result.missed).toEqual([]);
  });

  it('misses events that fall in gaps when the look-back is shorter than the interval', () => {
    const result = simulateSchedule({
      intervalMs: 10 * MIN,
      lookbackMs: 5 * MIN,
      maxSignals: 100,
      start: 0,
      end: 30 * MIN,
      matches: [
        { id: 'in-window', ts: 8 * MIN },
        { id: 'in-gap', ts: 13 * MIN },
      ],
    });
    expect(result.gapMs).toBe(5 * MIN);
    expect(result.missed.map((m) => m.id)).toEqual(['in-gap']);
  });

  it('caps alerts per run and lets a later overlapping run pick up the rest', () => {
    const matches = Array.from({ length: 5 }, (_, i) => ({ id: `e${i}`, ts: 4 * MIN + i }));
    const result = simulateSchedule({
      intervalMs: 5 * MIN,
      lookbackMs: 9 * MIN,
      maxSignals: 3,
      start: 0,
      end: 20 * MIN,
      matches,
    });
    expect(result.runs).toEqual([
      { at: 5 * MIN, alerts: 3, capped: true },
      { at: 10 * MIN, alerts: 2, capped: false },
    ]);
    expect(result.cappedRuns).toBe(1);
    expect(result.missed).toEqual([]);
  });
});

describe('bucketRuns', () => {
  it('sums alerts per bucket and flags capped buckets', () => {
    const buckets = bucketRuns(
      [
        { at: 0, alerts: 2, capped: false },
        { at: 9, alerts: 1, capped: true },
        { at: 10, alerts: 4, capped: false },
      ],
      0,
      20,
      2,
    );
    expect(buckets).toEqual([
      { from: 0, alerts: 3, capped: true },
      { from: 10, alerts: 4, capped: false },
    ]);
  });
});
