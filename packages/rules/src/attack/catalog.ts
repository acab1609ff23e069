/**
 * Look-ups in the bundled ATT&CK catalog. The catalog holds only what the published rules map
 * (see PROVENANCE.md): an id missing here may still be a real ATT&CK id.
 */
import { ATTACK_CATALOG } from './catalog-data.js';
import type { AttackSubtechniqueFact, AttackTacticFact, AttackTechniqueFact } from './catalog-types.js';

export { ATTACK_CATALOG };

const tactics = new Map<string, AttackTacticFact>(ATTACK_CATALOG.tactics.map((t) => [t.id, t]));
const techniques = new Map<string, AttackTechniqueFact>(ATTACK_CATALOG.techniques.map((t) => [t.id, t]));
const subtechniques = new Map<string, AttackSubtechniqueFact>(
  ATTACK_CATALOG.subtechniques.map((s) => [s.id, s]),
);

/** The MITRE ATT&CK Enterprise tactics, id → name, in matrix order. */
export const ATTACK_TACTICS: Readonly<Record<string, string>> = Object.fromEntries(
  ATTACK_CATALOG.tactics.map((t) => [t.id, t.name]),
);

export function attackTactic(id: string): AttackTacticFact | undefined {
  return tactics.get(id);
}

export function attackTechnique(id: string): AttackTechniqueFact | undefined {
  return techniques.get(id);
}

export function attackSubtechnique(id: string): AttackSubtechniqueFact | undefined {
  return subtechniques.get(id);
}

/** Techniques the catalog lists under a tactic, by id. */
export function techniquesOfTactic(tacticId: string): AttackTechniqueFact[] {
  return ATTACK_CATALOG.techniques.filter((t) => t.tactics.includes(tacticId));
}

/** Subtechniques of a technique, by id. */
export function subtechniquesOf(techniqueId: string): AttackSubtechniqueFact[] {
  return ATTACK_CATALOG.subtechniques.filter((s) => s.id.startsWith(`${techniqueId}.`));
}
