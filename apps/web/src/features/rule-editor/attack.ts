/**
 * The ATT&CK mapping of a rule (`threat`), edited as tactic → technique → subtechnique. Names
 * come from the bundled ATT&CK catalog of `@rulebench/rules` (the techniques the published
 * Elastic rules map, see its PROVENANCE.md), then from the rules in the library; anything else is
 * typed in and checked for its id shape.
 */
import {
  ATTACK_CATALOG,
  ATTACK_TACTICS,
  type Threat,
  type ThreatEntry,
  type ThreatTechnique,
} from '@rulebench/rules';

export const ATTACK_FRAMEWORK = 'MITRE ATT&CK';

/** Tactics in the order of the ATT&CK matrix. */
export const TACTICS: readonly { readonly id: string; readonly name: string }[] = Object.entries(
  ATTACK_TACTICS,
).map(([id, name]) => ({ id, name }));

export const TECHNIQUE_ID = /^T\d{4}$/;
export const SUBTECHNIQUE_ID = /^T\d{4}\.\d{3}$/;

export function tacticReference(id: string): string {
  return `https://attack.mitre.org/tactics/${id}/`;
}

/** `T1047` → …/techniques/T1047/; `T1059.001` → …/techniques/T1059/001/. */
export function techniqueReference(id: string): string {
  const [technique, sub] = id.split('.');
  return sub === undefined
    ? `https://attack.mitre.org/techniques/${technique}/`
    : `https://attack.mitre.org/techniques/${technique}/${sub}/`;
}

/** Why an id cannot be used for that level, or null when it can. */
export function attackIdProblem(
  level: 'technique' | 'subtechnique',
  id: string,
  techniqueId?: string,
): string | null {
  const value = id.trim();
  if (value === '') return 'Enter an id.';
  if (level === 'technique') {
    if (SUBTECHNIQUE_ID.test(value))
      return `${value} is a subtechnique: add it under technique ${value.slice(0, 5)}.`;
    return TECHNIQUE_ID.test(value) ? null : 'A technique id looks like T1059.';
  }
  if (!SUBTECHNIQUE_ID.test(value)) return 'A subtechnique id looks like T1059.001.';
  if (techniqueId !== undefined && !value.startsWith(`${techniqueId}.`))
    return `${value} is not part of technique ${techniqueId}.`;
  return null;
}

export interface KnownTechnique {
  readonly id: string;
  readonly name: string;
  /** For techniques of the bundled catalog: the tactics it lists them under. */
  readonly tactics?: readonly string[];
}

/** The bundled catalog's techniques and subtechniques, as picker entries. */
export function bundledTechniques(): KnownTechnique[] {
  return [...ATTACK_CATALOG.techniques, ...ATTACK_CATALOG.subtechniques];
}

/**
 * Technique and subtechnique names by id: the bundled catalog's first (they are ATT&CK's), then
 * those of the rule itself and of the library, for ids the catalog lacks. Sorted by id.
 */
export function techniqueCatalog(
  sources: readonly (readonly KnownTechnique[])[],
  threats: readonly Threat[] = [],
  bundled: readonly KnownTechnique[] = bundledTechniques(),
): KnownTechnique[] {
  const byId = new Map<string, KnownTechnique>();
  const add = (known: KnownTechnique) => {
    if (known.name.trim() !== '' && !byId.has(known.id)) byId.set(known.id, known);
  };
  for (const known of bundled) add(known);
  for (const threat of threats) {
    for (const t of threat.technique ?? []) {
      add({ id: t.id, name: t.name });
      for (const s of t.subtechnique ?? []) add({ id: s.id, name: s.name });
    }
  }
  for (const list of sources) for (const t of list) add({ id: t.id, name: t.name });
  return [...byId.values()].sort((a, b) => a.id.localeCompare(b.id));
}

/**
 * What the technique picker under a tactic offers: the techniques the catalog lists under that
 * tactic first, then every other known technique (a rule may map one elsewhere), each by id.
 */
