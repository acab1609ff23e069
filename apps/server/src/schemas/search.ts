import { Type } from 'typebox';
import { List } from './list.js';

const EventHitSchema = Type.Object(
  {
    _index: Type.String(),
    _id: Type.String(),
    _source: Type.Unknown(),
    missing: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: true },
);

/** Elasticsearch's `_eql/search` response (see `@rulebench/eql` `EqlSearchResponse`). */
export const EqlSearchResponseSchema = Type.Object(
  {
    is_partial: Type.Boolean(),
    is_running: Type.Boolean(),
    took: Type.Number(),
    timed_out: Type.Boolean(),
    hits: Type.Object(
      {
        total: Type.Object({
          value: Type.Integer(),
          relation: Type.Union([Type.Literal('eq'), Type.Literal('gte')]),
        }),
        events: Type.Optional(List(EventHitSchema)),
        sequences: Type.Optional(
          List(
            Type.Object(
              { join_keys: Type.Optional(List(Type.Unknown())), events: List(EventHitSchema) },
              { additionalProperties: true },
            ),
          ),
        ),
      },
      { additionalProperties: true },
    ),
  },
  { additionalProperties: true },
);

/** How many results a query has before `size` cut them (`@rulebench/eql` `MatchCount`). */
export const MatchCountSchema = Type.Object({
  value: Type.Integer(),
  relation: Type.Union([Type.Literal('eq'), Type.Literal('gte')]),
});

/**
 * The workbench's search response (`POST /api/search`, `POST /api/live-search`): Elasticsearch's
 * response plus `matches`, our own count of every match, since `hits.total` (as in
 * Elasticsearch) counts only the hits returned.
 */
export const WorkbenchSearchResponseSchema = Type.Object(
  { ...EqlSearchResponseSchema.properties, matches: MatchCountSchema },
  { additionalProperties: true },
);

const fieldName = () => Type.String({ minLength: 1, maxLength: 1000 });

/** The search options shared by `POST /api/search` and the Elasticsearch endpoint. */
export function searchOptionProperties(limits: {
  readonly maxQueryLength: number;
  readonly maxSearchSize: number;
}) {
  return {
    query: Type.String({ minLength: 1, maxLength: limits.maxQueryLength }),
    size: Type.Optional(Type.Integer({ minimum: 0, maximum: limits.maxSearchSize })),
    fetch_size: Type.Optional(Type.Integer({ minimum: 1, maximum: 100_000 })),
    result_position: Type.Optional(Type.Union([Type.Literal('head'), Type.Literal('tail')])),
    timestamp_field: Type.Optional(fieldName()),
    tiebreaker_field: Type.Optional(fieldName()),
    event_category_field: Type.Optional(fieldName()),
    max_samples_per_key: Type.Optional(Type.Integer({ minimum: 1, maximum: 10_000 })),
  };
}
