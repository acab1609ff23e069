import type { EqlSearchResponse, MatchCount } from '@rulebench/eql';

/**
 * What the workbench's search APIs answer: Elasticsearch's `_eql/search` response plus
 * `matches`, the server's count of every match. `hits.total` counts only the hits returned
 * (as in Elasticsearch), so it cannot say "13 matches" when `size` returned 2.
 */
export type WorkbenchSearchResponse = EqlSearchResponse & { readonly matches?: MatchCount };

/**
 * How many matches (or sequences) the query has: the server's `matches` when the response came
 * from a workbench API, else `hits.total` (a response computed in the browser, or an old one),
 * which is then exactly what was returned.
 */
export function matchCount(response: WorkbenchSearchResponse): MatchCount {
  return response.matches ?? response.hits.total;
}

/** How many results the response carries (events, or sequences for sequence and sample queries). */
export function shownCount(response: EqlSearchResponse): number {
  return response.hits.sequences?.length ?? response.hits.events?.length ?? 0;
}
