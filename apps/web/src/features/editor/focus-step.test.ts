import { describe, expect, it } from 'vitest';
import { neighbourOf } from './focus-step.js';

// Positions stand in for document order; 10..19 is "inside" the editor at 10.
const order = [1, 2, 10, 11, 12, 20, 21];
const inside = (n: number) => n >= 10 && n < 20;
const after = (n: number) => n >= 20;

describe('neighbourOf', () => {
  it('steps forward past everything inside the container', () => {
    expect(neighbourOf(10, order, inside, after, false)).toBe(20);
  });

  it('steps backward to the last element before the container', () => {
    expect(neighbourOf(10, order, inside, after, true)).toBe(2);
  });

  it('finds nothing at either end of the page', () => {
    expect(neighbourOf(10, [10, 11], inside, after, false)).toBeUndefined();
    expect(neighbourOf(10, [10, 11, 20], inside, after, true)).toBeUndefined();
  });
});
