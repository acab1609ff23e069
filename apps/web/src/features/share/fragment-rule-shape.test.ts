import { describe, expect, it } from 'vitest';
import { checkFragmentState, decodeFragment, encodeFragment } from './fragment-codec.js';
import type { FragmentState } from './types.js';

const state = (rule: Record<string, unknown>) => ({
  v: 1,
  rule,
  query: 'any where true',
  corpus: null,
  options: {},
  selection: {},
  events: [],
});

describe('fragment links carrying a hostile rule', () => {
  it('refuses rule fields of the wrong type, naming the field', () => {
    const refused = (rule: Record<string, unknown>) => {
      try {
        checkFragmentState(state(rule));
      } catch (error) {
        return (error as Error).message;
      }
      return 'accepted';
    };
    expect(refused({ name: { a: 1 } })).toBe(
      "the link's rule is not valid: rule.name: expected a string, found a table",
    );
    expect(refused({ name: 'x', tags: 'str' })).toBe(
      "the link's rule is not valid: rule.tags: expected an array of strings, found a string",
    );
    expect(refused({ name: 'x', meta: JSON.parse(`${'['.repeat(3_000)}${']'.repeat(3_000)}`) })).toBe(
      "the link's rule is not valid: rule.meta: nests deeper than 100 levels",
    );
  });

  it('keeps a rule whose guide is merely hostile text (rendering bounds it)', async () => {
    const rule = { name: 'Deep quotes', note: `${'>'.repeat(20_000)} x` };
    const decoded = await decodeFragment(await encodeFragment(state(rule) as FragmentState));
    expect(decoded.rule).toEqual(rule);
  });
});
