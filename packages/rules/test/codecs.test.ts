import { existsSync, readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  decodeKibanaNdjson,
  decodeTomlRule,
  encodeKibanaNdjson,
  encodeTomlRule,
  extractGuidePlugins,
  isDeepStrictEqual,
  kibanaToTomlRule,
  type Rule,
  renderGuidePlugins,
  ruleToKibana,
} from '../src/index.js';
import { hasShared, seedRulePath, sharedPath, windowsRuleFiles } from './shared.js';

describe('encodeTomlRule', () => {
  const text = readFileSync(seedRulePath, 'utf8');
  const rule = decodeTomlRule(text);

  it('writes the seed rule in detection-rules layout', () => {
    const out = encodeTomlRule(rule);
    expect(
      out.startsWith('[metadata]\ncreation_date = "2020/11/17"\nintegration = ["endpoint", "windows"]\n'),
    ).toBe(true);
    expect(out).toContain(
      '\n[rule]\nauthor = ["Elastic"]\ndescription = """\nIdentifies a suspicious image load',
    );
    expect(out).toContain("\nquery = '''\nany where host.os.type == \"windows\" and\n");
    expect(out).toContain('tags = [\n    "Domain: Endpoint",\n');
    expect(out).toContain('[[rule.threat]]\nframework = "MITRE ATT&CK"\n');
    expect(decodeTomlRule(out)).toEqual(rule);
  });

  it('returns the original text for an unchanged rule, and re-encodes an edited one', () => {
    expect(encodeTomlRule(rule, { original: text })).toBe(text);
    const edited = encodeTomlRule({ ...rule, risk_score: 47, severity: 'medium' }, { original: text });
    expect(edited).not.toBe(text);
    expect(decodeTomlRule(edited)).toEqual({ ...rule, risk_score: 47, severity: 'medium' });
  });

  it('escapes what TOML strings cannot hold as is', () => {
    const tricky = {
      ...rule,
      description: 'a "quoted" \\ back\\slash\nline """ and tab\t\u0001',
      name: 'x"y\\z',
      query: "any where a == '''x'''\n",
    };
    expect(decodeTomlRule(encodeTomlRule(tricky))).toEqual(tricky);
  });

  it('keeps unknown keys and tables', () => {
    const withExtra = {
      ...rule,
      extra: { future_field: { nested: [1, 2] } },
      extra_tables: { repository: { url: 'u' } },
    };
    expect(decodeTomlRule(encodeTomlRule(withExtra))).toEqual(withExtra);
  });
});

describe.skipIf(!hasShared('rules', 'rules', 'windows'))('TOML round trip over every shared rule', () => {
  it('decode → encode → decode is the identity, and unchanged rules keep their bytes', () => {
    const mismatched: string[] = [];
    for (const file of windowsRuleFiles()) {
      const text = readFileSync(file, 'utf8');
      const rule = decodeTomlRule(text, basename(file));
      if (!isDeepStrictEqual(decodeTomlRule(encodeTomlRule(rule)), rule)) mismatched.push(basename(file));
      if (encodeTomlRule(rule, { original: text }) !== text) mismatched.push(`${basename(file)} (bytes)`);
    }
    expect(mismatched).toEqual([]);
  });

  it('TOML → Kibana → TOML keeps every [rule] field and renders the same guide', () => {
    const mismatched: string[] = [];
    const guide = (r: Rule) => (r.note && r.transform ? renderGuidePlugins(r.note, r.transform) : r.note);
    for (const file of windowsRuleFiles()) {
      const rule = decodeTomlRule(readFileSync(file, 'utf8'), basename(file));
      const [line] = decodeKibanaNdjson(encodeKibanaNdjson([rule])).items;
      if (line?.kind !== 'rule') throw new Error(`${file}: not read back as a rule`);
      const back = kibanaToTomlRule(line.rule);
      // Placeholders are renumbered in order of appearance, so compare the guide as Kibana shows it.
      const { note: _n1, transform: _t1, metadata: _m1, ...backFields } = back;
      const { note: _n2, transform: _t2, metadata: _m2, extra_tables: _x, ...ruleFields } = rule;
      if (!isDeepStrictEqual(backFields, ruleFields) || guide(back) !== guide(rule))
        mismatched.push(basename(file));
    }
    expect(mismatched).toEqual([]);
  });
});