export function techniqueChoices(known: readonly KnownTechnique[], tacticId: string): KnownTechnique[] {
  const techniques = known.filter((k) => !k.id.includes('.'));
  const under = (k: KnownTechnique) => k.tactics?.includes(tacticId) === true;
  return [...techniques.filter(under), ...techniques.filter((k) => !under(k))];
}

/** The picker's label for a choice: its name, and where the catalog lists it when elsewhere. */
export function choiceLabel(choice: KnownTechnique, tacticId?: string): string {
  if (tacticId === undefined || choice.tactics === undefined || choice.tactics.includes(tacticId))
    return choice.name;
  const elsewhere = choice.tactics.map((t) => ATTACK_TACTICS[t] ?? t).join(', ');
  return `${choice.name} (listed under ${elsewhere})`;
}

/** What a picker entry reads as: "T1047 Windows Management Instrumentation" → id and name. */
export function splitAttackChoice(text: string): { id: string; name: string } {
  const match = /^\s*(T\d{4}(?:\.\d{3})?)\s*(?:[-–—:]\s*)?(.*)$/i.exec(text);
  if (!match) return { id: text.trim(), name: '' };
  return { id: (match[1] ?? '').toUpperCase(), name: (match[2] ?? '').trim() };
}

function entry(id: string, name: string, reference: string): ThreatEntry {
  return { id, name, reference };
}

export function addTactic(threats: readonly Threat[], tacticId: string): Threat[] {
  if (threats.some((t) => t.tactic.id === tacticId)) return [...threats];
  const name = ATTACK_TACTICS[tacticId] ?? tacticId;
  return [
    ...threats,
    { framework: ATTACK_FRAMEWORK, tactic: entry(tacticId, name, tacticReference(tacticId)) },
  ];
}

export function removeTactic(threats: readonly Threat[], index: number): Threat[] {
  return threats.filter((_, i) => i !== index);
}

function withTechniques(threat: Threat, techniques: readonly ThreatTechnique[]): Threat {
  const { technique: _old, ...rest } = threat;
  return techniques.length === 0 ? rest : { ...rest, technique: techniques };
}

export function addTechnique(
  threats: readonly Threat[],
  tacticIndex: number,
  id: string,
  name: string,
): Threat[] {
  return threats.map((threat, i) => {
    if (i !== tacticIndex || (threat.technique ?? []).some((t) => t.id === id)) return threat;
    return withTechniques(threat, [...(threat.technique ?? []), entry(id, name, techniqueReference(id))]);
  });
}

export function removeTechnique(
  threats: readonly Threat[],
  tacticIndex: number,
  techniqueIndex: number,
): Threat[] {
  return threats.map((threat, i) =>
    i === tacticIndex
      ? withTechniques(
          threat,
          (threat.technique ?? []).filter((_, j) => j !== techniqueIndex),
        )
      : threat,
  );
}

function withSubtechniques(technique: ThreatTechnique, subs: readonly ThreatEntry[]): ThreatTechnique {
  const { subtechnique: _old, ...rest } = technique;
  return subs.length === 0 ? rest : { ...rest, subtechnique: subs };
}

export function addSubtechnique(
  threats: readonly Threat[],
  tacticIndex: number,
  techniqueIndex: number,
  id: string,
  name: string,
): Threat[] {
  return threats.map((threat, i) => {
    if (i !== tacticIndex) return threat;
    const techniques = (threat.technique ?? []).map((technique, j) => {
      if (j !== techniqueIndex || (technique.subtechnique ?? []).some((s) => s.id === id)) return technique;
      return withSubtechniques(technique, [
        ...(technique.subtechnique ?? []),
        entry(id, name, techniqueReference(id)),
      ]);
    });
    return withTechniques(threat, techniques);
  });
}

export function removeSubtechnique(
  threats: readonly Threat[],
  tacticIndex: number,
  techniqueIndex: number,
  subIndex: number,
): Threat[] {
  return threats.map((threat, i) => {
    if (i !== tacticIndex) return threat;
    const techniques = (threat.technique ?? []).map((technique, j) =>
      j === techniqueIndex
        ? withSubtechniques(
            technique,
            (technique.subtechnique ?? []).filter((_, k) => k !== subIndex),
          )
        : technique,
    );
    return withTechniques(threat, techniques);
  });
}
