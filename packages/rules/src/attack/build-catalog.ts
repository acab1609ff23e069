/**
 * Builds the bundled ATT&CK catalog from the `threat` mappings of published rules. Used by
 * `scripts/build-attack-catalog.ts` (which writes `catalog-data.ts`) and by the test that checks
 * the committed catalog is still what the rules give. Pure: no file access.
 */
import type { Threat } from '../rule.js';
import type { AttackCatalog, AttackTacticFact } from './catalog-types.js';

/**
 * The 14 ATT&CK Enterprise tactics in matrix order, as MITRE publishes them. The rules map only
 * some of them, so this list is the one input that is not derived from the rules; every tactic
 * the rules do name is checked against it.
 */
export const ENTERPRISE_TACTICS: readonly AttackTacticFact[] = [
  { id: 'TA0043', name: 'Reconnaissance' },
  { id: 'TA0042', name: 'Resource Development' },
  { id: 'TA0001', name: 'Initial Access' },
  { id: 'TA0002', name: 'Execution' },
  { id: 'TA0003', name: 'Persistence' },
  { id: 'TA0004', name: 'Privilege Escalation' },
  { id: 'TA0005', name: 'Defense Evasion' },
  { id: 'TA0006', name: 'Credential Access' },
  { id: 'TA0007', name: 'Discovery' },
  { id: 'TA0008', name: 'Lateral Movement' },
  { id: 'TA0009', name: 'Collection' },
  { id: 'TA0011', name: 'Command and Control' },
  { id: 'TA0010', name: 'Exfiltration' },
  { id: 'TA0040', name: 'Impact' },
];

/** One rule's mapping, with where it came from for the conflict report. */
export interface ThreatSource {
  readonly source: string;
  readonly threat: readonly Threat[];
}

export interface CatalogBuild {
  readonly catalog: AttackCatalog;
  /** Rules read, mappings taken, and entries left out or disputed (each names its rule). */
  readonly stats: { readonly rules: number; readonly mappedRules: number };
  readonly conflicts: readonly string[];
}

const TECHNIQUE = /^T\d{4}$/;
const SUBTECHNIQUE = /^(T\d{4})\.\d{3}$/;

/** Counts the names each id is given, to keep the most used one and report the others. */
class NameVotes {
  readonly #votes = new Map<string, Map<string, string[]>>();

  add(id: string, name: string, source: string): void {
    const byName = this.#votes.get(id) ?? new Map<string, string[]>();
    this.#votes.set(id, byName);
    byName.set(name, [...(byName.get(name) ?? []), source]);
  }

  ids(): string[] {
    return [...this.#votes.keys()].sort();
  }

  /** The most used name (ties: the alphabetically first), and a note per outvoted one. */
  winner(id: string): { name: string; disputes: string[] } {
    const byName = [...(this.#votes.get(id) ?? new Map<string, string[]>())].sort(
      (a, b) => b[1].length - a[1].length || a[0].localeCompare(b[0]),
    );
    const [first, ...rest] = byName;
    return {
      name: first?.[0] ?? '',
      disputes: rest.map(
        ([name, sources]) =>
          `${id}: "${name}" (${sources.join(', ')}) outvoted by "${first?.[0]}" (${first?.[1].length} rules)`,
      ),
    };
  }
}

export function buildAttackCatalog(sources: readonly ThreatSource[]): CatalogBuild {
  const tacticNames = new Map(ENTERPRISE_TACTICS.map((t) => [t.id, t.name]));
  const tacticOrder = new Map(ENTERPRISE_TACTICS.map((t, i) => [t.id, i]));
  const techniqueNames = new NameVotes();
  const subtechniqueNames = new NameVotes();
  const techniqueTactics = new Map<string, Set<string>>();
  const conflicts: string[] = [];
  let mappedRules = 0;

  for (const { source, threat } of sources) {
    if (threat.length > 0) mappedRules++;
    for (const mapping of threat) {
      if (mapping.framework !== 'MITRE ATT&CK') {
        conflicts.push(`${source}: framework "${mapping.framework}" left out`);
        continue;
      }
      const tactic = mapping.tactic;
      const knownTactic = tacticNames.get(tactic.id);
      if (knownTactic === undefined) {
        conflicts.push(
          `${source}: tactic ${tactic.id} is not an Enterprise tactic; its techniques are left out`,
        );
        continue;
      }
      if (knownTactic !== tactic.name)
        conflicts.push(`${source}: tactic ${tactic.id} named "${tactic.name}", not "${knownTactic}"`);
      for (const technique of mapping.technique ?? []) {
        if (!TECHNIQUE.test(technique.id)) {
          conflicts.push(`${source}: technique id "${technique.id}" is malformed; left out`);
          continue;
        }
        techniqueNames.add(technique.id, technique.name, source);
        const tactics = techniqueTactics.get(technique.id) ?? new Set<string>();
        techniqueTactics.set(technique.id, tactics);
        tactics.add(tactic.id);
        for (const sub of technique.subtechnique ?? []) {
          const parent = SUBTECHNIQUE.exec(sub.id)?.[1];
          if (parent !== technique.id) {
            conflicts.push(`${source}: subtechnique "${sub.id}" under ${technique.id}; left out`);
            continue;
          }
          subtechniqueNames.add(sub.id, sub.name, source);
        }
      }
    }
  }

  const techniques = techniqueNames.ids().map((id) => {
    const { name, disputes } = techniqueNames.winner(id);
    conflicts.push(...disputes);
    const tactics = [...(techniqueTactics.get(id) ?? [])].sort(
      (a, b) => (tacticOrder.get(a) ?? 0) - (tacticOrder.get(b) ?? 0),
    );
    return { id, name, tactics };
  });
  const subtechniques = subtechniqueNames.ids().map((id) => {
    const { name, disputes } = subtechniqueNames.winner(id);
    conflicts.push(...disputes);
    return { id, name };
  });
  return {
    catalog: { tactics: ENTERPRISE_TACTICS, techniques, subtechniques },
    stats: { rules: sources.length, mappedRules },
    conflicts,
  };
}

/** The TypeScript module that `scripts/build-attack-catalog.ts` writes as `catalog-data.ts`. */
export function renderCatalogModule(catalog: AttackCatalog, header: readonly string[]): string {
  const lines = [
    ...header.map((line) => `// ${line}`.trimEnd()),
    "import type { AttackCatalog } from './catalog-types.js';",
    '',
    'export const ATTACK_CATALOG: AttackCatalog = {',
    '  tactics: [',
    ...catalog.tactics.map((t) => `    { id: ${str(t.id)}, name: ${str(t.name)} },`),
    '  ],',
    '  techniques: [',
    ...catalog.techniques.map(
      (t) => `    { id: ${str(t.id)}, name: ${str(t.name)}, tactics: [${t.tactics.map(str).join(', ')}] },`,
    ),
    '  ],',
    '  subtechniques: [',
    ...catalog.subtechniques.map((s) => `    { id: ${str(s.id)}, name: ${str(s.name)} },`),
    '  ],',
    '};',
    '',
  ];
  return lines.join('\n');
}

/** A single-quoted TypeScript string literal (the repository's formatter style). */
function str(value: string): string {
  return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}
