import { describe, expect, it } from 'vitest';
import { describeSchedule, durationMillis, formatDuration } from './schedule.js';

describe('durationMillis', () => {
  it('reads intervals and date-math look-backs', () => {
    expect(durationMillis('5m')).toBe(300_000);
    expect(durationMillis('now-9m')).toBe(540_000);
    expect(durationMillis('30s')).toBe(30_000);
    expect(durationMillis('1h')).toBe(3_600_000);
  });

  it('returns null for what it cannot read', () => {
    expect(durationMillis(undefined)).toBeNull();
    expect(durationMillis('now-1M/d')).toBeNull();
  });
});

describe('formatDuration', () => {
  it('uses the largest exact unit', () => {
    expect(formatDuration(240_000)).toBe('4m');
    expect(formatDuration(90_000)).toBe('90s');
    expect(formatDuration(7_200_000)).toBe('2h');
    expect(formatDuration(1500)).toBe('1500ms');
  });
});

describe('describeSchedule', () => {
  it('labels the seed rule schedule as the header shows it', () => {
    const s = describeSchedule('5m', 'now-9m', 100);
    expect(s.label).toBe('every 5m, look-back now-9m');
    expect(s.detail).toBe(
      'Runs every 5m and searches events from now-9m to now. Each run overlaps the previous one by 4m. At most 100 alerts per run.',
    );
  });

  it('flags a look-back shorter than the interval', () => {
    expect(describeSchedule('10m', 'now-5m').detail).toBe(
      'Runs every 10m and searches events from now-5m to now. Gap: 5m between runs is never searched.',
    );
  });

  it('falls back to Kibana defaults', () => {
    expect(describeSchedule(undefined, undefined).label).toBe('every 5m, look-back now-6m');
  });
});
