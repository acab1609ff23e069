import { queryOptions, useQuery } from '@tanstack/react-query';
import { iterateCorpusEvents } from '../../corpora/api/get-corpus-events.js';
import {
  collectNearMisses,
  compileForNearMisses,
  type NearMissGroup,
  type NearMissScan,
  sortedGroups,
} from '../near-misses.js';

/** Beyond this many events the scan stops and says so; the server is the place for more. */
export const NEAR_MISS_SCAN_LIMIT = 50_000;
const CHUNK = 400;

export interface NearMissResult extends NearMissScan {
  /** Sequences and samples have no single clause list to miss by. */
  readonly unsupported: boolean;
}

function yieldToBrowser(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/** Scans the corpus in the browser with the engine's `explain`, a chunk at a time. */
export async function scanNearMisses(
  corpus: string,
  query: string,
  signal?: AbortSignal,
): Promise<NearMissResult> {
  const compiled = compileForNearMisses(query);
  if (compiled === null) return { groups: [], scanned: 0, total: 0, unsupported: true };
  const groups = new Map<number, NearMissGroup>();
  let scanned = 0;
  let total = 0;
  for await (const page of iterateCorpusEvents(corpus, NEAR_MISS_SCAN_LIMIT, signal)) {
    total = page.total;
    for (let i = 0; i < page.events.length; i += CHUNK) {
      collectNearMisses(compiled, page.events.slice(i, i + CHUNK), groups);
      await yieldToBrowser();
      signal?.throwIfAborted();
    }
    scanned += page.events.length;
  }
  return { groups: sortedGroups(groups), scanned, total, unsupported: false };
}

export const nearMissKeys = {
  all: ['near-misses'] as const,
  scan: (corpus: string, query: string) => [...nearMissKeys.all, corpus, query] as const,
};

export function nearMissesQueryOptions(corpus: string, query: string) {
  return queryOptions({
    queryKey: nearMissKeys.scan(corpus, query),
    queryFn: ({ signal }) => scanNearMisses(corpus, query, signal),
    staleTime: 5 * 60_000,
    retry: false,
  });
}

export function useNearMisses(corpus: string | undefined, query: string, enabled: boolean) {
  return useQuery({
    ...nearMissesQueryOptions(corpus ?? '', query),
    enabled: enabled && corpus !== undefined,
  });
}
