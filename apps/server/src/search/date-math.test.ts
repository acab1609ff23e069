import { describe, expect, it } from 'vitest';
import { resolveDateMath } from './date-math.js';

const NOW = Date.UTC(2024, 2, 13, 15, 47, 30, 250); // a Wednesday

describe('resolveDateMath', () => {
  it('resolves now-relative expressions', () => {
    expect(resolveDateMath('now', NOW)).toBe(NOW);
    expect(resolveDateMath('now-9m', NOW)).toBe(NOW - 9 * 60_000);
    expect(resolveDateMath('now+1h-30s', NOW)).toBe(NOW + 3_600_000 - 30_000);
    expect(resolveDateMath('now-1M', NOW)).toBe(Date.UTC(2024, 1, 13, 15, 47, 30, 250));
  });

  it('rounds down to a unit', () => {
    expect(resolveDateMath('now/d', NOW)).toBe(Date.UTC(2024, 2, 13));
    expect(resolveDateMath('now/M', NOW)).toBe(Date.UTC(2024, 2, 1));
    expect(resolveDateMath('now/w', NOW)).toBe(Date.UTC(2024, 2, 11));
    expect(resolveDateMath('now-1d/d', NOW)).toBe(Date.UTC(2024, 2, 12));
  });

  it('anchors on a date with ||', () => {
    expect(resolveDateMath('2024-03-01T10:00:00Z||+1d', NOW)).toBe(Date.UTC(2024, 2, 2, 10));
    expect(resolveDateMath('2024-03-01T10:00:00Z', NOW)).toBe(Date.UTC(2024, 2, 1, 10));
    expect(resolveDateMath(1709287205000, NOW)).toBe(1709287205000);
  });

  it('returns undefined for anything else', () => {
    expect(resolveDateMath('now-9x', NOW)).toBeUndefined();
    expect(resolveDateMath('yesterday', NOW)).toBeUndefined();
    expect(resolveDateMath(null, NOW)).toBeUndefined();
  });
});
