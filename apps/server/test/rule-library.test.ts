import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { decodeTomlRule } from '@rulebench/rules';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp, tempDir } from './helpers.js';
import { SCRIPT_RULE_TOML, SEED_ID } from './rule-fixtures.js';

const SEED_FILE = join(import.meta.dirname, '..', 'rules', `${SEED_ID}.toml`);

describe('rule library: listing and search', () => {
  let t: TestApp;
  let scriptId: string;
  beforeAll(async () => {
    t = await startTestApp();
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/rules/import?filename=script.toml',
      payload: SCRIPT_RULE_TOML,
      headers: { 'content-type': 'application/toml' },
    });
    scriptId = res.json().rules[0].id;
  });
  afterAll(() => t.close());

  const list = async (query = '') => {
    const res = await t.app.inject({ method: 'GET', url: `/api/rules${query}` });
    expect(res.statusCode).toBe(200);
    return res.json() as { total: number; rules: { id: string; name: string }[] };
  };
  const names = async (query: string) => (await list(query)).rules.map((r) => r.id);

  it('lists the bundled seed rule first, as the read-only default', async () => {
    const body = await list();
    expect(body.total).toBe(2);
    expect(body.rules[0]).toEqual({
      id: SEED_ID,
      source: 'bundled',
      default: true,
      revision: 1,
      read_only: true,
      created_at: expect.any(String),
      updated_at: expect.any(String),
      rule_id: '891cb88e-441a-4c3e-be2d-120d99fe7b0d',
      name: 'Suspicious WMI Image Load from MS Office',
      description: expect.stringMatching(/^Identifies a suspicious image load \(wmiutils\.dll\)/),
      type: 'eql',
      language: 'eql',
      severity: 'low',
      risk_score: 21,
      tags: [
        'Domain: Endpoint',
        'OS: Windows',
        'Use Case: Threat Detection',
        'Tactic: Execution',
        'Data Source: Elastic Endgame',
        'Data Source: Elastic Defend',
        'Data Source: Sysmon',
        'Resources: Investigation Guide',
      ],
      index: [
        'winlogbeat-*',
        'logs-endpoint.events.library-*',
        'logs-windows.sysmon_operational-*',
        'endgame-*',
      ],
      tactics: [{ id: 'TA0002', name: 'Execution' }],
      techniques: [{ id: 'T1047', name: 'Windows Management Instrumentation' }],
      replay: { possible: true },
      findings: { error: 0, warning: 0, info: 0 },
      format: 'toml',
      origin: `${SEED_ID}.toml`,
    });
    expect(body.rules[1]).toMatchObject({
      id: scriptId,
      source: 'user',
      default: false,
      read_only: false,
      origin: 'script.toml',
    });
    expect(scriptId).toMatch(/^u-[0-9a-z]{12}$/);
  });

  it('searches by text, tag, tactic and technique', async () => {
    expect(await names('?q=wmiutils')).toEqual([SEED_ID, scriptId]);
    expect(await names('?q=microsoft%20office')).toEqual([SEED_ID]);
    expect(await names('?q=script%20shell')).toEqual([scriptId]);
    expect(await names('?q=T1059.005')).toEqual([scriptId]);
    expect(await names('?q=nothing-like-this')).toEqual([]);
    expect(await names('?tag=lab')).toEqual([scriptId]);
    expect(await names('?tag=Lab%20work')).toEqual([]);
    expect(await names('?tag=os:%20windows')).toEqual([SEED_ID, scriptId]);
    expect(await names('?tactic=TA0002')).toEqual([SEED_ID, scriptId]);
    expect(await names('?tactic=execution')).toEqual([SEED_ID, scriptId]);
    expect(await names('?tactic=TA0003')).toEqual([]);
    expect(await names('?technique=T1047')).toEqual([SEED_ID]);
    expect(await names('?technique=T1059')).toEqual([scriptId]);
    expect(await names('?technique=visual%20basic')).toEqual([scriptId]);
    expect(await names('?technique=T105')).toEqual([]);
    expect(await names('?source=user')).toEqual([scriptId]);
    expect(await names('?type=esql')).toEqual([]);
    expect(await names('?tactic=execution&technique=T1047&q=office')).toEqual([SEED_ID]);
  });

  it('gets one rule with its validation and revisions', async () => {
    const res = await t.app.inject({ method: 'GET', url: `/api/rules/${SEED_ID}` });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.rule).toEqual(JSON.parse(JSON.stringify(decodeTomlRule(readFileSync(SEED_FILE, 'utf8')))));
    expect(body.shown_revision).toBe(1);
    expect(body.validation).toEqual([]);
    expect(body.revisions).toEqual([
      { revision: 1, format: 'toml', origin: `${SEED_ID}.toml`, created_at: body.created_at },
    ]);
    const missing = await t.app.inject({ method: 'GET', url: '/api/rules/u-000000000000' });
    expect(missing.statusCode).toBe(404);
    expect(missing.json()).toEqual({
      statusCode: 404,
      error: 'Not Found',
      code: 'rule_not_found',
      message: 'no rule with id "u-000000000000"',
    });
    const hostile = await t.app.inject({ method: 'GET', url: '/api/rules/..%2F..%2Fetc' });
    expect(hostile.statusCode).toBe(400);
  });
});

