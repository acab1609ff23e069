/**
 * Real queries: every EQL detection rule in ../shared/rules and every active query of the
 * Elasticsearch QA suites must parse and verify without a single error.
 */

import { describe, expect, it } from 'vitest';
import { check, parseWithDiagnostics } from '../src/index.js';
import { type NamedQuery, qaQueries, ruleQueries } from './queries.js';
import { sharedPath } from './shared.js';

const rulesDir = sharedPath('rules', 'rules');
const qaDir = sharedPath('eql-conformance', 'es-qa');

/** Every `loc` in the tree, found by walking all object properties. */
function locations(value: unknown, found: unknown[] = []): unknown[] {
  if (Array.isArray(value)) for (const item of value) locations(item, found);
  else if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      if (key === 'loc') found.push(item);
      else locations(item, found);
    }
  }
  return found;
}

function problems(queries: readonly NamedQuery[], verify: boolean): string[] {
  const failures: string[] = [];
  for (const { name, query } of queries) {
    const { errors } = verify ? check(query) : parseWithDiagnostics(query);
    for (const error of errors) failures.push(`${name} ${error.line}:${error.column} ${error.message}`);
  }
  return failures;
}

describe.skipIf(rulesDir === null)('EQL detection rules in ../shared/rules', () => {
  const rules = ruleQueries(rulesDir);

  it('finds the EQL rules', () => {
    expect(rules.length).toBe(391);
  });

  it('parses every rule query with no error', () => {
    expect(problems(rules, false)).toEqual([]);
  });

  it('verifies every rule query with no error', () => {
    expect(problems(rules, true)).toEqual([]);
  });

  it('gives every node a plain, ordered, in-bounds source range', () => {
    const bad: string[] = [];
    for (const { name, query } of rules) {
      for (const loc of locations(parseWithDiagnostics(query).ast)) {
        const { start, end, ...rest } = loc as { start: number; end: number };
        if (Object.keys(rest).length > 0 || !(start >= 0 && start <= end && end <= query.length)) {
          bad.push(`${name}: ${JSON.stringify(loc)}`);
        }
      }
    }
    expect(bad).toEqual([]);
  });
});

describe.skipIf(qaDir === null)('Elasticsearch QA queries in ../shared/eql-conformance/es-qa', () => {
  const queries = qaQueries(qaDir);

  it('reads the 177 active queries', () => {
    expect(queries.length).toBe(177);
  });

  it('parses every active query with no error', () => {
    expect(problems(queries, false)).toEqual([]);
  });

  it('verifies every active query with no error', () => {
    expect(problems(queries, true)).toEqual([]);
  });
});