describe('guide plugins', () => {
  it('render $investigate_n into Kibana syntax and back', () => {
    const transform = {
      investigate: [
        { label: 'Alerts for {{host.name}}', providers: [[{ field: 'host.name', value: '{{host.name}}' }]] },
      ],
    };
    const note = 'Look: $investigate_0 and $osquery_3 stays.';
    const rendered = renderGuidePlugins(note, transform);
    expect(rendered).toBe(
      'Look: !{investigate{"label":"Alerts for {{host.name}}","providers":[[{"field":"host.name","value":"{{host.name}}"}]]}} and $osquery_3 stays.',
    );
    expect(extractGuidePlugins(rendered)).toEqual({ note, transform });
  });
});

const exportPath = sharedPath('rules', 'detection_rules', 'etc', 'custom-consolidated-rules.ndjson');

describe.skipIf(!hasShared('rules', 'detection_rules', 'etc', 'custom-consolidated-rules.ndjson'))(
  'Kibana NDJSON export',
  () => {
    // describe bodies run even when skipped: read the export only where it exists.
    const text = existsSync(exportPath) ? readFileSync(exportPath, 'utf8') : '';
    const decoded = decodeKibanaNdjson(text, 'custom-consolidated-rules.ndjson');

    it('tells rules from exception lists, connectors and the summary', () => {
      expect(decoded.errors).toEqual([]);
      expect(decoded.items.map((i) => i.kind)).toEqual([
        ...Array(9).fill('rule'),
        'exception_list',
        'exception_list_item',
        'exception_list',
        'exception_list_item',
        'action_connector',
        'action_connector',
        'export_summary',
      ]);
      const rules = decoded.items.flatMap((i) => (i.kind === 'rule' ? [i.rule] : []));
      expect(rules.map((r) => r.type)).toEqual([
        'query',
        'query',
        'query',
        'eql',
        'esql',
        'new_terms',
        'threat_match',
        'threshold',
        'machine_learning',
      ]);
      expect(rules[3]?.name).toBe('test_eql_rule');
      expect(rules[3]?.query?.startsWith('sequence by process.entity_id with maxspan=2h')).toBe(true);
    });

    it('re-encodes every line to the same JSON', () => {
      const out = encodeKibanaNdjson(decoded.items)
        .trimEnd()
        .split('\n')
        .map((l) => JSON.parse(l) as unknown);
      const original = text
        .trimEnd()
        .split('\n')
        .map((l) => JSON.parse(l) as unknown);
      expect(out).toEqual(original);
    });

    it('converts a Kibana rule for a rule repository and back', () => {
      const item = decoded.items[5];
      if (item?.kind !== 'rule') throw new Error('line 6 is a rule');
      const toml = kibanaToTomlRule(item.rule);
      expect(toml.metadata).toMatchObject({
        creation_date: expect.stringMatching(/^\d{4}\/\d{2}\/\d{2}$/),
        maturity: 'development',
      });
      expect(toml.new_terms).toEqual({
        field: 'new_terms_fields',
        value: ['user.id', 'source.ip'],
        history_window_start: [{ field: 'history_window_start', value: 'now-30d' }],
      });
      expect(toml.extra?.id).toBeUndefined();
      const reread = decodeTomlRule(encodeTomlRule(toml));
      expect(reread).toEqual(toml);
      expect(ruleToKibana(reread)).toMatchObject({
        new_terms_fields: ['user.id', 'source.ip'],
        history_window_start: 'now-30d',
      });
    });
  },
);

describe('decodeKibanaNdjson on bad input', () => {
  it('collects errors by line and keeps reading', () => {
    const good = JSON.stringify({
      rule_id: 'r',
      name: 'n',
      description: 'd',
      type: 'eql',
      severity: 'low',
      risk_score: 1,
    });
    const result = decodeKibanaNdjson(
      `${good}\n{nope\n[1]\n${JSON.stringify({ rule_id: 'r2', name: 'n', type: 'eql' })}\n`,
      'x.ndjson',
    );
    expect(result.items.map((i) => [i.kind, i.line])).toEqual([['rule', 1]]);
    expect(result.errors.map((e) => [e.line, e.code])).toEqual([
      [2, 'syntax'],
      [3, 'wrong-type'],
      [4, 'missing-field'],
    ]);
    expect(result.errors[2]?.message).toBe('x.ndjson:4:1: description: required field is missing');
  });
});
