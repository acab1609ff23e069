/** The shape of the bundled ATT&CK catalog (see `catalog-data.ts` and PROVENANCE.md beside it). */

export interface AttackTacticFact {
  /** `TA0002` */
  readonly id: string;
  /** `Execution` */
  readonly name: string;
}

export interface AttackTechniqueFact {
  /** `T1047` */
  readonly id: string;
  readonly name: string;
  /** Tactic ids the technique is known to belong to, in matrix order. */
  readonly tactics: readonly string[];
}

export interface AttackSubtechniqueFact {
  /** `T1059.001`; its parent technique is the part before the dot. */
  readonly id: string;
  readonly name: string;
}

export interface AttackCatalog {
  /** The Enterprise tactics, in the order of the ATT&CK matrix. */
  readonly tactics: readonly AttackTacticFact[];
  /** Sorted by id. */
  readonly techniques: readonly AttackTechniqueFact[];
  /** Sorted by id. */
  readonly subtechniques: readonly AttackSubtechniqueFact[];
}
