import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { packageVersion } from '../src/config.js';
import { startTestApp, type TestApp } from './helpers.js';

describe('health and default rule', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('GET /api/health answers ok with the package version', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/health' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ok', version: packageVersion() });
    expect(packageVersion()).toBe('0.1.0');
  });

  it('GET /api/rules/default returns the seed rule with snake_case fields', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/rules/default' });
    expect(res.statusCode).toBe(200);
    const rule = res.json();
    expect(rule.name).toBe('Suspicious WMI Image Load from MS Office');
    expect(rule.rule_id).toBe('891cb88e-441a-4c3e-be2d-120d99fe7b0d');
    expect(rule.type).toBe('eql');
    expect(rule.language).toBe('eql');
    expect(rule.severity).toBe('low');
    expect(rule.risk_score).toBe(21);
    expect(rule.from).toBe('now-9m');
    expect(rule.index).toEqual([
      'winlogbeat-*',
      'logs-endpoint.events.library-*',
      'logs-windows.sysmon_operational-*',
      'endgame-*',
    ]);
    expect(rule.tags).toHaveLength(8);
    expect(rule.query).toContain('?dll.name : "wmiutils.dll"');
    expect(rule.note.startsWith('## Triage and analysis')).toBe(true);
    expect(rule.setup.startsWith('## Setup')).toBe(true);
    expect(rule.threat[0].tactic.id).toBe('TA0002');
    expect(rule.threat[0].technique[0].id).toBe('T1047');
    expect(rule.author).toEqual(['Elastic']);
    expect(rule.license).toBe('Elastic License v2');
    expect(rule.references).toHaveLength(1);
  });

  it('a broken default rule file gives 503 with the reason, and the rest keeps working', async () => {
    const broken = await startTestApp({ defaultRuleFile: '/nonexistent/rule.toml' });
    try {
      const res = await broken.app.inject({ method: 'GET', url: '/api/rules/default' });
      expect(res.statusCode).toBe(503);
      const body = res.json();
      expect(body.code).toBe('default_rule_unavailable');
      expect(body.statusCode).toBe(503);
      expect(body.error).toBe('Service Unavailable');
      expect(body.message).toMatch(/^the default rule could not be read: ENOENT/);
      expect((await broken.app.inject({ method: 'GET', url: '/api/health' })).statusCode).toBe(200);
    } finally {
      await broken.close();
    }
  });
});
