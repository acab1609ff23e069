import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from './helpers.js';
import { SCRIPT_RULE_TOML, SEED_ID } from './rule-fixtures.js';

const KNOWN_TYPES = 'eql, query, saved_query, esql, threshold, new_terms, threat_match, machine_learning';

describe('rule library: bad input', () => {
  let t: TestApp;
  let storedId: string;
  let storedBefore: unknown;
  beforeAll(async () => {
    t = await startTestApp();
    storedId = (await post(SCRIPT_RULE_TOML, '?filename=script.toml')).json().rules[0].id;
    storedBefore = (await t.app.inject({ method: 'GET', url: `/api/rules/${storedId}` })).json();
  });
  afterAll(() => t.close());

  function post(body: string | Buffer, query = '') {
    return t.app.inject({
      method: 'POST',
      url: `/api/rules/import${query}`,
      payload: body,
      headers: { 'content-type': 'text/plain' },
    });
  }
  const refused = (status: number, code: string, message: string, problems?: unknown[]) => ({
    statusCode: status,
    error: status === 413 ? 'Payload Too Large' : 'Unprocessable Entity',
    code,
    message,
    ...(problems ? { problems } : {}),
  });
  const problem = (
    code: string,
    message: string,
    file: string | null,
    line: number,
    column: number,
    field: string | null,
  ) => ({
    code,
    message,
    file,
    line,
    column,
    field,
  });

  it('malformed TOML: 422 naming the file, line and column', async () => {
    const res = await post(
      SCRIPT_RULE_TOML.replace('risk_score = 47', 'risk_score = = 47'),
      '?filename=bad.toml',
    );
    expect(res.statusCode).toBe(422);
    const message = 'bad.toml:15:14: Invalid TOML document: invalid value';
    expect(res.json()).toEqual(
      refused(422, 'invalid_rule_file', `${message}; nothing was imported`, [
        problem('syntax', message, 'bad.toml', 15, 14, null),
      ]),
    );
  });

  it('a field of the wrong type: 422 naming the field', async () => {
    const res = await post(
      SCRIPT_RULE_TOML.replace('risk_score = 47', 'risk_score = "x"'),
      '?filename=bad.toml',
    );
    const message = 'bad.toml:15:1: rule.risk_score: expected an integer, found a string';
    expect(res.json()).toEqual(
      refused(422, 'invalid_rule_file', `${message}; nothing was imported`, [
        problem('wrong-type', message, 'bad.toml', 15, 1, 'rule.risk_score'),
      ]),
    );
  });

  it('an unknown rule type is refused, as Kibana refuses it', async () => {
    const res = await post(SCRIPT_RULE_TOML.replace('type = "eql"', 'type = "sigma"'), '?filename=bad.toml');
    const message = `bad.toml:19:1: rule.type: unknown rule type "sigma"; Kibana knows ${KNOWN_TYPES}`;
    expect(res.json()).toEqual(
      refused(422, 'invalid_rule_file', `${message}; nothing was imported`, [
        problem('unknown-rule-type', message, 'bad.toml', 19, 1, 'rule.type'),
      ]),
    );
  });

  it('a rule with a broken query is stored as a flagged draft', async () => {
    const res = await post(
      SCRIPT_RULE_TOML.replace('[process where', '[process whre').replace('0d7a2b1e', '1d7a2b1e'),
      '?filename=draft.toml',
    );
    expect(res.statusCode).toBe(200);
    const [rule] = res.json().rules;
    expect(rule).toMatchObject({
      status: 'created',
      replay: {
        possible: false,
        reason: 'the query does not compile: 3:12: Expected "where", found name "whre".',
      },
      findings: { error: 1, warning: 0, info: 0 },
    });
    const detail = (await t.app.inject({ method: 'GET', url: `/api/rules/${rule.id}` })).json();
    expect(detail.validation).toEqual([
      {
        severity: 'error',
        code: 'query-syntax',
        message: 'Expected "where", found name "whre".',
        field: 'query',
        range: { start: 151, end: 155 },
        line: 24,
        column: 12,
      },
    ]);
  });

  it('a Kibana export with some bad lines imports the others and reports each bad line', async () => {
    const good = {
      rule_id: 'a1',
      name: 'KQL',
      description: 'd',
      type: 'query',
      language: 'kuery',
      query: 'x:1',
      risk_score: 1,
      severity: 'low',
    };
    const text = [
      JSON.stringify(good),
      '{"rule_id": "b", "name": ',
      JSON.stringify({ ...good, rule_id: 'c', type: 'foo' }),
      JSON.stringify({ ...good, rule_id: 'd', name: 5 }),
    ].join('\n');
    const res = await post(text, '?filename=mixed.ndjson');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.rules.map((r: { rule_id: string; status: string }) => [r.rule_id, r.status])).toEqual([
      ['a1', 'created'],
    ]);
    expect(body.errors).toEqual([
      problem(
        'syntax',
        'mixed.ndjson:2:1: invalid JSON: Unexpected end of JSON input',
        'mixed.ndjson',
        2,
        1,
        null,
      ),
      problem(
        'unknown-rule-type',
        `mixed.ndjson:3:1: type: unknown rule type "foo"; Kibana knows ${KNOWN_TYPES}`,
        'mixed.ndjson',
        3,
        1,
        'type',
      ),
      problem(
        'wrong-type',
        'mixed.ndjson:4:1: name: expected a string, found a number',
        'mixed.ndjson',
        4,
        1,
        'name',
      ),
    ]);
    expect(body.counts).toEqual({ created: 1, updated: 0, unchanged: 0, skipped: 0, failed: 3 });
  });

  it('a file of nothing but bad lines, or with no rules, is refused whole', async () => {
    const bad = await post('{oops\n[1,2]\n', '?filename=bad.ndjson');
    expect(bad.statusCode).toBe(422);
    expect(bad.json().code).toBe('invalid_rule_file');
    expect(bad.json().problems).toHaveLength(2);
    expect(bad.json().message).toBe(
      "bad.ndjson:1:1: invalid JSON: Expected property name or '}' in JSON at position 1 (and 1 more problem); nothing was imported",
    );
    const lists = await post(
      '{"list_id":"l1","namespace_type":"single","name":"L"}\n{"exported_count":1}\n',
      '?filename=lists.ndjson',
    );
    expect(lists.json()).toEqual(
      refused(
        422,
        'no_rules',
        'lists.ndjson: the file holds no rules (only exception list, export summary); nothing was imported',
      ),
    );
    expect((await post('', '?filename=none.toml')).json()).toEqual(
      refused(422, 'empty_file', 'none.toml: the file is empty; send the rule file as the request body'),
    );
  });

  it('invalid UTF-8: 422 naming the file, line and column of the bad byte', async () => {
    const text = Buffer.concat([
      Buffer.from(SCRIPT_RULE_TOML.slice(0, 200)),
      Buffer.from([0xff, 0xfe]),
      Buffer.from(SCRIPT_RULE_TOML.slice(200)),
    ]);
    const message = 'latin.toml:9:45: invalid UTF-8 (byte 0xff at offset 200)';
    expect((await post(text, '?filename=latin.toml')).json()).toEqual(
      refused(422, 'invalid_rule_file', `${message}; nothing was imported`, [
        problem('syntax', message, 'latin.toml', 9, 45, null),
      ]),
    );
  });

  it('a 10 MB guide is over the file limit (413); a 1.5 MB one over the text limit (422, its line and field)', async () => {
    const withGuide = (length: number) =>
      SCRIPT_RULE_TOML.replace('[[rule.threat]]', `note = "${'g'.repeat(length)}"\n\n[[rule.threat]]`);
    const huge = await post(withGuide(10_000_000), '?filename=huge.toml');
    expect(huge.statusCode).toBe(413);
    expect(huge.json()).toEqual(
      refused(
        413,
        'rule_too_large',
        'huge.toml: the rule is larger than 4 MB, the most a rule file may hold (RULE_MAX_MB); guides and queries that long are not rules Kibana would accept either',
      ),
    );
    const long = await post(withGuide(1_500_000), '?filename=long.toml');
    const message = 'long.toml:27:1: rule.note: is 1500000 characters long; the limit is 1000000';
    expect(long.json()).toEqual(
      refused(422, 'invalid_rule_file', `${message}; nothing was imported`, [
        problem('too-large', message, 'long.toml', 27, 1, 'rule.note'),
      ]),
    );
    const seed = (await t.app.inject({ method: 'GET', url: `/api/rules/${SEED_ID}` })).json().rule;
    const put = await t.app.inject({
      method: 'PUT',
      url: `/api/rules/${storedId}`,
      payload: { rule: { ...seed, note: 'g'.repeat(5_000_000) } },
    });
    expect(put.statusCode).toBe(413);
    expect(put.json().code).toBe('rule_too_large');
  });

  it('nothing stored is lost, and the server keeps serving', async () => {
    expect((await t.app.inject({ method: 'GET', url: `/api/rules/${storedId}` })).json()).toEqual(
      storedBefore,
    );
    const list = (await t.app.inject({ method: 'GET', url: '/api/rules' })).json();
    expect(list.rules.map((r: { name: string }) => r.name).sort()).toEqual([
      'KQL',
      'Script host spawns shell after WMI load',
      'Script host spawns shell after WMI load',
      'Suspicious WMI Image Load from MS Office',
    ]);
    expect((await t.app.inject({ method: 'GET', url: '/api/health' })).statusCode).toBe(200);
  });
});