describe('rule library: saving, copies, deleting', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  const inject = (method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, payload?: unknown) =>
    t.app.inject({ method, url, ...(payload === undefined ? {} : { payload: payload as object }) });

  it('refuses to overwrite or delete a bundled rule; "save as" makes an editable copy', async () => {
    const seed = (await inject('GET', `/api/rules/${SEED_ID}`)).json();
    const edited = { ...seed.rule, severity: 'high', risk_score: 73 };
    const put = await inject('PUT', `/api/rules/${SEED_ID}`, { rule: edited });
    expect(put.statusCode).toBe(409);
    expect(put.json()).toEqual({
      statusCode: 409,
      error: 'Conflict',
      code: 'rule_read_only',
      message: `"${SEED_ID}" is a bundled rule and cannot be overwritten; save it as a copy (POST /api/rules) instead`,
    });
    const del = await inject('DELETE', `/api/rules/${SEED_ID}`);
    expect(del.statusCode).toBe(409);
    expect(del.json().message).toBe(`"${SEED_ID}" is a bundled rule and cannot be deleted`);

    const copy = await inject('POST', '/api/rules', { rule: edited });
    expect(copy.statusCode).toBe(201);
    const body = copy.json();
    expect(body).toMatchObject({
      source: 'user',
      revision: 1,
      severity: 'high',
      risk_score: 73,
      format: 'json',
    });
    expect(body.rule).toEqual(edited);
    // The bundled rule is untouched.
    expect((await inject('GET', `/api/rules/${SEED_ID}`)).json().rule).toEqual(seed.rule);
  });

  it('saves edits as new revisions and keeps the old ones', async () => {
    const seed = (await inject('GET', `/api/rules/${SEED_ID}`)).json();
    const { id } = (await inject('POST', '/api/rules', { rule: seed.rule })).json();
    const v2 = await inject('PUT', `/api/rules/${id}`, {
      rule: { ...seed.rule, note: '## New guide' },
      expected_revision: 1,
    });
    expect(v2.statusCode).toBe(200);
    expect(v2.json().changed).toBe(true);
    expect(v2.json().rule.revision).toBe(2);
    expect(v2.json().rule.rule.note).toBe('## New guide');

    const same = await inject('PUT', `/api/rules/${id}`, { rule: { ...seed.rule, note: '## New guide' } });
    expect(same.json().changed).toBe(false);
    expect(same.json().rule.revision).toBe(2);

    const stale = await inject('PUT', `/api/rules/${id}`, { rule: seed.rule, expected_revision: 1 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toEqual({
      statusCode: 409,
      error: 'Conflict',
      code: 'revision_conflict',
      message: `"${id}" is at revision 2, not 1: it was saved meanwhile; reload it and apply your changes again`,
    });

    const first = (await inject('GET', `/api/rules/${id}/revisions/1`)).json();
    expect(first.shown_revision).toBe(1);
    expect(first.revision).toBe(2);
    expect(first.rule.note).toBe(seed.rule.note);
    expect(
      (await inject('GET', `/api/rules/${id}`)).json().revisions.map((r: { revision: number }) => r.revision),
    ).toEqual([1, 2]);
    expect((await inject('GET', `/api/rules/${id}/revisions/3`)).json()).toEqual({
      statusCode: 404,
      error: 'Not Found',
      code: 'revision_not_found',
      message: `rule "${id}" has no revision 3`,
    });

    // Saved from TOML text, the revision keeps the text: its export is that text.
    const asToml = await inject('PUT', `/api/rules/${id}`, { text: SCRIPT_RULE_TOML, format: 'toml' });
    expect(asToml.json().rule).toMatchObject({
      revision: 3,
      format: 'toml',
      name: 'Script host spawns shell after WMI load',
    });
    expect((await inject('GET', `/api/rules/${id}/export`)).body).toBe(SCRIPT_RULE_TOML);

    expect((await inject('DELETE', `/api/rules/${id}`)).statusCode).toBe(204);
    expect((await inject('GET', `/api/rules/${id}`)).statusCode).toBe(404);
    expect((await inject('DELETE', `/api/rules/${id}`)).statusCode).toBe(404);
  });

  it('checks the rule it is sent, naming the field', async () => {
    const seed = (await inject('GET', `/api/rules/${SEED_ID}`)).json();
    const wrong = await inject('POST', '/api/rules', { rule: { ...seed.rule, risk_score: 'high' } });
    expect(wrong.statusCode).toBe(422);
    expect(wrong.json()).toEqual({
      statusCode: 422,
      error: 'Unprocessable Entity',
      code: 'invalid_rule',
      message: 'risk_score: expected an integer, found a string',
      problems: [
        {
          code: 'wrong-type',
          message: 'risk_score: expected an integer, found a string',
          file: null,
          line: null,
          column: null,
          field: 'risk_score',
        },
      ],
    });
    const both = await inject('POST', '/api/rules', { rule: seed.rule, text: SCRIPT_RULE_TOML });
    expect(both.statusCode).toBe(400);
    expect(both.json().code).toBe('invalid_body');
    const neither = await inject('POST', '/api/rules', {});
    expect(neither.statusCode).toBe(400);
    expect(neither.json().code).toBe('invalid_body');
  });
});

describe('rule library across restarts', () => {
  it('keeps user rules and their revisions; bundled rules follow their files', async () => {
    const dir = tempDir();
    try {
      const first = await startTestApp({}, dir.path);
      const imported = await first.app.inject({
        method: 'POST',
        url: '/api/rules/import',
        payload: SCRIPT_RULE_TOML,
      });
      const { id } = imported.json().rules[0];
      await first.app.close();
      const second = await startTestApp({}, dir.path);
      try {
        const list = (await second.app.inject({ method: 'GET', url: '/api/rules' })).json();
        expect(list.rules.map((r: { id: string }) => r.id)).toEqual([SEED_ID, id]);
        expect(list.rules[0].revision).toBe(1);
        const again = await second.app.inject({
          method: 'POST',
          url: '/api/rules/import',
          payload: SCRIPT_RULE_TOML,
        });
        expect(again.json().rules[0]).toMatchObject({ status: 'unchanged', id, revision: 1 });
      } finally {
        await second.app.close();
      }
    } finally {
      dir.cleanup();
    }
  });
});
