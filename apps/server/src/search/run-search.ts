import { compile, type EqlSearchResponse, type SearchOptions } from '@rulebench/eql';
import { TIMESTAMP_FIELD } from '../corpora/records.js';
import type { Store } from '../store/store.js';
import type { CorpusRecord, EventFilter } from '../store/types.js';
import type { CompiledFilter } from './es-filter.js';

export interface CorpusSearch {
  readonly query: string;
  readonly options: Omit<SearchOptions, 'presorted'>;
  /** An Elasticsearch `filter`, already compiled. */
  readonly filter?: CompiledFilter;
}

/**
 * Replays a corpus through an EQL query and returns Elasticsearch's `_eql/search` response.
 * Events stream from SQLite one at a time. When the query orders by the stored `@timestamp`
 * with no tiebreaker, the store's (timestamp, ordinal) index already gives the engine's order,
 * so the executor skips its sort; otherwise events go in import order and the engine sorts.
 * An invalid query throws the engine's `EqlError` before any event is read.
 */
export function searchCorpus(store: Store, corpus: CorpusRecord, search: CorpusSearch): EqlSearchResponse {
  const timestampField = search.options.timestampField ?? TIMESTAMP_FIELD;
  const compiled = compile(search.query, { timestampField });
  const presorted = timestampField === TIMESTAMP_FIELD && search.options.tiebreakerField === undefined;
  const executor = compiled.executor({ ...search.options, presorted });
  const range: EventFilter =
    timestampField === TIMESTAMP_FIELD && search.filter
      ? {
          ...(search.filter.fromTs !== undefined ? { fromTs: search.filter.fromTs } : {}),
          ...(search.filter.toTs !== undefined ? { toTs: search.filter.toTs } : {}),
        }
      : {};
  const test = search.filter?.test;
  for (const row of store.corpora.iterateEvents(corpus.contentId, presorted ? 'time' : 'ordinal', range)) {
    const source = JSON.parse(row.doc) as Record<string, unknown>;
    if (test && !test(source)) continue;
    executor.push({ _index: corpus.id, _id: String(row.ordinal), _source: source });
    // A presorted head is complete once full: the rest of the corpus need not be read.
    if (executor.done) break;
  }
  return executor.finish();
}
