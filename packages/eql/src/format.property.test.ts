/**
 * `format` round trips, checked on what the engine really meets: `format(parse(q))` parses back
 * to the same tree (locations aside) and evaluates to the same result — for generated
 * conditions over events, every EQL rule in ../shared/rules, and every query and expression of
 * the conformance suites in ../shared/eql-conformance (run over their own data).
 */

import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stripLoc } from '../test/ast-utils.js';
import { allSuites } from '../test/conformance/harness.js';
import { condition, eventSource } from '../test/differential/arbitraries.js';
import { compileEveryWay, verdicts } from '../test/differential/paths.js';
import { ruleQueries } from '../test/queries.js';
import { readToml, sharedPath } from '../test/shared.js';
import { search } from './execute/compile.js';
import { format } from './format.js';
import { parse, parseExpression } from './parser.js';

const RUNS = Number(process.env.EQL_DIFF_RUNS ?? 300);
/** Hunting with many runs takes longer than the default test timeout. */
const TIMEOUT = Math.max(30_000, RUNS * 10);

function expectRoundTrip(source: string, parseText: (text: string) => unknown = parse): string {
  const ast = parseText(source) as Parameters<typeof format>[0];
  const printed = format(ast);
  expect(stripLoc(parseText(printed)), `${source}\nprinted as\n${printed}`).toEqual(stripLoc(ast));
  return printed;
}

describe('format round trip on generated conditions', () => {
  it(
    're-parses to the same tree and gives the same verdicts',
    () => {
      fc.assert(
        fc.property(condition, fc.array(eventSource, { minLength: 1, maxLength: 3 }), (text, events) => {
          const original = compileEveryWay(text);
          if (original === undefined) return;
          const printed = expectRoundTrip(original.query);
          const reformatted = compileEveryWay(printed.replace(/^any where /, ''));
          expect(reformatted, printed).toBeDefined();
          if (reformatted === undefined) return;
          for (const source of events) {
            // Error messages quote the query text, which formatting changes: compare their kind only.
            const strip = (v: unknown): unknown =>
              typeof v === 'string' ? v.replace(/^(error: ).*$/, '$1') : v;
            const expected = Object.values(verdicts(original, source)).map(strip);
            expect(Object.values(verdicts(reformatted, source)).map(strip), printed).toEqual(expected);
          }
        }),
        { numRuns: RUNS },
      );
    },
    TIMEOUT,
  );
});

const rules = ruleQueries();
const suites = allSuites();
const stringFunctions = sharedPath('eql-conformance', 'es-unit', 'test_string_functions.toml');

describe('format round trip on real queries', () => {
  it.skipIf(rules.length === 0)('every EQL rule re-parses to the same tree', () => {
    // Of the 487 rules in ../shared/rules, 391 are EQL (its README); fewer would mean a reading problem.
    expect(rules.length).toBeGreaterThanOrEqual(391);
    for (const { name, query } of rules) expect(() => expectRoundTrip(query), name).not.toThrow();
  });

  it.skipIf(suites.length === 0)(
    'every conformance query re-parses to the same tree and finds the same hits',
    () => {
      let count = 0;
      for (const suite of suites) {
        for (const { name, query } of suite.queries) {
          const printed = expectRoundTrip(query);
          const run = (text: string): unknown => {
            try {
              return search(text, suite.events, suite.options).hits;
            } catch (error) {
              return { error: (error as Error).name };
            }
          };
          expect(run(printed), `${suite.file}: ${name}\n${printed}`).toEqual(run(query));
          count++;
        }
      }
      expect(count).toBeGreaterThan(150);
    },
  );

  it.skipIf(stringFunctions === null)(
    'every test_string_functions.toml expression re-parses to the same tree',
    () => {
      const text = stringFunctions === null ? '' : readFileSync(stringFunctions, 'utf8');
      // Cheap check that the reader below sees the file the conformance test reads.
      expect(text).toContain('[[startswith_case_sensitive.tests]]');
      const toml = stringFunctions === null ? {} : readToml(stringFunctions);
      const expressions: string[] = [];
      const collect = (value: unknown): void => {
        if (Array.isArray(value)) value.forEach(collect);
        else if (value !== null && typeof value === 'object') {
          for (const [key, item] of Object.entries(value)) {
            if (key === 'expression' && typeof item === 'string') expressions.push(item);
            else collect(item);
          }
        }
      };
      collect(toml);
      expect(expressions.length).toBe(92);
      for (const expression of expressions) {
        let parsed = true;
        try {
          parseExpression(expression);
        } catch {
          parsed = false; // a verifier-failure case may not even parse: nothing to print
        }
        if (parsed) expectRoundTrip(expression, parseExpression);
      }
    },
  );
});
