import { type EqlSearchResponse, search } from '@rulebench/eql';
import type { FragmentState } from '../share/types.js';

/**
 * Runs a fragment link's query over the events it carries, in the browser, with the options
 * it was made with: the page needs no server-side data at all.
 */
export function searchFragment(state: FragmentState): EqlSearchResponse {
  const o = state.options;
  return search(
    state.query,
    state.events.map((e) => ({ _index: e._index, _id: e._id, _source: e._source })),
    {
      ...(o.size !== undefined && { size: o.size }),
      ...(o.timestamp_field !== undefined && { timestampField: o.timestamp_field }),
      ...(o.tiebreaker_field !== undefined && { tiebreakerField: o.tiebreaker_field }),
      ...(o.event_category_field !== undefined && { eventCategoryField: o.event_category_field }),
      ...(o.result_position !== undefined && { resultPosition: o.result_position }),
      ...(o.max_samples_per_key !== undefined && { maxSamplesPerKey: o.max_samples_per_key }),
    },
  );
}
