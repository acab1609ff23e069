import { ATTACK_TACTICS, attackSubtechnique, attackTechnique } from '../attack/catalog.js';
import type { Rule, ThreatEntry, ThreatTechnique } from '../rule.js';
import type { Finding } from './finding.js';

export { ATTACK_TACTICS };

const ATTACK_FRAMEWORK = 'MITRE ATT&CK';
/** How findings name the catalog, so users know an absent id may still be real ATT&CK. */
const CATALOG = 'the bundled ATT&CK catalog (the techniques the published Elastic rules map)';

type Push = (severity: Finding['severity'], code: string, field: string, message: string) => void;

/**
 * The ATT&CK mapping: ids well-formed (errors, as detection-rules' schema refuses them), then
 * consistency with the bundled catalog (warnings): names match ids, techniques sit under a
 * tactic they belong to, subtechniques under their own technique. Ids the catalog lacks are
 * reported as information only, since the catalog covers only what the published rules map.
 */
export function validateThreat(rule: Rule): Finding[] {
  const findings: Finding[] = [];
  const push: Push = (severity, code, field, message) => findings.push({ severity, code, field, message });

  const tacticNames = new Set<string>();
  const seenTactics = new Set<string>();
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
    let tacticKnown = false;
    if (!/^TA\d{4}$/.test(tactic.id)) {
      push('error', 'attack-id', `${at}.tactic.id`, `tactic id "${tactic.id}" is not of the form TA0000.`);
    } else {
      const known = ATTACK_TACTICS[tactic.id];
      tacticKnown = known !== undefined;
      if (!known)
        push('warning', 'attack-id', `${at}.tactic.id`, `"${tactic.id}" is not an ATT&CK Enterprise tactic.`);
      else if (known !== tactic.name)
        push(
          'warning',
          'attack-name',
          `${at}.tactic.name`,
          `tactic ${tactic.id} is named "${known}", not "${tactic.name}".`,
        );
      checkReference(push, `${at}.tactic`, tactic, `https://attack.mitre.org/tactics/${tactic.id}/`);
      if (known) tacticNames.add(known);
      if (seenTactics.has(tactic.id))
        push(
          'warning',
          'attack-duplicate',
          `${at}.tactic.id`,
          `tactic ${tactic.id} is mapped twice; Kibana shows both entries.`,
        );
      seenTactics.add(tactic.id);
    }
    const seenTechniques = new Set<string>();
    (threat.technique ?? []).forEach((technique, j) => {
      const tat = `${at}.technique[${j}]`;
      if (seenTechniques.has(technique.id))
        push('warning', 'attack-duplicate', `${tat}.id`, `technique ${technique.id} is listed twice here.`);
      seenTechniques.add(technique.id);
      validateTechnique(push, tat, technique, tacticKnown ? tactic.id : undefined);
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

function validateTechnique(
  push: Push,
  tat: string,
  technique: ThreatTechnique,
  tacticId: string | undefined,
): void {
  if (!/^T\d{4}$/.test(technique.id)) {
    push(
      'error',
      'attack-id',
      `${tat}.id`,
      `technique id "${technique.id}" is not of the form T0000${technique.id.includes('.') ? ' (a subtechnique belongs under its technique)' : ''}.`,
    );
    return;
  }
  checkReference(push, tat, technique, `https://attack.mitre.org/techniques/${technique.id}/`);
  const known = attackTechnique(technique.id);
  if (!technique.name.trim()) push('error', 'attack-name', `${tat}.name`, 'technique name is empty.');
  else if (known && known.name !== technique.name)
    push(
      'warning',
      'attack-name',
      `${tat}.name`,
      `technique ${technique.id} is named "${known.name}", not "${technique.name}".`,
    );
  if (!known) {
    push(
      'info',
      'attack-unknown',
      `${tat}.id`,
      `technique ${technique.id} is not in ${CATALOG}; its name and tactics are not checked.`,
    );
  } else if (tacticId !== undefined && !known.tactics.includes(tacticId)) {
    const under = known.tactics.map((t) => `${t} ${ATTACK_TACTICS[t] ?? ''}`.trim()).join(', ');
    push(
      'warning',
      'attack-tactic',
      `${tat}.id`,
      `technique ${technique.id} "${known.name}" is not listed under tactic ${tacticId} ${ATTACK_TACTICS[tacticId] ?? ''} in ${CATALOG}; it has it under ${under}.`,
    );
  }
  (technique.subtechnique ?? []).forEach((sub, k) => {
    validateSubtechnique(push, `${tat}.subtechnique[${k}]`, sub, technique.id);
  });
}

function validateSubtechnique(push: Push, sat: string, sub: ThreatEntry, techniqueId: string): void {
  const match = /^(T\d{4})\.(\d{3})$/.exec(sub.id);
  if (!match) {
    push('error', 'attack-id', `${sat}.id`, `subtechnique id "${sub.id}" is not of the form T0000.000.`);
  } else {
    if (match[1] !== techniqueId) {
      push(
        'warning',
        'attack-nesting',
        `${sat}.id`,
        `subtechnique ${sub.id} belongs under technique ${match[1]}, not ${techniqueId}.`,
      );
    }
    checkReference(push, sat, sub, `https://attack.mitre.org/techniques/${match[1]}/${match[2]}/`);
  }
  const known = match ? attackSubtechnique(sub.id) : undefined;
  if (!sub.name.trim()) push('error', 'attack-name', `${sat}.name`, 'subtechnique name is empty.');
  else if (known && known.name !== sub.name)
    push(
      'warning',
      'attack-name',
      `${sat}.name`,
      `subtechnique ${sub.id} is named "${known.name}", not "${sub.name}".`,
    );
  if (match && !known)
    push(
      'info',
      'attack-unknown',
      `${sat}.id`,
      `subtechnique ${sub.id} is not in ${CATALOG}; its name is not checked.`,
    );
}

function checkReference(push: Push, field: string, entry: ThreatEntry, expected: string): void {
  if (entry.reference !== expected && entry.reference !== expected.replace(/\/$/, '')) {
    push(
      'warning',
      'attack-reference',
      `${field}.reference`,
      `reference "${entry.reference}" should be ${expected}`,
    );
  }
}
