import { compile } from '@rulebench/eql';
import type { WorkbenchSearchResponse } from '../../lib/match-count.js';
import { exceptionItems, itemSuppresses } from '../exceptions/rule-exceptions.js';
import type { FragmentState } from '../share/types.js';

/**
 * Runs a fragment link's query over the events it carries, in the browser, with the options
 * it was made with: the page needs no server-side data at all. Like the server's workbench
 * search, it also counts every match (`matches`), not only the `size` returned.
 */
export function searchFragment(state: FragmentState): WorkbenchSearchResponse {
  const o = state.options;
  const timestampField = o.timestamp_field;
  const compiled = compile(state.query, timestampField === undefined ? {} : { timestampField });
  const executor = compiled.executor({
    ...(o.size !== undefined && { size: o.size }),
    ...(o.timestamp_field !== undefined && { timestampField: o.timestamp_field }),
    ...(o.tiebreaker_field !== undefined && { tiebreakerField: o.tiebreaker_field }),
    ...(o.event_category_field !== undefined && { eventCategoryField: o.event_category_field }),
    // Links made before the position was recorded ran with `head`, the default then.
    resultPosition: o.result_position ?? 'head',
    ...(o.max_samples_per_key !== undefined && { maxSamplesPerKey: o.max_samples_per_key }),
    countMatches: true,
  });
  // The link's exceptions drop the events they suppress, as a permalink's stored search does.
  const exceptions = exceptionItems(o.exceptions ?? []);
  for (const e of state.events) {
    if (exceptions.some((item) => itemSuppresses(item, e._source))) continue;
    executor.push({ _index: e._index, _id: e._id, _source: e._source });
  }
  const response = executor.finish();
  return { ...response, matches: executor.matches };
}
