import { useQuery } from '@tanstack/react-query';
import { matchCount, shownCount, type WorkbenchSearchResponse } from '../../../lib/match-count.js';
import type { SearchRequest } from '../types.js';
import { searchQueryOptions } from './search-events.js';

/** The server's largest `size` (`maxSearchSize`): "all matches" for the schedule and exceptions. */
export const ALL_MATCHES_SIZE = 10_000;

/**
 * Every match of the submitted query, for the views that must see all of them (the schedule
 * simulation, the exceptions preview, the count net of the rule's exceptions) rather than the
 * rows the Size box returned. Asks the server again with the largest size only when `needed`
 * and the response on screen was cut; otherwise it is that response.
 */
export function useAllMatches(
  submitted: SearchRequest | null,
  response: WorkbenchSearchResponse | undefined,
  needed: boolean,
): { readonly response: WorkbenchSearchResponse | undefined; readonly loading: boolean } {
  const cut = response !== undefined && shownCount(response) < matchCount(response).value;
  const request =
    submitted && cut && submitted.size < ALL_MATCHES_SIZE ? { ...submitted, size: ALL_MATCHES_SIZE } : null;
  const all = useQuery({
    ...searchQueryOptions(request ?? { corpus: '', query: '', size: 0 }),
    enabled: needed && request !== null,
  });
  if (!needed || request === null) return { response, loading: false };
  // Until every match has arrived the views keep what is on screen (and say they are partial).
  return { response: all.data ?? response, loading: all.isFetching && all.data === undefined };
}
