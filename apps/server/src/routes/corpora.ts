import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply } from 'fastify';
import { Type } from 'typebox';
import { corpusView } from '../corpora/corpus-view.js';
import { type CatalogueField, FieldCatalogueBuilder } from '../corpora/field-catalogue.js';
import { parseTimestamp } from '../corpora/timestamp.js';
import { CorpusIdParams, ErrorBody } from '../schemas/common.js';
import {
  CorpusListSchema,
  CorpusPatchSchema,
  CorpusSchema,
  EventParamsSchema,
  EventSchema,
  EventsPageSchema,
  EventsQuerySchema,
  FieldCatalogueSchema,
} from '../schemas/corpora.js';
import { hitId, ordinalOf } from '../search/hit-id.js';
import type { EventFilter } from '../store/types.js';

function notFound(reply: FastifyReply, id: string) {
  return reply.code(404).send({
    statusCode: 404,
    error: 'Not Found',
    code: 'corpus_not_found',
    message: `no corpus with id "${id}"`,
  });
}

function readOnly(reply: FastifyReply, id: string) {
  return reply.code(409).send({
    statusCode: 409,
    error: 'Conflict',
    code: 'corpus_read_only',
    message: `"${id}" is a bundled corpus and cannot be changed; upload a copy instead`,
  });
}

function badRequest(reply: FastifyReply, message: string) {
  return reply.code(400).send({ statusCode: 400, error: 'Bad Request', code: 'invalid_parameter', message });
}

const corpora: FastifyPluginAsyncTypebox = async (fastify) => {
  fastify.get('/corpora', { schema: { response: { 200: CorpusListSchema } } }, async () => ({
    corpora: fastify.store.corpora.list().map(corpusView),
  }));

  fastify.get(
    '/corpora/:id',
    { schema: { params: CorpusIdParams, response: { 200: CorpusSchema, 404: ErrorBody } } },
    async (request, reply) => {
      const corpus = fastify.store.corpora.get(request.params.id);
      return corpus ? corpusView(corpus) : notFound(reply, request.params.id);
    },
  );

  fastify.get(
    '/corpora/:id/events',
    {
      schema: {
        params: CorpusIdParams,
        querystring: EventsQuerySchema,
        response: { 200: EventsPageSchema, 400: ErrorBody, 404: ErrorBody },
      },
    },
    async (request, reply) => {
      const corpus = fastify.store.corpora.get(request.params.id);
      if (!corpus) return notFound(reply, request.params.id);
      const { offset = 0, limit = 100, q, from, to } = request.query;
      const filter: { -readonly [K in keyof EventFilter]: EventFilter[K] } = {};
      if (q !== undefined && q !== '') filter.text = q;
      for (const [name, value] of [
        ['from', from],
        ['to', to],
      ] as const) {
        if (value === undefined || value === '') continue;
        const millis = parseTimestamp(value);
        if (millis === undefined)
          return badRequest(reply, `${name}: "${value}" is neither ISO-8601 nor epoch millis`);
        if (name === 'from') filter.fromTs = millis;
        else filter.toTs = millis;
      }
      const store = fastify.store.corpora;
      return {
        total: store.countEvents(corpus.contentId, filter),
        offset,
        limit,
        events: store.pageEvents(corpus.contentId, offset, limit, filter).map((row) => ({
          _index: corpus.id,
          _id: hitId(row.ordinal),
          _source: JSON.parse(row.doc) as unknown,
        })),
      };
    },
  );

  fastify.get(
    '/corpora/:id/events/:eventId',
    { schema: { params: EventParamsSchema, response: { 200: EventSchema, 404: ErrorBody } } },
    async (request, reply) => {
      const corpus = fastify.store.corpora.get(request.params.id);
      if (!corpus) return notFound(reply, request.params.id);
      const ordinal = ordinalOf(request.params.eventId);
      const row =
        ordinal === undefined ? undefined : fastify.store.corpora.getEvent(corpus.contentId, ordinal);
      if (!row) {
        return reply.code(404).send({
          statusCode: 404,
          error: 'Not Found',
          code: 'event_not_found',
          message: `corpus "${corpus.id}" has no event "${request.params.eventId}"`,
        });
      }
      return { _index: corpus.id, _id: hitId(row.ordinal), _source: JSON.parse(row.doc) as unknown };
    },
  );

  fastify.get(
    '/corpora/:id/fields',
    { schema: { params: CorpusIdParams, response: { 200: FieldCatalogueSchema, 404: ErrorBody } } },
    async (request, reply) => {
      const corpus = fastify.store.corpora.get(request.params.id);
      if (!corpus) return notFound(reply, request.params.id);
      const cached = fastify.store.corpora.getFieldCatalogue(corpus.contentId);
      if (cached !== undefined) return JSON.parse(cached) as { fields: CatalogueField[] };
      const builder = new FieldCatalogueBuilder();
      for (const row of fastify.store.corpora.iterateEvents(corpus.contentId, 'ordinal'))
        builder.add(JSON.parse(row.doc));
      const catalogue = { fields: builder.build() };
      const text = JSON.stringify(catalogue);
      // Derived data: a failed cache write must not fail the request.
      await fastify.store.writeLock
        .run(() => fastify.store.corpora.putFieldCatalogue(corpus.contentId, text))
        .catch((error: unknown) => request.log.warn({ err: error }, 'field catalogue not cached'));
      return catalogue;
    },
  );

  fastify.patch(
    '/corpora/:id',
    {
      schema: {
        params: CorpusIdParams,
        body: CorpusPatchSchema,
        response: { 200: CorpusSchema, 404: ErrorBody, 409: ErrorBody },
      },
    },
    async (request, reply) => {
      const { id } = request.params;
      return fastify.store.writeLock.run(() => {
        const corpus = fastify.store.corpora.get(id);
        if (!corpus) return notFound(reply, id);
        if (corpus.source === 'bundled') return readOnly(reply, id);
        // Corpora are told apart by name in the UI: two may not share one.
        const { name } = request.body;
        const holder =
          name === undefined ? undefined : fastify.store.corpora.list().find((c) => c.name === name);
        if (holder && holder.id !== id) {
          return reply.code(409).send({
            statusCode: 409,
            error: 'Conflict',
            code: 'corpus_name_taken',
            message: `corpus "${holder.id}" is already named "${name}"; choose another name`,
          });
        }
        fastify.store.corpora.updateMetadata(id, request.body);
        const updated = fastify.store.corpora.get(id);
        return updated ? corpusView(updated) : notFound(reply, id);
      });
    },
  );

  fastify.delete(
    '/corpora/:id',
    { schema: { params: CorpusIdParams, response: { 204: Type.Null(), 404: ErrorBody, 409: ErrorBody } } },
    async (request, reply) => {
      const { id } = request.params;
      return fastify.store.writeLock.run(() => {
        const corpus = fastify.store.corpora.get(id);
        if (!corpus) return notFound(reply, id);
        if (corpus.source === 'bundled') return readOnly(reply, id);
        fastify.store.corpora.delete(id);
        return reply.code(204).send(null);
      });
    },
  );
};

export default corpora;
