import type { Rule, ThreatEntry } from '../rule.js';
import type { Finding } from './finding.js';

/** The MITRE ATT&CK Enterprise tactics, id → name. */
export const ATTACK_TACTICS: Readonly<Record<string, string>> = {
  TA0043: 'Reconnaissance',
  TA0042: 'Resource Development',
  TA0001: 'Initial Access',
  TA0002: 'Execution',
  TA0003: 'Persistence',
  TA0004: 'Privilege Escalation',
  TA0005: 'Defense Evasion',
  TA0006: 'Credential Access',
  TA0007: 'Discovery',
  TA0008: 'Lateral Movement',
  TA0009: 'Collection',
  TA0011: 'Command and Control',
  TA0010: 'Exfiltration',
  TA0040: 'Impact',
};

const ATTACK_FRAMEWORK = 'MITRE ATT&CK';

export function validateThreat(rule: Rule): Finding[] {
  const findings: Finding[] = [];
  const push = (severity: Finding['severity'], code: string, field: string, message: string) =>
    findings.push({ severity, code, field, message });

  const checkReference = (field: string, entry: ThreatEntry, expected: string) => {
    if (entry.reference !== expected && entry.reference !== expected.replace(/\/$/, '')) {
      push(
        'warning',
        'attack-reference',
        `${field}.reference`,
        `reference "${entry.reference}" should be ${expected}`,
      );
    }
  };

  const tacticNames = new Set<string>();
  (rule.threat ?? []).forEach((threat, i) => {
    const at = `threat[${i}]`;
    if (threat.framework !== ATTACK_FRAMEWORK) {
      push(
        'warning',
        'attack-framework',
        `${at}.framework`,
        `framework "${threat.framework}" is not "${ATTACK_FRAMEWORK}"; its ids are not checked.`,
      );
      return;
    }
    const tactic = threat.tactic;
    tacticNames.add(tactic.name);
    if (!/^TA\d{4}$/.test(tactic.id)) {
      push('error', 'attack-id', `${at}.tactic.id`, `tactic id "${tactic.id}" is not of the form TA0000.`);
    } else {
      const known = ATTACK_TACTICS[tactic.id];
      if (!known)
        push('warning', 'attack-id', `${at}.tactic.id`, `"${tactic.id}" is not an ATT&CK Enterprise tactic.`);
      else if (known !== tactic.name)
        push(
          'warning',
          'attack-name',
          `${at}.tactic.name`,
          `tactic ${tactic.id} is named "${known}", not "${tactic.name}".`,
        );
      checkReference(`${at}.tactic`, tactic, `https://attack.mitre.org/tactics/${tactic.id}/`);
      if (known) tacticNames.add(known);
    }
    (threat.technique ?? []).forEach((technique, j) => {
      const tat = `${at}.technique[${j}]`;
      if (!/^T\d{4}$/.test(technique.id)) {
        push(
          'error',
          'attack-id',
          `${tat}.id`,
          `technique id "${technique.id}" is not of the form T0000${technique.id.includes('.') ? ' (a subtechnique belongs under its technique)' : ''}.`,
        );
        return;
      }
      if (!technique.name.trim()) push('error', 'attack-name', `${tat}.name`, 'technique name is empty.');
      checkReference(tat, technique, `https://attack.mitre.org/techniques/${technique.id}/`);
      (technique.subtechnique ?? []).forEach((sub, k) => {
        const sat = `${tat}.subtechnique[${k}]`;
        const match = /^(T\d{4})\.(\d{3})$/.exec(sub.id);
        if (!match) {
          push(
            'error',
            'attack-id',
            `${sat}.id`,
            `subtechnique id "${sub.id}" is not of the form T0000.000.`,
          );
        } else if (match[1] !== technique.id) {
          push(
            'error',
            'attack-nesting',
            `${sat}.id`,
            `subtechnique ${sub.id} is not part of technique ${technique.id}.`,
          );
        } else {
          checkReference(sat, sub, `https://attack.mitre.org/techniques/${match[1]}/${match[2]}/`);
        }
        if (!sub.name.trim()) push('error', 'attack-name', `${sat}.name`, 'subtechnique name is empty.');
      });
    });
  });

  // detection-rules keeps "Tactic: <name>" tags in step with the mapped tactics.
  (rule.tags ?? []).forEach((tag, i) => {
    const match = /^Tactic: (.+)$/.exec(tag);
    if (match && rule.threat && rule.threat.length > 0 && !tacticNames.has(match[1] ?? '')) {
      push(
        'warning',
        'tactic-tag',
        `tags[${i}]`,
        `tag "${tag}" names a tactic the threat mapping does not include.`,
      );
    }
  });
  return findings;
}
