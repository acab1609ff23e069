import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../test/helpers.js';
import { HAS_KIBANA_EXPORT, KIBANA_EXPORT, SCRIPT_RULE_TOML, SEED_ID } from '../../test/rule-fixtures.js';

/** Importing is idempotent: the same rule again adds no revision; a changed one adds exactly one. */
describe('re-importing rules', () => {
  let t: TestApp;
  beforeEach(async () => {
    t = await startTestApp();
  });
  afterEach(() => t.close());

  const importText = async (text: string, query = '') => {
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/rules/import${query}`,
      payload: text,
      headers: { 'content-type': 'text/plain' },
    });
    expect(res.statusCode).toBe(200);
    return res.json() as {
      rules: { status: string; id: string | null; revision: number | null }[];
      counts: Record<string, number>;
    };
  };
  const revisions = async (id: string) =>
    (await t.app.inject({ method: 'GET', url: `/api/rules/${id}` }))
      .json()
      .revisions.map((r: { revision: number }) => r.revision);
  const userCount = async () =>
    (await t.app.inject({ method: 'GET', url: '/api/rules?source=user' })).json().total as number;

  it('TOML: the same file adds nothing, even with CRLF line ends; a changed one adds one revision', async () => {
    const first = (await importText(SCRIPT_RULE_TOML)).rules[0];
    expect(first).toMatchObject({ status: 'created', revision: 1 });
    const id = first?.id ?? '';
    expect((await importText(SCRIPT_RULE_TOML)).rules[0]).toMatchObject({
      status: 'unchanged',
      id,
      revision: 1,
    });
    expect((await importText(SCRIPT_RULE_TOML.replaceAll('\n', '\r\n'))).rules[0]).toMatchObject({
      status: 'unchanged',
      id,
      revision: 1,
    });
    expect(await revisions(id)).toEqual([1]);

    const changed = SCRIPT_RULE_TOML.replace('risk_score = 47', 'risk_score = 50');
    expect(changed).not.toBe(SCRIPT_RULE_TOML);
    expect((await importText(changed)).rules[0]).toMatchObject({ status: 'updated', id, revision: 2 });
    expect((await importText(changed)).rules[0]).toMatchObject({ status: 'unchanged', id, revision: 2 });
    expect(await revisions(id)).toEqual([1, 2]);
    // Going back to the first version is a change too, against the latest revision.
    expect((await importText(SCRIPT_RULE_TOML)).rules[0]).toMatchObject({ status: 'updated', revision: 3 });
    expect(await userCount()).toBe(1);
  });

  it('a bundled rule: its own file is unchanged; a changed copy becomes one user entry, once', async () => {
    const seedText = readFileSync(join(import.meta.dirname, '..', '..', 'rules', `${SEED_ID}.toml`), 'utf8');
    expect((await importText(seedText)).rules[0]).toMatchObject({ status: 'unchanged', id: SEED_ID });
    const edited = seedText.replace('risk_score = 21', 'risk_score = 20');
    const copy = (await importText(edited)).rules[0];
    expect(copy).toMatchObject({ status: 'created', revision: 1 });
    expect((await importText(edited)).rules[0]).toMatchObject({ status: 'unchanged', id: copy?.id });
    expect(await revisions(SEED_ID)).toEqual([1]);
    expect(await userCount()).toBe(1);
  });

  it.skipIf(!HAS_KIBANA_EXPORT)('NDJSON: a Kibana export imported twice adds no revision', async () => {
    if (!HAS_KIBANA_EXPORT) console.warn(`SKIPPED: ${KIBANA_EXPORT} is absent (set RULEBENCH_SHARED)`);
    const text = readFileSync(KIBANA_EXPORT, 'utf8');
    const first = await importText(text);
    expect(first.counts).toMatchObject({ created: 9, updated: 0, unchanged: 0 });
    const again = await importText(text.replaceAll('\n', '\r\n'));
    expect(again.counts).toMatchObject({ created: 0, updated: 0, unchanged: 9 });
    expect(again.rules.map((r) => r.revision)).toEqual(first.rules.map(() => 1));

    // One line changed: only that rule gets a second revision.
    const lines = text.trimEnd().split('\n');
    const eql = JSON.parse(lines[3] ?? '{}');
    lines[3] = JSON.stringify({ ...eql, risk_score: eql.risk_score + 1 });
    const third = await importText(`${lines.join('\n')}\n`);
    expect(third.counts).toMatchObject({ created: 0, updated: 1, unchanged: 8 });
    expect(third.rules[3]).toMatchObject({ status: 'updated', id: first.rules[3]?.id, revision: 2 });
    expect(await userCount()).toBe(9);
  });
});
