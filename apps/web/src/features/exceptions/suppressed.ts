import type { WorkbenchSearchResponse } from '../../lib/match-count.js';
import { matchCount } from '../../lib/match-count.js';
import { itemSuppresses, type KibanaExceptionItem } from './rule-exceptions.js';

/** A response split by the rule's exceptions: what would alert, and what they suppress. */
export interface SuppressionSplit {
  /** The response without suppressed results; `matches` lowered by the suppressed count. */
  readonly kept: WorkbenchSearchResponse;
  /** Only the suppressed results (for showing them apart). */
  readonly suppressed: WorkbenchSearchResponse;
  /** How many results (events, or sequences) of this response the exceptions suppress. */
  readonly count: number;
}

function suppressedBy(items: readonly KibanaExceptionItem[], source: unknown): boolean {
  return items.some((item) => itemSuppresses(item, source));
}

function withHits(
  response: WorkbenchSearchResponse,
  hits: Pick<WorkbenchSearchResponse['hits'], 'events' | 'sequences'>,
  matches: number | undefined,
): WorkbenchSearchResponse {
  const shown = hits.sequences?.length ?? hits.events?.length ?? 0;
  const total = matchCount(response);
  return {
    ...response,
    // Only the given list: a sequence response split by exceptions must not keep its events, or
    // the other way round.
    hits: {
      total: { value: shown, relation: 'eq' },
      ...(hits.events ? { events: hits.events } : {}),
      ...(hits.sequences ? { sequences: hits.sequences } : {}),
    },
    ...(matches === undefined ? {} : { matches: { value: Math.max(0, matches), relation: total.relation } }),
  };
}

/**
 * Splits results by the rule's saved exceptions, as Kibana would not alert on them: an event
 * is suppressed when any item holds for it; a sequence when any of its events is (Kibana adds
 * exceptions to the query as a filter on every event, so such a sequence could not form).
 * `matches` of `kept` is the full count less the suppressed results of *this* response, so it
 * is exact when the response holds every match.
 */
export function splitSuppressed(
  response: WorkbenchSearchResponse,
  items: readonly KibanaExceptionItem[],
): SuppressionSplit {
  if (items.length === 0) {
    const none = response.hits.sequences ? { sequences: [] } : { events: [] };
    return { kept: response, suppressed: withHits(response, none, undefined), count: 0 };
  }
  const total = matchCount(response).value;
  const sequences = response.hits.sequences;
  if (sequences) {
    const hit = (s: (typeof sequences)[number]) =>
      s.events.some((e) => !e.missing && suppressedBy(items, e._source));
    const out = sequences.filter(hit);
    return {
      kept: withHits(response, { sequences: sequences.filter((s) => !hit(s)) }, total - out.length),
      suppressed: withHits(response, { sequences: out }, undefined),
      count: out.length,
    };
  }
  const events = response.hits.events ?? [];
  const out = events.filter((e) => suppressedBy(items, e._source));
  return {
    kept: withHits(response, { events: events.filter((e) => !out.includes(e)) }, total - out.length),
    suppressed: withHits(response, { events: out }, undefined),
    count: out.length,
  };
}
