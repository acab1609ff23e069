import { describe, expect, it } from 'vitest';
import { decodeKibanaNdjson } from '../src/kibana/decode.js';
import { decodeTomlRule } from '../src/toml/decode.js';

const HEADER =
  '{"rule_id":"0f93cb9a-1931-48c2-8cd0-00000000dddd","name":"deep","description":"d","type":"eql","language":"eql","query":"process where true","risk_score":21,"severity":"low"';

describe('values nesting without end', () => {
  it('refuses a 50,000-deep meta with a located error, and reads the next line', () => {
    const deep = `${HEADER},"meta":${'['.repeat(50_000)}${']'.repeat(50_000)}}`;
    const decoded = decodeKibanaNdjson(`${deep}\n${HEADER}}\n`, 'deep.ndjson');
    expect(decoded.errors.map((e) => e.message)).toEqual([
      'deep.ndjson:1:1: meta: nests deeper than 100 levels',
    ]);
    expect(decoded.errors[0]?.code).toBe('too-large');
    expect(decoded.items.map((item) => item.line)).toEqual([2]);
  });

  it('refuses a deep non-rule object too (an exception list line)', () => {
    const decoded = decodeKibanaNdjson(
      `{"list_id":"x","a":${'{"b":'.repeat(200)}1${'}'.repeat(200)}}\n`,
      'x.ndjson',
    );
    expect(decoded.errors.map((e) => e.message)).toEqual(['x.ndjson:1:1: nests deeper than 100 levels']);
  });

  it('keeps values exactly 100 levels deep', () => {
    const decoded = decodeKibanaNdjson(`${HEADER},"meta":${'['.repeat(99)}1${']'.repeat(99)}}\n`);
    expect(decoded.errors).toEqual([]);
    let value: unknown = decoded.items[0]?.kind === 'rule' ? decoded.items[0].rule.extra?.meta : undefined;
    let depth = 0;
    while (Array.isArray(value)) {
      value = value[0];
      depth++;
    }
    expect([depth, value]).toEqual([99, 1]);
  });

  it('locates a deep extra table in TOML', () => {
    const toml = `[metadata]\ncreation_date = "2024/01/01"\n[rule]\nname = "x"\ndescription = "d"\nrule_id = "0f93cb9a-1931-48c2-8cd0-00000000dddd"\ntype = "eql"\nlanguage = "eql"\nquery = "process where true"\nrisk_score = 21\nseverity = "low"\nmeta = ${'['.repeat(120)}1${']'.repeat(120)}\n`;
    expect(() => decodeTomlRule(toml, 'x.toml')).toThrow(
      /rule\.meta.*nests deeper than 100 levels|nests deeper than 100 levels/,
    );
  });
});

describe('ruleShapeProblem', () => {
  it('names the first known field of the wrong kind, or nothing for a good rule', async () => {
    const { ruleShapeProblem } = await import('../src/decode-object.js');
    expect(
      ruleShapeProblem({ name: 'ok', tags: ['a'], note: 'n', threat: [], metadata: {} }, 1000),
    ).toBeUndefined();
    expect(ruleShapeProblem({ name: { a: 1 } }, 1000)).toBe('rule.name: expected a string, found a table');
    expect(ruleShapeProblem({ name: 'x', tags: 'str' }, 1000)).toBe(
      'rule.tags: expected an array of strings, found a string',
    );
    expect(ruleShapeProblem({ metadata: { maturity: 3 } }, 1000)).toBe(
      'rule.metadata.maturity: expected a string, found a number',
    );
    expect(ruleShapeProblem({ note: 'x'.repeat(1001) }, 1000)).toBe(
      'rule.note: is 1001 characters long; the limit is 1000',
    );
    expect(ruleShapeProblem({ meta: JSON.parse(`${'['.repeat(200)}${']'.repeat(200)}`) }, 1000)).toBe(
      'rule.meta: nests deeper than 100 levels',
    );
    expect(ruleShapeProblem([], 1000)).toBe('rule: expected an object, found an array');
  });
});
