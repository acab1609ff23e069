import { type EventLike, readTimestamp } from './match-row.js';

/**
 * The events of sequence results as one flat list, for the "events" view of sequence matches:
 * every present member once (an event may complete several sequences), in timestamp order;
 * missing-event placeholders are left out. Order among equal timestamps is the results' own.
 */
export function sequenceMembers(
  sequences: readonly { readonly events: readonly EventLike[] }[],
): EventLike[] {
  const seen = new Set<string>();
  const members: { hit: EventLike; at: number; order: number }[] = [];
  for (const sequence of sequences) {
    for (const hit of sequence.events) {
      const id = `${hit._index}\u0000${hit._id}`;
      if (hit.missing || seen.has(id)) continue;
      seen.add(id);
      const at = readTimestamp(hit._source['@timestamp'])?.getTime() ?? Number.POSITIVE_INFINITY;
      members.push({ hit, at, order: members.length });
    }
  }
  return members.sort((a, b) => a.at - b.at || a.order - b.order).map((m) => m.hit);
}
