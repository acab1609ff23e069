import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hasShared, sharedPath } from '../../test/shared.js';
import { readTomlRuleFile } from '../node.js';
import { buildAttackCatalog, ENTERPRISE_TACTICS, renderCatalogModule } from './build-catalog.js';
import {
  ATTACK_CATALOG,
  ATTACK_TACTICS,
  attackSubtechnique,
  attackTechnique,
  subtechniquesOf,
  techniquesOfTactic,
} from './catalog.js';

const entry = (id: string, name: string) => ({ id, name, reference: '' });

describe('the bundled ATT&CK catalog', () => {
  it('has the 14 Enterprise tactics in matrix order', () => {
    expect(ATTACK_CATALOG.tactics).toHaveLength(14);
    expect(Object.keys(ATTACK_TACTICS)).toEqual(ENTERPRISE_TACTICS.map((t) => t.id));
    expect(ATTACK_TACTICS.TA0011).toBe('Command and Control');
  });

  it('knows techniques with their tactics, and subtechniques with their names', () => {
    expect(attackTechnique('T1047')).toEqual({
      id: 'T1047',
      name: 'Windows Management Instrumentation',
      tactics: ['TA0002'],
    });
    expect(attackTechnique('T1055')?.tactics).toEqual(['TA0004', 'TA0005']);
    expect(attackSubtechnique('T1059.001')).toEqual({ id: 'T1059.001', name: 'PowerShell' });
    expect(attackTechnique('T9999')).toBeUndefined();
    expect(techniquesOfTactic('TA0002').map((t) => t.id)).toContain('T1047');
    expect(subtechniquesOf('T1059').map((s) => s.id)).toContain('T1059.005');
    expect(ATTACK_CATALOG.techniques.length).toBe(114);
    expect(ATTACK_CATALOG.subtechniques.length).toBe(160);
  });

  it('is sorted, and every subtechnique has its technique', () => {
    const ids = ATTACK_CATALOG.techniques.map((t) => t.id);
    expect(ids).toEqual([...ids].sort());
    for (const sub of ATTACK_CATALOG.subtechniques) {
      expect(attackTechnique(sub.id.slice(0, 5)), sub.id).toBeDefined();
    }
  });
});

describe('buildAttackCatalog', () => {
  it('keeps the most used name, orders tactics as the matrix, and reports what it leaves out', () => {
    const mapping = (tacticId: string, tacticName: string, techniqueName: string, subId = 'T1059.001') => [
      {
        framework: 'MITRE ATT&CK',
        tactic: entry(tacticId, tacticName),
        technique: [{ ...entry('T1059', techniqueName), subtechnique: [entry(subId, 'PowerShell')] }],
      },
    ];
    const build = buildAttackCatalog([
      { source: 'a.toml', threat: mapping('TA0005', 'Defense Evasion', 'Command and Scripting Interpreter') },
      { source: 'b.toml', threat: mapping('TA0002', 'Execution', 'Command and Scripting Interpreter') },
      { source: 'c.toml', threat: mapping('TA0002', 'Executing', 'Scripting', 'T1047.001') },
      { source: 'd.toml', threat: [] },
    ]);
    expect(build.catalog.techniques).toEqual([
      { id: 'T1059', name: 'Command and Scripting Interpreter', tactics: ['TA0002', 'TA0005'] },
    ]);
    expect(build.catalog.subtechniques).toEqual([{ id: 'T1059.001', name: 'PowerShell' }]);
    expect(build.stats).toEqual({ rules: 4, mappedRules: 3 });
    expect(build.conflicts).toEqual([
      'c.toml: tactic TA0002 named "Executing", not "Execution"',
      'c.toml: subtechnique "T1047.001" under T1059; left out',
      'T1059: "Scripting" (c.toml) outvoted by "Command and Scripting Interpreter" (2 rules)',
    ]);
    expect(renderCatalogModule(build.catalog, ['header'])).toContain(
      "{ id: 'T1059', name: 'Command and Scripting Interpreter', tactics: ['TA0002', 'TA0005'] },",
    );
  });
});

describe.skipIf(!hasShared('rules', 'rules'))('the committed catalog', () => {
  it('is what the published rules give (rerun attack:build when this fails)', () => {
    // The same files, in the same order, as scripts/build-attack-catalog.ts reads.
    const dir = sharedPath('rules', 'rules');
    const files = readdirSync(dir, { recursive: true, encoding: 'utf8' })
      .filter((f) => f.endsWith('.toml'))
      .sort();
    const build = buildAttackCatalog(
      files.map((file) => ({ source: file, threat: readTomlRuleFile(join(dir, file)).rule.threat ?? [] })),
    );
    expect(build.stats.rules).toBe(487);
    expect(build.conflicts).toEqual([]);
    expect(build.catalog).toEqual(ATTACK_CATALOG);
  });
});
