import { queryOptions } from '@tanstack/react-query';
import { apiGet, shouldRetry } from '../../../lib/api-client.js';
import { corpusKeys } from '../../corpora/api/get-corpora.js';
import type { EventHit } from '../../search/types.js';
import { PAGE_SIZE } from '../page-window.js';

/** What the server narrows a corpus's events by: text in the JSON and a `@timestamp` range. */
export interface ServerFilter {
  readonly q: string;
  /** ISO-8601 or epoch millis, '' for none. */
  readonly from: string;
  readonly to: string;
}

export interface EventsPage {
  readonly total: number;
  readonly offset: number;
  readonly limit: number;
  readonly events: readonly EventHit[];
}

/** `GET /api/corpora/:id/events`: one page, in (timestamp, import order) order. */
export function getEventsPage(
  corpus: string,
  filter: ServerFilter,
  page: number,
  signal?: AbortSignal,
): Promise<EventsPage> {
  const params = new URLSearchParams({ offset: String(page * PAGE_SIZE), limit: String(PAGE_SIZE) });
  if (filter.q !== '') params.set('q', filter.q);
  if (filter.from !== '') params.set('from', filter.from);
  if (filter.to !== '') params.set('to', filter.to);
  return apiGet<EventsPage>(`/api/corpora/${encodeURIComponent(corpus)}/events?${params}`, signal);
}

export const eventsPageKeys = {
  corpus: (corpus: string) => [...corpusKeys.all, corpus, 'events'] as const,
  page: (corpus: string, filter: ServerFilter, page: number) =>
    [...eventsPageKeys.corpus(corpus), filter.q, filter.from, filter.to, page] as const,
};

export function eventsPageQueryOptions(corpus: string, filter: ServerFilter, page: number) {
  return queryOptions({
    queryKey: eventsPageKeys.page(corpus, filter, page),
    queryFn: ({ signal }) => getEventsPage(corpus, filter, page, signal),
    // A corpus never changes after import: pages stay good until it is deleted.
    staleTime: Number.POSITIVE_INFINITY,
    gcTime: 5 * 60_000,
    retry: shouldRetry,
  });
}
