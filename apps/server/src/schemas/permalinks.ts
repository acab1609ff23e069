import { type Static, Type } from 'typebox';
import { List } from './list.js';

const IsoDate = Type.String({ description: 'ISO-8601, UTC' });
const ContentHash = Type.String({ pattern: '^[0-9a-f]{64}$', description: 'SHA-256 of the corpus content' });
const fieldName = () => Type.String({ minLength: 1, maxLength: 1000 });

/** Search options as `_eql/search` takes them, plus Kibana exception items. */
export const SnapshotOptionsSchema = Type.Object(
  {
    size: Type.Optional(Type.Integer({ minimum: 0, maximum: 100_000 })),
    fetch_size: Type.Optional(Type.Integer({ minimum: 1, maximum: 100_000 })),
    result_position: Type.Optional(Type.Union([Type.Literal('head'), Type.Literal('tail')])),
    timestamp_field: Type.Optional(fieldName()),
    tiebreaker_field: Type.Optional(fieldName()),
    event_category_field: Type.Optional(fieldName()),
    max_samples_per_key: Type.Optional(Type.Integer({ minimum: 1, maximum: 10_000 })),
    filter: Type.Optional(Type.Unknown({ description: 'an Elasticsearch query DSL filter' })),
    exceptions: Type.Optional(
      Type.Array(Type.Unknown(), {
        maxItems: 10_000,
        description: 'Kibana exception list items ({entries: […]})',
      }),
    ),
  },
  { additionalProperties: false },
);

/** What the workbench had selected: an event or sequence of the results, and the open panel. */
export const SnapshotSelectionSchema = Type.Object(
  {
    event: Type.Optional(Type.Union([Type.String({ maxLength: 200 }), Type.Null()])),
    sequence: Type.Optional(Type.Union([Type.String({ maxLength: 200 }), Type.Null()])),
    panel: Type.Optional(Type.Union([Type.String({ maxLength: 200 }), Type.Null()])),
  },
  { additionalProperties: true, description: 'further UI state may be added; it is kept as sent' },
);

/**
 * The events a snapshot ran against: a stored content, shown under the corpus id it had, and the
 * corpus's name then (for people; absent in snapshots made before names were kept).
 */
export const SnapshotCorpusSchema = Type.Object(
  {
    index: Type.String({ minLength: 1, maxLength: 200 }),
    name: Type.Optional(Type.String({ maxLength: 500 })),
    content_hash: ContentHash,
  },
  { additionalProperties: false },
);

/**
 * A permalink snapshot, version 1 of the format: the whole rule (every field, guide included),
 * the query text as edited, the corpus content, the search options and the UI selection.
 */
export const SnapshotV1Schema = Type.Object(
  {
    v: Type.Literal(1),
    rule: Type.Record(Type.String(), Type.Unknown(), {
      description: 'the Rule model, as the editor holds it',
    }),
    query: Type.String(),
    corpus: Type.Union([SnapshotCorpusSchema, Type.Null()]),
    options: SnapshotOptionsSchema,
    selection: SnapshotSelectionSchema,
  },
  { additionalProperties: false },
);

export type SnapshotV1 = Static<typeof SnapshotV1Schema>;

/** A snapshot as posted: the corpus may be named by its id, the server then pins its content. */
export const SnapshotInputSchema = Type.Object(
  {
    v: Type.Literal(1),
    rule: Type.Record(Type.String(), Type.Unknown()),
    query: Type.String(),
    corpus: Type.Union([
      Type.Object({ id: Type.String({ minLength: 1, maxLength: 200 }) }, { additionalProperties: false }),
      Type.Object(
        {
          content_hash: ContentHash,
          index: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
          name: Type.Optional(Type.String({ maxLength: 500 })),
        },
        { additionalProperties: false },
      ),
      Type.Null(),
    ]),
    options: Type.Optional(SnapshotOptionsSchema),
    selection: Type.Optional(SnapshotSelectionSchema),
  },
  { additionalProperties: false },
);

export type SnapshotInput = Static<typeof SnapshotInputSchema>;

export const CreatePermalinkSchema = Type.Object(
  {
    snapshot: SnapshotInputSchema,
    base: Type.Optional(
      Type.Object(
        {
          id: Type.String({ pattern: '^[0-9A-Za-z]{16}$' }),
          version: Type.Optional(Type.Integer({ minimum: 1 })),
        },
        { additionalProperties: false },
      ),
    ),
  },
  { additionalProperties: false },
);

export const CreatedPermalinkSchema = Type.Object({
  id: Type.String(),
  version: Type.Integer(),
  url: Type.String({ description: 'the workbench page: /r/{id}/{version}' }),
  created: Type.Boolean({ description: 'false when this state was already stored' }),
});

export const PermalinkParams = Type.Object({ id: Type.String({ pattern: '^[0-9A-Za-z]{16}$' }) });
export const PermalinkVersionParams = Type.Object({
  id: Type.String({ pattern: '^[0-9A-Za-z]{16}$' }),
  version: Type.Integer({ minimum: 1, maximum: 1_000_000_000 }),
});

const VersionInfo = Type.Object({ version: Type.Integer(), created_at: IsoDate, url: Type.String() });

export const PermalinkViewSchema = Type.Object({
  id: Type.String(),
  version: Type.Integer(),
  url: Type.String(),
  created_at: IsoDate,
  snapshot: Type.Unknown({ description: 'the stored snapshot (SnapshotV1)' }),
  corpus: Type.Union([
    Type.Object({
      index: Type.String(),
      name: Type.String({ description: "the corpus's name when the snapshot was made (else its id)" }),
      content_hash: Type.String(),
      event_count: Type.Integer(),
    }),
    Type.Null(),
  ]),
  versions: List(VersionInfo),
});

/** `POST /api/permalinks/:id/:version/corpus`: a corpus on the snapshot's events. */
export const RestoredCorpusSchema = Type.Object({
  corpus: Type.Object({ id: Type.String(), name: Type.String(), eventCount: Type.Integer() }),
  created: Type.Boolean({ description: 'false when a corpus with these events already existed' }),
});

export const DiffQuerySchema = Type.Object({
  from: Type.Integer({ minimum: 1, maximum: 1_000_000_000 }),
  to: Type.Integer({ minimum: 1, maximum: 1_000_000_000 }),
});

export const DiffSchema = Type.Object({
  id: Type.String(),
  from: Type.Integer(),
  to: Type.Integer(),
  changes: List(
    Type.Object({
      path: Type.String(),
      kind: Type.Union([Type.Literal('added'), Type.Literal('removed'), Type.Literal('changed')]),
      before: Type.Optional(Type.Unknown()),
      after: Type.Optional(Type.Unknown()),
    }),
  ),
});
