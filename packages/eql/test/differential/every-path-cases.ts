/**
 * A table of `[condition, _source, expected]` cases, each a test that runs the condition through
 * every evaluation path (generated code, closures, executors, explain) and expects them all to
 * give `expected`: for semantics facts that must hold however a condition ends up compiled.
 */

import { expect, it } from 'vitest';
import { compileEveryWay, verdicts } from './paths.js';

export type EveryPathCase = readonly [condition: string, source: Record<string, unknown>, expected: boolean];

export function everyPathCases(list: readonly EveryPathCase[]): void {
  for (const [condition, source, expected] of list) {
    it(`${condition} on ${JSON.stringify(source)} is ${expected}`, () => {
      const compiled = compileEveryWay(condition);
      expect(compiled, condition).toBeDefined();
      if (compiled === undefined) return;
      const all = new Set(Object.values(verdicts(compiled, source)));
      expect([...all], `${condition} on ${JSON.stringify(source)}`).toEqual([expected]);
    });
  }
}