describe('POST /api/rules/validate', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());
  const validate = (payload: unknown) =>
    t.app.inject({ method: 'POST', url: '/api/rules/validate', payload: payload as object });

  it('locates findings in a TOML text', async () => {
    const res = await validate({
      text: SCRIPT_RULE_TOML.replace('dll.name', 'dll.nmae').replace('risk_score = 47', 'risk_score = 99'),
      file_name: 'x.toml',
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      valid: true,
      format: 'toml',
      counts: { error: 0, warning: 2, info: 0 },
      replay: { possible: true },
      findings: [
        {
          severity: 'warning',
          code: 'severity-risk-mismatch',
          message: 'risk_score 99 does not fit severity "medium" (22–47).',
          field: 'risk_score',
          line: 15,
          column: 1,
        },
        {
          severity: 'warning',
          code: 'unknown-field',
          message:
            'Unknown field "dll.nmae": not in ECS nor in the fields of the rule\'s index patterns. Did you mean "dll.name"? Write ?dll.nmae if it is expected to be missing.',
          field: 'query',
          range: { start: 63, end: 71 },
          line: 23,
          column: 18,
        },
      ],
    });
  });

  it('turns an unreadable rule into an error finding rather than a failed request', async () => {
    const res = await validate({ text: SCRIPT_RULE_TOML.replace('risk_score = 47', 'risk_score = "x"') });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      valid: false,
      format: 'toml',
      counts: { error: 1, warning: 0, info: 0 },
      replay: null,
      findings: [
        {
          severity: 'error',
          code: 'wrong-type',
          message: '15:1: rule.risk_score: expected an integer, found a string',
          field: 'rule.risk_score',
          line: 15,
          column: 1,
        },
      ],
    });
  });

  it('validates the rule model as JSON', async () => {
    const seed = (await t.app.inject({ method: 'GET', url: `/api/rules/${SEED_ID}` })).json().rule;
    const ok = (await validate({ rule: seed })).json();
    expect(ok).toEqual({
      valid: true,
      format: 'json',
      counts: { error: 0, warning: 0, info: 0 },
      replay: { possible: true },
      findings: [],
    });
    const esql = (
      await validate({ rule: { ...seed, type: 'esql', language: 'esql', query: 'FROM logs-*' } })
    ).json();
    expect(esql.replay).toEqual({
      possible: false,
      reason: 'only EQL rules can be replayed, not esql rules; the rule is kept intact for import and export',
    });
    const broken = (await validate({ rule: { ...seed, query: 'any where (' } })).json();
    expect(broken.valid).toBe(false);
    expect(broken.findings[0]).toMatchObject({ severity: 'error', code: 'query-syntax', field: 'query' });
  });
});
