import { Type } from 'typebox';
import { List } from './list.js';

const IsoDate = Type.String({ description: 'ISO-8601, UTC' });

export const CorpusSchema = Type.Object({
  id: Type.String(),
  name: Type.String(),
  description: Type.String(),
  source: Type.Union([Type.Literal('bundled'), Type.Literal('upload')]),
  origin: Type.Union([Type.String(), Type.Null()]),
  eventCount: Type.Integer(),
  minTimestamp: Type.Union([IsoDate, Type.Null()]),
  maxTimestamp: Type.Union([IsoDate, Type.Null()]),
  contentHash: Type.String(),
  createdAt: IsoDate,
  updatedAt: IsoDate,
});

export const CorpusListSchema = Type.Object({ corpora: List(CorpusSchema) });

export const EventsQuerySchema = Type.Object({
  offset: Type.Optional(Type.Integer({ minimum: 0 })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000 })),
  q: Type.Optional(
    Type.String({ maxLength: 1000, description: 'case-insensitive text contained in the event JSON' }),
  ),
  from: Type.Optional(
    Type.String({ maxLength: 100, description: 'earliest @timestamp (ISO-8601 or epoch millis)' }),
  ),
  to: Type.Optional(
    Type.String({ maxLength: 100, description: 'latest @timestamp (ISO-8601 or epoch millis)' }),
  ),
});

export const EventsPageSchema = Type.Object({
  total: Type.Integer(),
  offset: Type.Integer(),
  limit: Type.Integer(),
  events: List(Type.Object({ _index: Type.String(), _id: Type.String(), _source: Type.Unknown() })),
});

export const EventSchema = Type.Object({
  _index: Type.String(),
  _id: Type.String(),
  _source: Type.Unknown(),
});

export const EventParamsSchema = Type.Object({
  id: Type.String({ minLength: 1, maxLength: 200 }),
  eventId: Type.String({ pattern: '^[0-9]{1,15}$' }),
});

/** The events package's INPUT_FORMATS, spelled out so the static type keeps the literals. */
export const InputFormatSchema = Type.Union(
  [
    Type.Literal('ndjson'),
    Type.Literal('json-array'),
    Type.Literal('es-search'),
    Type.Literal('eql-search'),
    Type.Literal('json'),
    Type.Literal('evtx'),
  ],
  { description: 'the content format; sniffed when absent (gzip and zip wrappers always are)' },
);

export const UploadQuerySchema = Type.Object({
  name: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
  description: Type.Optional(Type.String({ maxLength: 10_000 })),
  filename: Type.Optional(Type.String({ maxLength: 500 })),
  skip_invalid: Type.Optional(Type.Boolean()),
  format: Type.Optional(InputFormatSchema),
});

/** Where a rejected record was: only the fields that apply to its input are present. */
const ReportedErrorSchema = Type.Object({
  file: Type.Optional(Type.String({ description: 'the uploaded file (multipart uploads)' })),
  entry: Type.Optional(Type.String({ description: 'the member of a zip archive' })),
  line: Type.Optional(Type.Integer({ description: '1-based line (NDJSON)' })),
  element: Type.Optional(Type.Integer({ description: '1-based element of a JSON array or search response' })),
  record: Type.Optional(Type.Integer({ description: '1-based record of an EVTX file' })),
  reason: Type.String(),
});

const ReportedInputSchema = Type.Object({
  file: Type.Optional(Type.String()),
  entry: Type.Optional(Type.String()),
  compression: Type.Union([Type.Literal('none'), Type.Literal('gzip'), Type.Literal('zip')]),
  format: InputFormatSchema,
  encoding: Type.Union([
    Type.Literal('utf-8'),
    Type.Literal('utf-16le'),
    Type.Literal('utf-16be'),
    Type.Literal('binary'),
  ]),
});

const ReportSchema = Type.Object({
  read: Type.Integer(),
  imported: Type.Integer(),
  rejected: Type.Integer(),
  withoutTimestamp: Type.Integer(),
  errors: List(ReportedErrorSchema),
  errorsTruncated: Type.Boolean(),
  inputs: List(ReportedInputSchema),
});

export const UploadResultSchema = Type.Object({ corpus: CorpusSchema, report: ReportSchema });

export const UploadFailureSchema = Type.Object({
  statusCode: Type.Integer(),
  error: Type.String(),
  code: Type.String(),
  message: Type.String(),
  report: ReportSchema,
});

export const CorpusPatchSchema = Type.Object(
  {
    name: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
    description: Type.Optional(Type.String({ maxLength: 10_000 })),
  },
  { additionalProperties: false },
);

export const FieldCatalogueSchema = Type.Object({
  fields: List(
    Type.Object({
      name: Type.String(),
      types: List(Type.String()),
      count: Type.Integer(),
      examples: List(Type.Unknown()),
    }),
  ),
});
