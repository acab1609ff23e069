import type { Threat } from '@rulebench/rules';
import { describe, expect, it } from 'vitest';
import {
  addSubtechnique,
  addTactic,
  addTechnique,
  attackIdProblem,
  choiceLabel,
  removeSubtechnique,
  removeTechnique,
  splitAttackChoice,
  TACTICS,
  techniqueCatalog,
  techniqueChoices,
  techniqueReference,
} from './attack.js';

describe('TACTICS', () => {
  it('lists the 14 Enterprise tactics in matrix order', () => {
    expect(TACTICS).toHaveLength(14);
    expect(TACTICS[0]).toEqual({ id: 'TA0043', name: 'Reconnaissance' });
    expect(TACTICS.at(-1)).toEqual({ id: 'TA0040', name: 'Impact' });
  });
});

describe('attackIdProblem', () => {
  it('accepts well-formed ids', () => {
    expect(attackIdProblem('technique', 'T1059')).toBeNull();
    expect(attackIdProblem('subtechnique', 'T1059.001', 'T1059')).toBeNull();
  });

  it('says what is wrong with the others', () => {
    expect(attackIdProblem('technique', 'T159')).toBe('A technique id looks like T1059.');
    expect(attackIdProblem('technique', 'T1059.001')).toBe(
      'T1059.001 is a subtechnique: add it under technique T1059.',
    );
    expect(attackIdProblem('subtechnique', 'T1059')).toBe('A subtechnique id looks like T1059.001.');
    expect(attackIdProblem('subtechnique', 'T1047.001', 'T1059')).toBe(
      'T1047.001 is not part of technique T1059.',
    );
    expect(attackIdProblem('technique', ' ')).toBe('Enter an id.');
  });
});

describe('editing the mapping', () => {
  const start = addTactic([], 'TA0002');

  it('adds a tactic with its name and reference, once', () => {
    expect(start).toEqual([
      {
        framework: 'MITRE ATT&CK',
        tactic: { id: 'TA0002', name: 'Execution', reference: 'https://attack.mitre.org/tactics/TA0002/' },
      },
    ]);
    expect(addTactic(start, 'TA0002')).toEqual(start);
  });

  it('adds techniques and subtechniques with references, and removes them again', () => {
    const withTechnique = addTechnique(start, 0, 'T1059', 'Command and Scripting Interpreter');
    const withSub = addSubtechnique(withTechnique, 0, 0, 'T1059.001', 'PowerShell');
    const technique = withSub[0]?.technique?.[0];
    expect(technique?.reference).toBe('https://attack.mitre.org/techniques/T1059/');
    expect(technique?.subtechnique).toEqual([
      { id: 'T1059.001', name: 'PowerShell', reference: 'https://attack.mitre.org/techniques/T1059/001/' },
    ]);
    const noSub = removeSubtechnique(withSub, 0, 0, 0);
    expect(noSub[0]?.technique?.[0] && 'subtechnique' in noSub[0].technique[0]).toBe(false);
    const none: Threat[] = removeTechnique(noSub, 0, 0);
    expect('technique' in (none[0] ?? {})).toBe(false);
  });
});

describe('techniqueCatalog', () => {
  it('merges names from the rule and the library, first name winning, sorted by id', () => {
    const threats = addSubtechnique(
      addTechnique(addTactic([], 'TA0002'), 0, 'T1059', 'Command'),
      0,
      0,
      'T1059.001',
      'PowerShell',
    );
    expect(
      techniqueCatalog(
        [
          [
            { id: 'T1047', name: 'Windows Management Instrumentation' },
            { id: 'T1059', name: 'Other' },
          ],
        ],
        threats,
        [],
      ),
    ).toEqual([
      { id: 'T1047', name: 'Windows Management Instrumentation' },
      { id: 'T1059', name: 'Command' },
      { id: 'T1059.001', name: 'PowerShell' },
    ]);
  });
});

describe('the picker and the bundled ATT&CK catalog', () => {
  const known = techniqueCatalog(
    [[{ id: 'T1234', name: 'From The Library' }]],
    [
      {
        framework: 'MITRE ATT&CK',
        tactic: { id: 'TA0002', name: 'Execution', reference: '' },
        technique: [{ id: 'T1047', name: 'WMI', reference: '' }],
      },
    ],
  );

  it("takes names from the catalog before the rule's own or the library's", () => {
    expect(known.find((k) => k.id === 'T1047')).toEqual({
      id: 'T1047',
      name: 'Windows Management Instrumentation',
      tactics: ['TA0002'],
    });
    expect(known.find((k) => k.id === 'T1059.001')).toEqual({ id: 'T1059.001', name: 'PowerShell' });
    expect(known.find((k) => k.id === 'T1234')).toEqual({ id: 'T1234', name: 'From The Library' });
  });

  it("offers the tactic's own techniques first, and says where the others belong", () => {
    const choices = techniqueChoices(known, 'TA0002');
    const firstElsewhere = choices.findIndex((c) => !c.tactics?.includes('TA0002'));
    expect(choices.slice(0, firstElsewhere).map((c) => c.id)).toContain('T1047');
    expect(choices.slice(firstElsewhere).map((c) => c.id)).toContain('T1003');
    expect(choices.some((c) => c.id.includes('.'))).toBe(false);
    const dumping = choices.find((c) => c.id === 'T1003');
    expect(dumping && choiceLabel(dumping, 'TA0002')).toBe(
      'OS Credential Dumping (listed under Credential Access)',
    );
    expect(dumping && choiceLabel(dumping, 'TA0006')).toBe('OS Credential Dumping');
  });
});

describe('splitAttackChoice and techniqueReference', () => {
  it('reads an id with an optional name', () => {
    expect(splitAttackChoice('t1047 — Windows Management Instrumentation')).toEqual({
      id: 'T1047',
      name: 'Windows Management Instrumentation',
    });
    expect(splitAttackChoice('T1059.001')).toEqual({ id: 'T1059.001', name: '' });
    expect(splitAttackChoice('powershell')).toEqual({ id: 'powershell', name: '' });
  });

  it('links subtechniques under their technique', () => {
    expect(techniqueReference('T1059.001')).toBe('https://attack.mitre.org/techniques/T1059/001/');
  });
});
