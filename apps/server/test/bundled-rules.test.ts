import { copyFileSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startTestApp, tempDir } from './helpers.js';
import { SCRIPT_RULE_TOML, SEED_ID } from './rule-fixtures.js';

describe('bundled rules', () => {
  it('follow the files of the bundled folder across restarts; a broken file is skipped', async () => {
    const dir = tempDir();
    try {
      const rulesDir = join(dir.path, 'bundled');
      mkdirSync(rulesDir);
      const seedFile = join(rulesDir, `${SEED_ID}.toml`);
      copyFileSync(join(import.meta.dirname, '..', 'rules', `${SEED_ID}.toml`), seedFile);
      writeFileSync(join(rulesDir, 'script_host.toml'), SCRIPT_RULE_TOML);
      const options = { bundledRulesDir: rulesDir, defaultRuleFile: seedFile };

      const first = await startTestApp(options, dir.path);
      const listed = (await first.app.inject({ method: 'GET', url: '/api/rules' })).json();
      expect(
        listed.rules.map((r: { id: string; default: boolean; source: string }) => [
          r.id,
          r.default,
          r.source,
        ]),
      ).toEqual([
        [SEED_ID, true, 'bundled'],
        ['script_host', false, 'bundled'],
      ]);
      await first.app.close();

      writeFileSync(
        join(rulesDir, 'script_host.toml'),
        SCRIPT_RULE_TOML.replace('risk_score = 47', 'risk_score = 45'),
      );
      writeFileSync(join(rulesDir, 'broken.toml'), '[rule\nname = ');
      rmSync(seedFile);
      const second = await startTestApp(options, dir.path);
      try {
        const after = (await second.app.inject({ method: 'GET', url: '/api/rules' })).json();
        expect(
          after.rules.map((r: { id: string; revision: number; risk_score: number; default: boolean }) => [
            r.id,
            r.revision,
            r.risk_score,
            r.default,
          ]),
        ).toEqual([['script_host', 2, 45, false]]);
        const put = await second.app.inject({
          method: 'PUT',
          url: '/api/rules/script_host',
          payload: { text: SCRIPT_RULE_TOML },
        });
        expect(put.statusCode).toBe(409);
      } finally {
        await second.app.close();
      }
    } finally {
      dir.cleanup();
    }
  });
});
