import { Readable } from 'node:stream';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { type CompiledQuery, compile, type EventHit, isEqlError } from '@rulebench/eql';
import type { FastifyReply } from 'fastify';
import { Type } from 'typebox';
import { BadRequestBody, CorpusIdParams, ErrorBody } from '../schemas/common.js';
import { List } from '../schemas/list.js';
import { searchOptionProperties, WorkbenchSearchResponseSchema } from '../schemas/search.js';
import { badQueryBody, isStackOverflow, tooComplexBody } from '../search/eql-error-body.js';
import { hitId } from '../search/hit-id.js';
import { type CountedSearch, searchCorpusCounted } from '../search/run-search.js';
import {
  checkResponseSize,
  disconnectSignal,
  SearchDeadline,
  type SearchLimits,
  searchLimits,
} from '../search/search-limits.js';
import { ReadSnapshot } from '../store/read-snapshot.js';
import type { Store } from '../store/store.js';
import type { CorpusRecord } from '../store/types.js';
import { ParsedCorpusCache } from './parsed-corpus-cache.js';
import { type TopValues, topValues } from './top-values.js';

const DEFAULT_VALUES = 20;
const MAX_VALUES = 1000;
/** Fields whose counts are remembered (contents never change, so they never go stale). */
const COUNTS_KEPT = 500;

function notFound(reply: FastifyReply, id: string) {
  return reply.code(404).send({
    statusCode: 404,
    error: 'Not Found',
    code: 'corpus_not_found',
    message: `no corpus with id "${id}"`,
  });
}

/** Every stored document of a corpus, parsed one at a time (for corpora too large to hold). */
function* streamSources(store: Store, corpus: CorpusRecord): Generator<unknown> {
  for (const row of store.corpora.iterateEvents(corpus.contentId, 'ordinal')) yield JSON.parse(row.doc);
}

/** Lines written to the response at a time. */
const STREAM_BATCH = 2000;

/**
 * A corpus as NDJSON hits `{"_id","_source"}` in search order. The stored documents are already
 * canonical JSON, so they are written as they are, never parsed. Rows come from `snapshot`, so a
 * corpus deleted or replaced mid-stream is still sent whole; the snapshot is closed at the end.
 */
async function* ndjsonHits(snapshot: ReadSnapshot, corpus: CorpusRecord): AsyncGenerator<string> {
  try {
    let lines: string[] = [];
    for (const row of snapshot.corpora.iterateEvents(corpus.contentId, 'time')) {
      lines.push(`{"_id":"${hitId(row.ordinal)}","_source":${row.doc}}\n`);
      if (lines.length >= STREAM_BATCH) {
        yield lines.join('');
        lines = [];
      }
    }
    if (lines.length > 0) yield lines.join('');
  } finally {
    snapshot.close();
  }
}

function* sourcesOf(events: readonly EventHit[]): Generator<unknown> {
  for (const hit of events) yield hit._source;
}

/** The search of `POST /api/search` with default options, over events already in memory. */
function searchHeld(
  compiled: CompiledQuery,
  events: readonly EventHit[],
  size: number | undefined,
  limits: SearchLimits,
): CountedSearch {
  checkResponseSize(compiled, size, limits.maxResponseEvents);
  const deadline = new SearchDeadline(limits.timeoutMs);
  const options = { ...(size === undefined ? {} : { size }), presorted: true, countMatches: true };
  const executor = compiled.executor(options);
  for (const hit of events) {
    deadline.tick();
    executor.push(hit);
    if (executor.done) break;
  }
  const response = executor.finish();
  return { response, matches: executor.matches };
}

/**
 * What the workbench asks for on every keystroke, answered from parsed events held in memory:
 *
 * - `POST /api/live-search` — `POST /api/search` restricted to `{corpus, query, size}`, with the
 *   same results, fast enough to follow typing on a 100,000-event corpus.
 * - `GET /api/corpora/:id/fields/:field/values?limit=` — the field's most frequent values with
 *   their event counts, for value completion.
 * - `GET /api/corpora/:id/events.ndjson` — every event as one NDJSON line `{"_id","_source"}`,
 *   in search order, streamed: how the browser scans a whole corpus for near misses.
 */
