import { apiGet } from '../../../lib/api-client.js';
import type { EventHit } from '../../search/types.js';

export interface EventsPage {
  readonly total: number;
  readonly offset: number;
  readonly limit: number;
  readonly events: readonly EventHit[];
}

/** One page of a corpus's events, in stored order (`limit` at most 1000). */
export function getCorpusEvents(
  corpus: string,
  page: { offset: number; limit: number; q?: string },
  signal?: AbortSignal,
): Promise<EventsPage> {
  const params = new URLSearchParams({ offset: String(page.offset), limit: String(page.limit) });
  if (page.q) params.set('q', page.q);
  return apiGet<EventsPage>(`/api/corpora/${encodeURIComponent(corpus)}/events?${params}`, signal);
}

/** Every event of a corpus, page by page, up to `max`. */
export async function* iterateCorpusEvents(
  corpus: string,
  max: number,
  signal?: AbortSignal,
): AsyncGenerator<{ events: readonly EventHit[]; total: number }> {
  const limit = 1000;
  for (let offset = 0; offset < max; offset += limit) {
    const page = await getCorpusEvents(corpus, { offset, limit: Math.min(limit, max - offset) }, signal);
    yield { events: page.events, total: page.total };
    if (page.events.length < limit || offset + page.events.length >= page.total) return;
  }
}
