import { describe, expect, it } from 'vitest';
import { plural } from './plural.js';

describe('plural', () => {
  it('uses the singular for exactly one', () => {
    expect(plural(1, 'warning')).toBe('1 warning');
    expect(plural(1, 'match', 'matches')).toBe('1 match');
  });

  it('uses the plural for zero and many, with grouped digits', () => {
    expect(plural(0, 'error')).toBe('0 errors');
    expect(plural(2, 'run')).toBe('2 runs');
    expect(plural(1290, 'match', 'matches')).toBe('1,290 matches');
  });
});
