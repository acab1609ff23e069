import { compile, type EqlSearchResponse, type MatchCount, type SearchOptions } from '@rulebench/eql';
import { TIMESTAMP_FIELD } from '../corpora/records.js';
import { ReadSnapshot } from '../store/read-snapshot.js';
import type { Store } from '../store/store.js';
import type { CorpusRecord, EventFilter } from '../store/types.js';
import type { CompiledFilter } from './es-filter.js';
import { hitId } from './hit-id.js';
import {
  checkResponseSize,
  DEFAULT_SEARCH_LIMITS,
  SearchCancelledError,
  SearchDeadline,
  type SearchLimits,
} from './search-limits.js';

export interface CorpusSearch {
  readonly query: string;
  readonly options: Omit<SearchOptions, 'presorted' | 'countMatches'>;
  /** An Elasticsearch `filter`, already compiled. */
  readonly filter?: CompiledFilter;
  /** Time and response-size budget; the defaults when absent (every search is bounded). */
  readonly limits?: SearchLimits;
  /** Aborted when the client has gone: the search stops at its next pause. */
  readonly signal?: AbortSignal;
}

/** A search's Elasticsearch response, and how many results it has before `size` (ours). */
export interface CountedSearch {
  readonly response: EqlSearchResponse;
  readonly matches: MatchCount;
}

/**
 * Replays a corpus through an EQL query and returns Elasticsearch's `_eql/search` response.
 * Events stream from SQLite one at a time. When the query orders by the stored `@timestamp`
 * with no tiebreaker, the store's (timestamp, ordinal) index already gives the engine's order,
 * so the executor skips its sort; otherwise events go in import order and the engine sorts.
 * An invalid query throws the engine's `EqlError` before any event is read.
 *
 * As in Elasticsearch, `hits.total` counts the hits returned, so a presorted head stops
 * reading once it is full.
 */
export async function searchCorpus(
  store: Store,
  corpus: CorpusRecord,
  search: CorpusSearch,
): Promise<EqlSearchResponse> {
  return (await run(store, corpus, search, false)).response;
}

/**
 * `searchCorpus`, plus the number of matches before `size` for the workbench ("13 matches,
 * showing 2"): it reads the whole corpus (up to the query's pipe cap) to count them.
 */
export function searchCorpusCounted(
  store: Store,
  corpus: CorpusRecord,
  search: CorpusSearch,
): Promise<CountedSearch> {
  return run(store, corpus, search, true);
}

/** Longest stretch a search runs before letting other requests in (and noticing a gone client). */
const SLICE_MS = 25;

const pause = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Events are read from a snapshot of their own (see ReadSnapshot), so the search can pause
 * every {@link SLICE_MS} without holding the shared connection busy: other requests are served
 * meanwhile, and a search whose client has gone stops at the next pause.
 */
async function run(
  store: Store,
  corpus: CorpusRecord,
  search: CorpusSearch,
  countMatches: boolean,
): Promise<CountedSearch> {
  const timestampField = search.options.timestampField ?? TIMESTAMP_FIELD;
  const compiled = compile(search.query, { timestampField });
  const limits = search.limits ?? DEFAULT_SEARCH_LIMITS;
  checkResponseSize(compiled, search.options.size, limits.maxResponseEvents);
  const deadline = new SearchDeadline(limits.timeoutMs);
  const presorted = timestampField === TIMESTAMP_FIELD && search.options.tiebreakerField === undefined;
  const executor = compiled.executor({ ...search.options, presorted, countMatches });
  const range: EventFilter =
    timestampField === TIMESTAMP_FIELD && search.filter
      ? {
          ...(search.filter.fromTs !== undefined ? { fromTs: search.filter.fromTs } : {}),
          ...(search.filter.toTs !== undefined ? { toTs: search.filter.toTs } : {}),
        }
      : {};
  const test = search.filter?.test;
  const snapshot = new ReadSnapshot(store);
  try {
    let sliceStart = performance.now();
    let read = 0;
    const rows = snapshot.corpora.iterateEvents(corpus.contentId, presorted ? 'time' : 'ordinal', range);
    for (const row of rows) {
      if (++read % 256 === 0) {
        deadline.check();
        if (performance.now() - sliceStart > SLICE_MS) {
          await pause();
          if (search.signal?.aborted) throw new SearchCancelledError();
          sliceStart = performance.now();
        }
      }
      const source = JSON.parse(row.doc) as Record<string, unknown>;
      if (test && !test(source)) continue;
      executor.push({ _index: corpus.id, _id: hitId(row.ordinal), _source: source });
      // A presorted head is complete once full: the rest of the corpus need not be read.
      if (executor.done) break;
    }
  } finally {
    snapshot.close();
  }
  const response = executor.finish();
  return { response, matches: executor.matches };
}