const workbench: FastifyPluginAsyncTypebox = async (fastify) => {
  const cache = new ParsedCorpusCache();
  const limits = searchLimits(fastify.config);
  const counts = new Map<string, TopValues>();
  const { query, size } = searchOptionProperties(fastify.config);
  const LiveBody = Type.Object(
    { corpus: Type.String({ minLength: 1, maxLength: 200 }), query, size },
    { additionalProperties: false },
  );

  fastify.post(
    '/live-search',
    {
      bodyLimit: fastify.config.jsonBodyLimitBytes,
      schema: {
        body: LiveBody,
        response: { 200: WorkbenchSearchResponseSchema, 400: BadRequestBody, 404: ErrorBody },
      },
    },
    async (request, reply) => {
      const corpus = fastify.store.corpora.get(request.body.corpus);
      if (!corpus) return notFound(reply, request.body.corpus);
      const { query: text, size: wanted } = request.body;
      try {
        // An invalid query fails before any event is read or parsed.
        const compiled = compile(text);
        const held = cache.events(fastify.store, corpus);
        const { response, matches } = held
          ? searchHeld(compiled, held, wanted, limits)
          : await searchCorpusCounted(fastify.store, corpus, {
              query: text,
              options: wanted === undefined ? {} : { size: wanted },
              limits,
              signal: disconnectSignal(reply.raw),
            });
        return { ...response, matches };
      } catch (error) {
        if (isEqlError(error)) return reply.code(400).send(badQueryBody(error));
        if (isStackOverflow(error)) return reply.code(400).send(tooComplexBody(text));
        throw error;
      }
    },
  );

  const ValuesParams = Type.Object({
    id: CorpusIdParams.properties.id,
    field: Type.String({ minLength: 1, maxLength: 1000 }),
  });
  const ValuesQuery = Type.Object({
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: MAX_VALUES })),
  });
  const TopValuesSchema = Type.Object({
    field: Type.String(),
    scanned: Type.Integer(),
    present: Type.Integer(),
    distinct: Type.Integer(),
    values: List(
      Type.Object({
        value: Type.Union([Type.String(), Type.Number(), Type.Boolean()]),
        count: Type.Integer(),
      }),
    ),
  });

  fastify.get(
    '/corpora/:id/fields/:field/values',
    {
      schema: {
        params: ValuesParams,
        querystring: ValuesQuery,
        response: { 200: TopValuesSchema, 400: ErrorBody, 404: ErrorBody },
      },
    },
    async (request, reply) => {
      const corpus = fastify.store.corpora.get(request.params.id);
      if (!corpus) return notFound(reply, request.params.id);
      const { field } = request.params;
      // Completion asks again for the same field at every keystroke of a value.
      const key = `${corpus.contentId}\u0000${field}`;
      let counted = counts.get(key);
      if (counted === undefined) {
        const held = cache.events(fastify.store, corpus);
        counted = topValues(held ? sourcesOf(held) : streamSources(fastify.store, corpus), field, MAX_VALUES);
        if (counts.size >= COUNTS_KEPT) counts.delete(counts.keys().next().value ?? '');
        counts.set(key, counted);
      }
      return { ...counted, values: counted.values.slice(0, request.query.limit ?? DEFAULT_VALUES) };
    },
  );

  fastify.get(
    '/corpora/:id/events.ndjson',
    // No response schema: the 200 is a stream, not one JSON value.
    { schema: { params: CorpusIdParams } },
    async (request, reply) => {
      // One read transaction for the whole stream: see ndjsonHits.
      const snapshot = new ReadSnapshot(fastify.store);
      const corpus = snapshot.corpora.get(request.params.id);
      if (!corpus) {
        snapshot.close();
        return notFound(reply, request.params.id);
      }
      reply.header('x-total-count', String(corpus.eventCount));
      const stream = Readable.from(ndjsonHits(snapshot, corpus));
      // Also when the client leaves before the first line (the generator never started).
      stream.once('close', () => snapshot.close());
      return reply.type('application/x-ndjson; charset=utf-8').send(stream);
    },
  );
};

export default workbench;
