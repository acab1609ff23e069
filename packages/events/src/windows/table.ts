import type { EcsBuilder } from '../ecs-builder.js';
import type { WinEvent } from './win-event.js';

/** How a raw text value is converted before it is written to its ECS field. */
export type Convert = 'long' | 'lower';

/** Copy one EventData field to one ECS field. */
export interface FieldRule {
  readonly from: string;
  readonly to: string;
  readonly as?: Convert;
}

export interface MapContext {
  readonly event: WinEvent;
  /** EventData without empty placeholders ("", "-", the zero GUID). */
  readonly data: Readonly<Record<string, string>>;
  readonly out: EcsBuilder;
}

/** A derivation that needs more than a copy (names from paths, hashes, registry, DNS…). */
export type Enricher = (ctx: MapContext) => void;

/** The mapping of one event id. */
export interface EventEntry {
  readonly action: string | readonly string[];
  readonly category?: readonly string[];
  readonly type?: readonly string[];
  readonly outcome?: string;
  readonly fields?: readonly FieldRule[];
  readonly enrich?: readonly Enricher[];
}

/** The mapping of one event provider: shared rules plus one entry per event id. */
export interface ProviderTable {
  /** Provider names this table applies to, compared case-insensitively. */
  readonly providers: readonly string[];
  readonly module: string;
  readonly dataset: string;
  /** Applied to every event of the provider: fields before the entry's, enrichers after. */
  readonly common: { readonly fields: readonly FieldRule[]; readonly enrich: readonly Enricher[] };
  readonly events: Readonly<Record<number, EventEntry>>;
}

/** A shorthand for a FieldRule list: [from, to] or [from, to, convert]. */
export function rules(
  ...list: readonly (readonly [string, string] | readonly [string, string, Convert])[]
): FieldRule[] {
  return list.map(([from, to, as]) => (as === undefined ? { from, to } : { from, to, as }));
}
