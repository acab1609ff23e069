import { describe, expect, it } from 'vitest';
import { cliSearchCommand, esCurlCommand } from './commands.js';
import { ruleAsKibanaNdjson, ruleAsToml } from './rule-export.js';
import { shellQuote } from './shell-quote.js';

describe('shellQuote', () => {
  it('leaves plain words alone and single-quotes the rest', () => {
    expect(shellQuote('sysmon-sample.ndjson')).toBe('sysmon-sample.ndjson');
    expect(shellQuote('a b')).toBe("'a b'");
    expect(shellQuote("it's $HOME")).toBe("'it'\\''s $HOME'");
  });
});

describe('esCurlCommand', () => {
  it('searches the rule index patterns over its look-back window', () => {
    const command = esCurlCommand(
      { index: ['winlogbeat-*', 'logs-windows.sysmon_operational-*'], from: 'now-9m' },
      'process where process.name == "a\'b"',
      { size: 100 },
    );
    expect(command.split('\n')[0]).toBe(
      // biome-ignore lint/suspicious/noTemplateCurlyInString: the shell expands it, not JavaScript.
      'curl -s -X POST "${ES_URL:-http://localhost:9200}/winlogbeat-*,logs-windows.sysmon_operational-*/_eql/search?pretty" \\',
    );
    const body = command.slice(command.indexOf("-d '") + 4, -1).replaceAll("'\\''", "'");
    expect(JSON.parse(body)).toEqual({
      query: 'process where process.name == "a\'b"',
      size: 100,
      filter: { range: { '@timestamp': { gte: 'now-9m', lte: 'now' } } },
    });
  });

  it('falls back to every index, the default window and the timestamp override', () => {
    const command = esCurlCommand({ timestamp_override: 'event.ingested', to: 'now-1m' }, 'any where true', {
      tiebreaker_field: 'event.sequence',
    });
    expect(command).toContain('/*/_eql/search?pretty');
    const body = JSON.parse(command.slice(command.indexOf("-d '") + 4, -1));
    expect(body).toEqual({
      query: 'any where true',
      tiebreaker_field: 'event.sequence',
      filter: { range: { 'event.ingested': { gte: 'now-6m', lte: 'now-1m' } } },
    });
  });
});

describe('cliSearchCommand', () => {
  it('passes the query, size and options as flags', () => {
    expect(
      cliSearchCommand(
        "any where a == 'x'",
        { size: 100, tiebreaker_field: 'event.sequence' },
        'sysmon-sample.ndjson',
      ),
    ).toBe(
      [
        'pnpm -s rulebench search \\',
        '  --events sysmon-sample.ndjson \\',
        "  --query 'any where a == '\\''x'\\''' \\",
        '  --size 100 \\',
        '  --tiebreaker-field event.sequence',
      ].join('\n'),
    );
  });
});

describe('rule export', () => {
  const rule = {
    metadata: { creation_date: '2020/11/17', maturity: 'production', updated_date: '2026/05/04' },
    rule_id: '891cb88e-441a-4c3e-be2d-120d99fe7b0d',
    name: 'Office WMI',
    description: 'd',
    type: 'eql',
    language: 'eql',
    severity: 'low',
    risk_score: 21,
    query: 'any where false',
  };

  it('writes TOML with the edited query', () => {
    const toml = ruleAsToml(rule, 'process where\n  true');
    expect(toml).toContain('[metadata]\ncreation_date = "2020/11/17"');
    expect(toml).toContain("query = '''\nprocess where\n  true\n'''");
    expect(toml).not.toContain('any where false');
  });

  it('writes one Kibana NDJSON line without [metadata]', () => {
    const ndjson = ruleAsKibanaNdjson(rule, 'process where true');
    expect(ndjson.endsWith('}\n')).toBe(true);
    expect(JSON.parse(ndjson)).toEqual({
      rule_id: '891cb88e-441a-4c3e-be2d-120d99fe7b0d',
      name: 'Office WMI',
      description: 'd',
      type: 'eql',
      language: 'eql',
      severity: 'low',
      risk_score: 21,
      query: 'process where true\n',
    });
    expect(JSON.parse(ruleAsKibanaNdjson({ ...rule, query: 'a\n' }, 'a')).query).toBe('a\n');
  });
});
