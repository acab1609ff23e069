/**
 * The executor for `sample by k [q1] [q2] …` (an `ExecutorFactory`), with Elasticsearch's
 * semantics: a sample is one distinct event per filter, all sharing the join keys, in any time
 * order. For each key combination that every filter has events for (in composite-aggregation
 * order: ascending, nulls first), Elasticsearch takes the first `filters + max_samples_per_key
 * - 1` events of each filter in index order and picks up to `max_samples_per_key` samples
 * from them, trying events in that order. Arrival order stands for index order here.
 */

import type { SampleNode } from '../../ast.js';
import type { ExecutorContext, QueryExecutor } from '../context.js';
import { sequencesResponse } from '../sequence/executor.js';
import { extractJoinKeys, type JoinValue } from '../sequence/join-key.js';
import { planSample, type SamplePlan } from '../sequence/plan.js';
import type { EqlEvent, EventHit, MatchCount, SequenceHit } from '../types.js';
import { applyLimits, pipeCap, resultLimits } from '../window.js';
import { pickSamples } from './pick.js';
import { sampleKeyFields, sampleKeyOrder } from './typed-keys.js';

/** Candidate events of one join key combination, per filter. */
interface Bucket {
  readonly values: readonly JoinValue[];
  readonly perFilter: EqlEvent[][];
}

export interface SampleQueryExecutor extends QueryExecutor {
  readonly plan: SamplePlan;
  /** Key combinations seen so far (memory indicator). */
  readonly bucketCount: number;
}

function toHit(event: EqlEvent): EventHit {
  return { _index: event._index, _id: event._id, _source: event._source };
}

export function createSampleExecutor(node: SampleNode, ctx: ExecutorContext): SampleQueryExecutor {
  const plan = planSample(node, {
    ctx: ctx.compileContext,
    eventCategoryField: ctx.options.eventCategoryField,
    eventFilter: ctx.eventFilter,
  });
  const filters = plan.stages.length;
  // Keys as the composite aggregation sees them: typed by the mapping (a date is its millis).
  const stageKeys = plan.stages.map((stage, f) => sampleKeyFields(node, f, stage.keys, ctx.compileContext));
  const keyOrder = sampleKeyOrder(node, ctx.compileContext);
  const perKey = Math.max(1, ctx.options.maxSamplesPerKey);
  // Elasticsearch fetches this many events per filter and key: enough for `perKey` samples.
  const fetchPerFilter = filters + perKey - 1;
  const buckets = new Map<string, Bucket>();
  let sampled = 0;
  // Samples come out in join-key order, not time order: `size` keeps the first ones whatever
  // the request's `result_position`.
  const limits = resultLimits(ctx.pipes, ctx.options, 'head');

  return {
    plan,
    get bucketCount() {
      return buckets.size;
    },
    get done() {
      return false;
    },
    get matches(): MatchCount {
      return { value: Math.min(sampled, pipeCap(limits)), relation: 'eq' };
    },
    push(event) {
      const source = event._source;
      let indexed: boolean | undefined;
      for (let f = 0; f < filters; f++) {
        const stage = plan.stages[f];
        if (stage === undefined || !stage.filter(source)) continue;
        // Samples ignore time, and sample events without a timestamp; but one whose timestamp
        // is not a date is a document Elasticsearch refused to index.
        indexed ??= !ctx.order.rejects(event);
        if (!indexed) return;
        for (const key of extractJoinKeys(source, stageKeys[f] ?? stage.keys)) {
          let bucket = buckets.get(key.id);
          if (bucket === undefined) {
            bucket = { values: key.values, perFilter: Array.from({ length: filters }, () => []) };
            buckets.set(key.id, bucket);
          }
          const list = bucket.perFilter[f] as EqlEvent[];
          if (list.length < fetchPerFilter) list.push(event);
        }
      }
    },
    finish() {
      const complete = [...buckets.values()].filter((b) => b.perFilter.every((list) => list.length > 0));
      complete.sort((a, b) => keyOrder(a.values, b.values));
      const samples: SequenceHit[] = [];
      for (const bucket of complete) {
        for (const picked of pickSamples(bucket.perFilter, perKey)) {
          const events = picked.map(toHit);
          samples.push(bucket.values.length > 0 ? { join_keys: [...bucket.values], events } : { events });
        }
      }
      sampled = samples.length;
      return sequencesResponse(applyLimits(samples, limits), ctx.startedAt);
    },
  };
}
