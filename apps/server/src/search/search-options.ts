import type { SearchOptions } from '@rulebench/eql';

/** The snake_case search parameters of the HTTP APIs (as in Elasticsearch's request body). */
export interface SearchParameters {
  readonly size?: number;
  readonly fetch_size?: number;
  readonly result_position?: 'head' | 'tail';
  readonly timestamp_field?: string;
  readonly tiebreaker_field?: string;
  readonly event_category_field?: string;
  readonly max_samples_per_key?: number;
}

/** The engine's options for these parameters; absent ones stay absent (engine defaults apply). */
export function toSearchOptions(params: SearchParameters): Omit<SearchOptions, 'presorted'> {
  const options: { -readonly [K in keyof SearchOptions]?: SearchOptions[K] } = {};
  if (params.size !== undefined) options.size = params.size;
  if (params.fetch_size !== undefined) options.fetchSize = params.fetch_size;
  if (params.result_position !== undefined) options.resultPosition = params.result_position;
  if (params.timestamp_field !== undefined) options.timestampField = params.timestamp_field;
  if (params.tiebreaker_field !== undefined) options.tiebreakerField = params.tiebreaker_field;
  if (params.event_category_field !== undefined) options.eventCategoryField = params.event_category_field;
  if (params.max_samples_per_key !== undefined) options.maxSamplesPerKey = params.max_samples_per_key;
  return options;
}
