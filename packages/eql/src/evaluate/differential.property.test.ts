/**
 * Differential property test of the engine's evaluation paths: for generated conditions and
 * events, the generated filter, the closures, `compileCondition`, the executor with and without
 * code generation, and the root of the explanation tree must give the same verdict (match, no
 * match, or the same evaluation error), and the explanation tree must be consistent with itself.
 *
 * The runs are modest so the suite stays fast; hunt with more, e.g.
 * `EQL_DIFF_RUNS=20000 pnpm exec vitest run packages/eql/src/evaluate/differential.property.test.ts`.
 */

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { condition, eventSource } from '../../test/differential/arbitraries.js';
import { flatEvent, layoutChoice, renderLayout } from '../../test/differential/layouts.js';
import { compileEveryWay, explainInconsistencies, verdicts } from '../../test/differential/paths.js';
import { compileValue } from './compile-value.js';
import { explainExpression } from './explain.js';

const RUNS = Number(process.env.EQL_DIFF_RUNS ?? 400);
/** Hunting with many runs takes longer than the default test timeout. */
const TIMEOUT = Math.max(30_000, RUNS * 10);

describe('differential: generated code, closures, executors and explain agree', () => {
  it(
    'on generated conditions and events',
    () => {
      let compiled = 0;
      let generatedCode = 0;
      fc.assert(
        fc.property(condition, fc.array(eventSource, { minLength: 1, maxLength: 4 }), (text, events) => {
          const every = compileEveryWay(text);
          if (every === undefined) return;
          compiled++;
          if (every.generated !== undefined) generatedCode++;
          for (const source of events) {
            const all = verdicts(every, source);
            const context = `${every.query}\non ${JSON.stringify(source)}`;
            expect(all, context).toEqual({
              generated: all.closure,
              closure: all.closure,
              compileCondition: all.closure,
              searchWithCode: all.closure,
              searchWithoutCode: all.closure,
              explain: all.closure,
            });
            const root = explainExpression(every.condition, source, every.ctx);
            expect(explainInconsistencies(every.condition, root), context).toEqual([]);
          }
        }),
        { numRuns: RUNS },
      );
      // Most generated conditions verify, and most of those run as generated code.
      expect(compiled).toBeGreaterThan(RUNS / 2);
      expect(generatedCode).toBeGreaterThan(compiled / 3);
    },
    TIMEOUT,
  );
});

describe('differential: the same document written differently gives the same verdicts', () => {
  it(
    'whatever nesting or flat dotted keys the event uses, and however the query spells a path',
    () => {
      fc.assert(
        fc.property(condition, flatEvent, layoutChoice, layoutChoice, (text, event, first, second) => {
          const every = compileEveryWay(text);
          if (every === undefined) return;
          // `x.y` and `` `x.y` `` name the same field.
          const respelled = compileEveryWay(
            text.replaceAll('`x.y`', 'x.y').replaceAll(/(?<![`\w.])x\.y/g, '`x.y`'),
          );
          const one = renderLayout(event, first);
          const other = renderLayout(event, second);
          const expected = verdicts(every, one);
          const context = `${every.query}\non ${JSON.stringify(one)} and ${JSON.stringify(other)}`;
          expect(verdicts(every, other), context).toEqual(expected);
          if (respelled !== undefined)
            expect(verdicts(respelled, other), `${respelled.query}\n${context}`).toEqual(expected);
        }),
        { numRuns: RUNS },
      );
    },
    TIMEOUT,
  );
});

describe('differential: comparing a condition with a boolean literal', () => {
  // Elasticsearch rewrites `X == true`/`X != false` to `X` and `X == false`/`X != true` to
  // `not X` when X is a function (BooleanFunctionEqualsElimination); a field compared with
  // `true` is the same term query as the bare field.
  it(
    'is the condition itself, or its negation',
    () => {
      fc.assert(
        fc.property(condition, fc.array(eventSource, { minLength: 1, maxLength: 3 }), (text, events) => {
          const every = compileEveryWay(text);
          if (every === undefined) return;
          const node = every.condition;
          // Over `?optional` fields only, X may fold to the literal null before the rewrite.
          if (node.kind === 'Literal' || compileValue(node, every.ctx).foldable !== undefined) return;
          const same = [`(${text}) == true`];
          const negated: string[] = [];
          if (node.kind !== 'Field') {
            same.push(`(${text}) != false`, `true == (${text})`);
            negated.push(`(${text}) == false`, `(${text}) != true`, `not (${text})`);
          }
          const variants = [...same, ...negated].map((variant) => {
            const compiled = compileEveryWay(variant);
            expect(compiled, variant).toBeDefined();
            return { variant, compiled, negated: negated.includes(variant) };
          });
          for (const source of events) {
            const expected = verdicts(every, source).closure;
            if (typeof expected !== 'boolean') continue;
            for (const { variant, compiled, negated: isNegated } of variants) {
              if (compiled === undefined) continue;
              const got = verdicts(compiled, source).closure;
              expect(got, `${variant}\non ${JSON.stringify(source)}`).toBe(isNegated ? !expected : expected);
            }
          }
        }),
        { numRuns: RUNS },
      );
    },
    TIMEOUT,
  );
});
