import { Type } from 'typebox';
import { List } from './list.js';

const IsoDate = Type.String({ description: 'ISO-8601, UTC' });
const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) =>
  Type.Union([schema, Type.Null()]);

/** Library entry ids: bundled rules are named after their file, user rules `u-…`. */
export const RuleEntryParams = Type.Object({
  id: Type.String({ pattern: '^[A-Za-z0-9][A-Za-z0-9_-]{0,127}$' }),
});

export const RuleRevisionParams = Type.Object({
  id: Type.String({ pattern: '^[A-Za-z0-9][A-Za-z0-9_-]{0,127}$' }),
  revision: Type.Integer({ minimum: 1, maximum: 1_000_000_000 }),
});

const text = (description: string) => Type.Optional(Type.String({ maxLength: 500, description }));

export const RuleListQuery = Type.Object({
  q: text('free text: name, rule_id, description, tags, index patterns, ATT&CK ids and names'),
  tag: text('a tag, whole, case-insensitive'),
  tactic: text('a tactic id (TA0002) or name (Execution)'),
  technique: text('a technique id (T1047; finds its subtechniques too) or part of its name'),
  type: text('a rule type: eql, query, esql, …'),
  source: Type.Optional(Type.Union([Type.Literal('bundled'), Type.Literal('user')])),
});

const AttackRef = Type.Object({ id: Type.String(), name: Type.String() });
const Counts = Type.Object({ error: Type.Integer(), warning: Type.Integer(), info: Type.Integer() });
const Replay = Type.Object({ possible: Type.Boolean(), reason: Type.Optional(Type.String()) });
const Format = Type.Union([Type.Literal('toml'), Type.Literal('ndjson'), Type.Literal('json')]);

const listItemProperties = {
  id: Type.String(),
  source: Type.Union([Type.Literal('bundled'), Type.Literal('user')]),
  default: Type.Boolean(),
  revision: Type.Integer(),
  read_only: Type.Boolean(),
  created_at: IsoDate,
  updated_at: IsoDate,
  rule_id: Type.String(),
  name: Type.String(),
  description: Type.String({ description: 'the first 500 characters' }),
  type: Type.String(),
  language: Nullable(Type.String()),
  severity: Type.String(),
  risk_score: Type.Number(),
  tags: List(Type.String()),
  index: List(Type.String()),
  tactics: List(AttackRef),
  techniques: List(AttackRef),
  replay: Replay,
  findings: Counts,
  format: Format,
  origin: Nullable(Type.String()),
};

export const RuleListItemSchema = Type.Object(listItemProperties);

export const RuleListSchema = Type.Object({ total: Type.Integer(), rules: List(RuleListItemSchema) });

/** A validation finding, with its place in the file when the rule came from one. */
export const FindingSchema = Type.Object({
  severity: Type.Union([Type.Literal('error'), Type.Literal('warning'), Type.Literal('info')]),
  code: Type.String(),
  message: Type.String(),
  field: Type.String(),
  range: Type.Optional(Type.Object({ start: Type.Integer(), end: Type.Integer() })),
  line: Type.Optional(Type.Integer()),
  column: Type.Optional(Type.Integer()),
  rule_id: Type.Optional(Type.String()),
});

export const RuleDetailSchema = Type.Object({
  ...listItemProperties,
  shown_revision: Type.Integer(),
  rule: Type.Unknown({ description: 'the Rule model: detection-rules field names, metadata, transform' }),
  validation: List(FindingSchema),
  revisions: List(
    Type.Object({
      revision: Type.Integer(),
      format: Format,
      origin: Nullable(Type.String()),
      created_at: IsoDate,
    }),
  ),
});

export const SaveResultSchema = Type.Object({ changed: Type.Boolean(), rule: RuleDetailSchema });

export const RuleProblemSchema = Type.Object({
  code: Type.String(),
  message: Type.String(),
  file: Nullable(Type.String()),
  line: Nullable(Type.Integer()),
  column: Nullable(Type.Integer()),
  field: Nullable(Type.String()),
});

/** Every 4xx of the library: the common error body, plus the located problems when there are some. */
export const LibraryErrorBody = Type.Object({
  statusCode: Type.Integer(),
  error: Type.String(),
  message: Type.String(),
  code: Type.Optional(Type.String()),
  problems: Type.Optional(List(RuleProblemSchema)),
});

/** A rule to save, create or validate: the Rule model as JSON, or a TOML / NDJSON text. */
export const RuleInputSchema = Type.Object(
  {
    rule: Type.Optional(Type.Record(Type.String(), Type.Unknown())),
    text: Type.Optional(Type.String()),
    format: Type.Optional(Type.Union([Type.Literal('toml'), Type.Literal('ndjson')])),
    file_name: Type.Optional(Type.String({ maxLength: 500 })),
    expected_revision: Type.Optional(Type.Integer({ minimum: 1 })),
  },
  { additionalProperties: false },
);

export const ValidationSchema = Type.Object({
  valid: Type.Boolean({ description: 'no error-severity finding' }),
  format: Format,
  counts: Counts,
  replay: Nullable(Replay),
  findings: List(FindingSchema),
});

const OneOrMany = <T extends Parameters<typeof Type.Array>[0]>(item: T) =>
  Type.Optional(Type.Union([item, Type.Array(item, { maxItems: 10_000 })]));

export const ImportQuerySchema = Type.Object({
  format: Type.Optional(Type.Union([Type.Literal('toml'), Type.Literal('ndjson')])),
  filename: Type.Optional(Type.String({ maxLength: 500 })),
  dry_run: Type.Optional(Type.Boolean()),
  rule_id: OneOrMany(Type.String({ minLength: 1, maxLength: 500 })),
  line: OneOrMany(Type.Integer({ minimum: 1 })),
});

export const ImportResultSchema = Type.Object({
  file: Nullable(Type.String()),
  format: Type.Union([Type.Literal('toml'), Type.Literal('ndjson')]),
  dry_run: Type.Boolean(),
  rules: List(
    Type.Object({
      line: Type.Integer(),
      rule_id: Type.String(),
      name: Type.String(),
      type: Type.String(),
      status: Type.Union([
        Type.Literal('created'),
        Type.Literal('updated'),
        Type.Literal('unchanged'),
        Type.Literal('skipped'),
      ]),
      id: Nullable(Type.String()),
      revision: Nullable(Type.Integer()),
      replay: Replay,
      findings: Counts,
    }),
  ),
  others: List(
    Type.Object({
      line: Type.Integer(),
      kind: Type.String(),
      ref: Nullable(Type.String()),
      name: Nullable(Type.String()),
      kept: Type.Boolean(),
    }),
  ),
  errors: List(RuleProblemSchema),
  counts: Type.Object({
    created: Type.Integer(),
    updated: Type.Integer(),
    unchanged: Type.Integer(),
    skipped: Type.Integer(),
    failed: Type.Integer(),
  }),
});

export const ExportQuerySchema = Type.Object({
  format: Type.Optional(Type.Union([Type.Literal('toml'), Type.Literal('ndjson')])),
  revision: Type.Optional(Type.Integer({ minimum: 1 })),
});

export const ExportManySchema = Type.Object(
  {
    ids: Type.Array(Type.String({ pattern: '^[A-Za-z0-9][A-Za-z0-9_-]{0,127}$' }), {
      minItems: 1,
      maxItems: 10_000,
    }),
    format: Type.Union([Type.Literal('toml'), Type.Literal('ndjson')]),
  },
  { additionalProperties: false },
);
