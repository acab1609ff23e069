import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from './helpers.js';
import { HAS_KIBANA_EXPORT, KIBANA_EXPORT, SCRIPT_RULE_TOML, SEED_ID } from './rule-fixtures.js';

type Inject = TestApp['app']['inject'];
const importFile = (inject: Inject, body: string | Buffer, query = '') =>
  inject({
    method: 'POST',
    url: `/api/rules/import${query}`,
    payload: body,
    headers: { 'content-type': 'text/plain' },
  });

describe('rule import and export: TOML', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('imports a TOML rule, and its download is the same file, which re-imports as unchanged', async () => {
    const res = await importFile(t.app.inject.bind(t.app), SCRIPT_RULE_TOML, '?filename=script.toml');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toEqual({
      file: 'script.toml',
      format: 'toml',
      dry_run: false,
      rules: [
        {
          line: 1,
          rule_id: '0d7a2b1e-5c39-4f0a-9f67-3d1c2e4b5a60',
          name: 'Script host spawns shell after WMI load',
          type: 'eql',
          status: 'created',
          id: expect.stringMatching(/^u-/),
          revision: 1,
          replay: { possible: true },
          findings: { error: 0, warning: 0, info: 0 },
        },
      ],
      others: [],
      errors: [],
      counts: { created: 1, updated: 0, unchanged: 0, skipped: 0, failed: 0 },
    });
    const id = body.rules[0].id;
    const download = await t.app.inject({ method: 'GET', url: `/api/rules/${id}/export?format=toml` });
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-type']).toBe('application/toml; charset=utf-8');
    expect(download.headers['content-disposition']).toBe('attachment; filename="script.toml"');
    expect(download.body).toBe(SCRIPT_RULE_TOML);
    const again = await importFile(t.app.inject.bind(t.app), download.body);
    expect(again.json().rules[0]).toMatchObject({ status: 'unchanged', id, revision: 1 });

    // As NDJSON it re-imports to the same Kibana rule ([metadata] has no Kibana counterpart).
    const ndjson = await t.app.inject({ method: 'GET', url: `/api/rules/${id}/export?format=ndjson` });
    expect(ndjson.headers['content-type']).toBe('application/x-ndjson; charset=utf-8');
    expect(ndjson.headers['content-disposition']).toBe(
      'attachment; filename="script_host_spawns_shell_after_wmi_load.ndjson"',
    );
    const lines = ndjson.body.trimEnd().split('\n');
    expect(lines).toHaveLength(2);
    expect(JSON.parse(lines[1] ?? '')).toMatchObject({ exported_count: 1, exported_rules_count: 1 });
    const viaKibana = await importFile(t.app.inject.bind(t.app), ndjson.body);
    expect(viaKibana.json().rules[0]).toMatchObject({ status: 'updated', id, revision: 2 });
    const rule = (await t.app.inject({ method: 'GET', url: `/api/rules/${id}` })).json().rule;
    expect(rule.metadata).toEqual({});
    expect(rule.query).toContain('sequence by process.entity_id');
    const reexported = await t.app.inject({ method: 'GET', url: `/api/rules/${id}/export?format=ndjson` });
    expect(reexported.body).toBe(ndjson.body);
    expect((await importFile(t.app.inject.bind(t.app), reexported.body)).json().rules[0].status).toBe(
      'unchanged',
    );
  });

  it('exports several rules as a tar of TOML files, or one NDJSON file', async () => {
    const { rules } = (await t.app.inject({ method: 'GET', url: '/api/rules' })).json();
    const ids = rules.map((r: { id: string }) => r.id);
    const tar = await t.app.inject({
      method: 'POST',
      url: '/api/rules/export',
      payload: { ids, format: 'toml' },
    });
    expect(tar.statusCode).toBe(200);
    expect(tar.headers['content-type']).toBe('application/x-tar');
    expect(tar.headers['content-disposition']).toBe('attachment; filename="rules.tar"');
    const dir = mkdtempSync(join(tmpdir(), 'rulebench-export-'));
    try {
      writeFileSync(join(dir, 'rules.tar'), tar.rawPayload);
      expect(execFileSync('tar', ['-tf', 'rules.tar'], { cwd: dir, encoding: 'utf8' })).toBe(
        'rules/suspicious_wmi_image_load_from_ms_office.toml\nrules/script_host_spawns_shell_after_wmi_load.toml\n',
      );
      execFileSync('tar', ['-xf', 'rules.tar'], { cwd: dir });
      const seed = readFileSync(join(dir, 'rules', 'suspicious_wmi_image_load_from_ms_office.toml'), 'utf8');
      expect(seed).toBe(readFileSync(join(import.meta.dirname, '..', 'rules', `${SEED_ID}.toml`), 'utf8'));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    const ndjson = await t.app.inject({
      method: 'POST',
      url: '/api/rules/export',
      payload: { ids, format: 'ndjson' },
    });
    expect(ndjson.headers['content-disposition']).toBe('attachment; filename="rules_export.ndjson"');
    expect(ndjson.body.trimEnd().split('\n')).toHaveLength(3);
    const missing = await t.app.inject({
      method: 'POST',
      url: '/api/rules/export',
      payload: { ids: [...ids, 'u-nothere00000'], format: 'ndjson' },
    });
    expect(missing.statusCode).toBe(404);
    expect(missing.json().message).toBe('no rule with id "u-nothere00000"');
  });
});

