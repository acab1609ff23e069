import type { EventLike } from '../features/search/match-row.js';
import type { EqlSearchResponse } from '../features/search/types.js';

/** Where a trainer step's event sits in a sequence or sample result. */
export interface TrainerGroup {
  readonly kind: 'sequence' | 'sample';
  /** 1-based position of the group among all groups. */
  readonly index: number;
  readonly count: number;
  /** 1-based stage (sequence) or member (sample) of this event within its group. */
  readonly stage: number;
  readonly stages: number;
  readonly joinKeys: readonly unknown[];
}

export interface TrainerStep {
  readonly event: EventLike;
  /** Absent for plain event results. */
  readonly group?: TrainerGroup;
}

/**
 * Every matched event in order, each sequence's (or sample's) present events with the group they
 * belong to, so trainer mode can say "Sequence 2 of 5 · stage 1 of 3" instead of losing the
 * grouping. `sample` results come back in `hits.sequences` too; `kind` tells them apart.
 */
export function trainerSteps(
  response: EqlSearchResponse | undefined,
  kind: 'sequence' | 'sample' = 'sequence',
): TrainerStep[] {
  if (!response) return [];
  const groups = response.hits.sequences;
  if (!groups) return (response.hits.events ?? []).map((event) => ({ event }));
  return groups.flatMap((group, g) =>
    group.events.flatMap((event, s): TrainerStep[] =>
      event.missing
        ? []
        : [
            {
              event,
              group: {
                kind,
                index: g + 1,
                count: groups.length,
                stage: s + 1,
                stages: group.events.length,
                joinKeys: group.join_keys ?? [],
              },
            },
          ],
    ),
  );
}

/** "Sequence 2 of 5 · stage 1 of 3" / "Sample 1 of 4 · event 2 of 2". */
export function groupLabel(group: TrainerGroup): string {
  return group.kind === 'sample'
    ? `Sample ${group.index} of ${group.count} · event ${group.stage} of ${group.stages}`
    : `Sequence ${group.index} of ${group.count} · stage ${group.stage} of ${group.stages}`;
}

/** Join keys as shown: `by host.name, user.name = ["pc1", "bob"]` reads as `pc1, bob`. */
export function joinKeysLabel(keys: readonly unknown[]): string {
  return keys.map((k) => (k === null ? 'null' : typeof k === 'string' ? k : JSON.stringify(k))).join(', ');
}
