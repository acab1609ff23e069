import type { MatchCount } from '@rulebench/eql';
import { useQueries, useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { matchCount } from '../../lib/match-count.js';
import type { EventHit } from '../search/types.js';
import { FILTER_LIMIT, filterEventsQueryOptions } from './api/filter-events.js';
import { eventsPageQueryOptions, type ServerFilter } from './api/get-events-page.js';
import { containsText, type FieldTerm, filterQuery, parseBound, withinBounds } from './event-filter.js';
import { pagesCovering, rowAt } from './page-window.js';

const isCapped = (count: MatchCount) => count.relation === 'gte' || count.value > FILTER_LIMIT;

export interface RowsRequest {
  readonly corpus: string;
  readonly text: string;
  readonly terms: readonly FieldTerm[];
  /** As typed; already checked readable by the caller. */
  readonly from: string;
  readonly to: string;
  readonly typesOf: (field: string) => readonly string[];
}

export interface EventRows {
  /** Rows matching the filter; `undefined` until the first answer. */
  readonly total: number | undefined;
  readonly rowAt: (index: number) => EventHit | undefined;
  readonly fetching: boolean;
  readonly error: unknown;
  /** The EQL query a field filter ran, when there is one. */
  readonly query: string | undefined;
  /** A field filter matched more events than it can show. */
  readonly capped: boolean;
}

/**
 * The table's rows. Without field terms they come page by page from the server, only the pages
 * on screen (plus the first, which says how many there are); with field terms, from one EQL
 * search, narrowed here by the text and the time range.
 */
export function useEventRows(request: RowsRequest, visible: { first: number; last: number }): EventRows {
  const { corpus, text, terms, from, to, typesOf } = request;
  const eqlMode = terms.length > 0;
  const query = eqlMode ? filterQuery(terms, typesOf) : undefined;
  const filter: ServerFilter = { q: text, from, to };

  const pageIndexes = eqlMode ? [] : [...new Set([0, ...pagesCovering(visible.first, visible.last)])];
  const pages = useQueries({
    queries: pageIndexes.map((page) => eventsPageQueryOptions(corpus, filter, page)),
  });
  const search = useQuery({ ...filterEventsQueryOptions(corpus, query ?? ''), enabled: eqlMode });

  const filtered = useMemo(() => {
    if (!eqlMode || !search.data) return undefined;
    const fromMs = parseBound(from) ?? undefined;
    const toMs = parseBound(to) ?? undefined;
    return (search.data.hits.events ?? []).filter(
      (hit) => containsText(hit._source, text) && withinBounds(hit._source['@timestamp'], fromMs, toMs),
    );
  }, [eqlMode, search.data, text, from, to]);

  if (eqlMode) {
    return {
      total: filtered?.length,
      rowAt: (index) => filtered?.[index],
      fetching: search.isFetching,
      error: search.error,
      query,
      capped: search.data !== undefined && isCapped(matchCount(search.data)),
    };
  }

  const loaded = new Map<number, readonly EventHit[]>();
  pageIndexes.forEach((page, i) => {
    const events = pages[i]?.data?.events;
    if (events) loaded.set(page, events);
  });
  return {
    total: pages[0]?.data?.total,
    rowAt: (index) => rowAt(loaded, index),
    fetching: pages.some((p) => p.isFetching),
    error: pages.find((p) => p.error)?.error ?? null,
    query: undefined,
    capped: false,
  };
}