describe.skipIf(!HAS_KIBANA_EXPORT)('rule import and export: a real Kibana export', () => {
  if (!HAS_KIBANA_EXPORT) console.warn(`SKIPPED: ${KIBANA_EXPORT} is absent (set RULEBENCH_SHARED)`);
  let t: TestApp;
  const text = HAS_KIBANA_EXPORT ? readFileSync(KIBANA_EXPORT, 'utf8') : '';
  const fileLines = text.trimEnd().split('\n');
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());
  const inject = () => t.app.inject.bind(t.app);

  it('lists the rules of a multi-rule file without storing anything', async () => {
    const res = await importFile(inject(), text, '?dry_run=true&filename=custom.ndjson');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.dry_run).toBe(true);
    expect(
      body.rules.map((r: { line: number; type: string; status: string }) => [r.line, r.type, r.status]),
    ).toEqual([
      [1, 'query', 'created'],
      [2, 'query', 'created'],
      [3, 'query', 'created'],
      [4, 'eql', 'created'],
      [5, 'esql', 'created'],
      [6, 'new_terms', 'created'],
      [7, 'threat_match', 'created'],
      [8, 'threshold', 'created'],
      [9, 'machine_learning', 'created'],
    ]);
    expect(body.rules[4].replay).toEqual({
      possible: false,
      reason: 'only EQL rules can be replayed, not esql rules; the rule is kept intact for import and export',
    });
    expect(body.rules[3].replay).toEqual({ possible: true });
    expect(
      body.others.map((o: { line: number; kind: string; kept: boolean }) => [o.line, o.kind, o.kept]),
    ).toEqual([
      [10, 'exception_list', false],
      [11, 'exception_list_item', false],
      [12, 'exception_list', false],
      [13, 'exception_list_item', false],
      [14, 'action_connector', false],
      [15, 'action_connector', false],
      [16, 'export_summary', false],
    ]);
    expect(body.counts).toEqual({ created: 9, updated: 0, unchanged: 0, skipped: 0, failed: 0 });
    expect((await t.app.inject({ method: 'GET', url: '/api/rules?source=user' })).json().total).toBe(0);
  });

  it('imports a chosen subset by rule_id or line', async () => {
    const eqlRuleId = JSON.parse(fileLines[3] ?? '{}').rule_id;
    const res = await importFile(inject(), text, `?rule_id=${eqlRuleId}&line=5`);
    const body = res.json();
    expect(body.rules.map((r: { status: string }) => r.status)).toEqual([
      'skipped',
      'skipped',
      'skipped',
      'created',
      'created',
      'skipped',
      'skipped',
      'skipped',
      'skipped',
    ]);
    expect(body.counts).toEqual({ created: 2, updated: 0, unchanged: 0, skipped: 7, failed: 0 });
    const wrong = await importFile(inject(), text, '?rule_id=nope&line=10');
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json()).toEqual({
      statusCode: 400,
      error: 'Bad Request',
      code: 'unknown_selection',
      message: 'the file has no rule "nope", "at line 10" to import',
    });
  });

  it('imports every rule, keeps lists and connectors, and exports what re-imports identically', async () => {
    const res = await importFile(inject(), text);
    const body = res.json();
    expect(body.counts).toEqual({ created: 7, updated: 0, unchanged: 2, skipped: 0, failed: 0 });
    expect(body.others.filter((o: { kept: boolean }) => o.kept).map((o: { line: number }) => o.line)).toEqual(
      [10, 11, 12, 13, 14, 15],
    );
    const ids: string[] = body.rules.map((r: { id: string }) => r.id);
    const ml = (await t.app.inject({ method: 'GET', url: `/api/rules/${ids[8]}` })).json();
    expect(ml).toMatchObject({ type: 'machine_learning', replay: { possible: false } });

    // An unedited rule downloads as the very line it came from.
    for (const [i, id] of ids.entries()) {
      const one = await t.app.inject({ method: 'GET', url: `/api/rules/${id}/export` });
      expect(one.headers['content-type']).toBe('application/x-ndjson; charset=utf-8');
      expect(one.body.split('\n')[0]).toBe(fileLines[i]);
    }
    const all = await t.app.inject({
      method: 'POST',
      url: '/api/rules/export',
      payload: { ids, format: 'ndjson' },
    });
    const exported = all.body.trimEnd().split('\n');
    expect(exported.slice(0, 9)).toEqual(fileLines.slice(0, 9));
    const summary = JSON.parse(exported.at(-1) ?? '{}');
    expect(summary).toMatchObject({
      exported_rules_count: 9,
      exported_exception_list_count: 2,
      exported_exception_list_item_count: 2,
      exported_action_connector_count: 2,
      missing_exception_lists_count: 0,
    });
    expect(exported).toHaveLength(16);
    expect([...exported.slice(9, 15)].sort()).toEqual([...fileLines.slice(9, 15)].sort());

    // Into an empty library: every rule comes back field for field.
    const fresh = await startTestApp();
    try {
      const reimport = (await importFile(fresh.app.inject.bind(fresh.app), all.body)).json();
      expect(reimport.counts).toEqual({ created: 9, updated: 0, unchanged: 0, skipped: 0, failed: 0 });
      for (const [i, id] of reimport.rules.map((r: { id: string }) => r.id).entries()) {
        const before = (await t.app.inject({ method: 'GET', url: `/api/rules/${ids[i]}` })).json().rule;
        const after = (await fresh.app.inject({ method: 'GET', url: `/api/rules/${id}` })).json().rule;
        expect(after).toEqual(before);
      }
      const again = (await importFile(fresh.app.inject.bind(fresh.app), all.body)).json();
      expect(again.counts.unchanged).toBe(9);
    } finally {
      await fresh.close();
    }
  });

  it('converts a Kibana rule to detection-rules TOML that re-imports identically', async () => {
    const { rules } = (await t.app.inject({ method: 'GET', url: '/api/rules?type=eql&source=user' })).json();
    const toml = await t.app.inject({ method: 'GET', url: `/api/rules/${rules[0].id}/export?format=toml` });
    expect(toml.statusCode).toBe(200);
    expect(toml.body.startsWith('[metadata]\ncreation_date = "2025/08/14"\nmaturity = "development"\n')).toBe(
      true,
    );
    const fresh = await startTestApp();
    try {
      const id = (await importFile(fresh.app.inject.bind(fresh.app), toml.body)).json().rules[0].id;
      const back = await fresh.app.inject({ method: 'GET', url: `/api/rules/${id}/export` });
      expect(back.body).toBe(toml.body);
    } finally {
      await fresh.close();
    }
  });
});
