/** A detection rule as `GET /api/rules/*` sends it (detection-rules field names, snake_case). */

export interface ThreatEntry {
  readonly id: string;
  readonly name: string;
  readonly reference?: string;
}

export interface RuleThreat {
  readonly framework: string;
  readonly tactic?: ThreatEntry;
  readonly technique?: readonly (ThreatEntry & { readonly subtechnique?: readonly ThreatEntry[] })[];
}

export interface Rule {
  readonly rule_id?: string;
  readonly name: string;
  readonly description?: string;
  readonly type?: string;
  readonly language?: string;
  readonly severity?: string;
  readonly risk_score?: number;
  readonly interval?: string;
  readonly from?: string;
  readonly max_signals?: number;
  readonly tags?: readonly string[];
  readonly index?: readonly string[];
  readonly query: string;
  readonly note?: string;
  readonly setup?: string;
  readonly references?: readonly string[];
  readonly threat?: readonly RuleThreat[];
  readonly author?: readonly string[];
  readonly license?: string;
  /** detection-rules `[transform]`: guide plugins referenced from `note` as `$investigate_0`. */
  readonly transform?: Readonly<Record<string, readonly unknown[]>>;
}
