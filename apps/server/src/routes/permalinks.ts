import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { isEqlError } from '@rulebench/eql';
import type { FastifyError } from 'fastify';
import { Type } from 'typebox';
import { esCurlCommand } from '../permalinks/es-curl.js';
import { PermalinkError, permalinkTooLarge } from '../permalinks/permalink-error.js';
import permalinkService from '../permalinks/plugin.js';
import { BadRequestBody, ErrorBody } from '../schemas/common.js';
import {
  CreatedPermalinkSchema,
  CreatePermalinkSchema,
  DiffQuerySchema,
  DiffSchema,
  PermalinkParams,
  PermalinkVersionParams,
  PermalinkViewSchema,
  RestoredCorpusSchema,
} from '../schemas/permalinks.js';
import { WorkbenchSearchResponseSchema } from '../schemas/search.js';
import { badQueryBody, isStackOverflow, tooComplexBody } from '../search/eql-error-body.js';
import { FilterError } from '../search/es-filter.js';

/**
 * Permalinks under `/api/permalinks`. There is deliberately no route that lists permalinks and
 * none that changes or deletes one: a link, once shared, shows the same thing forever.
 */
const permalinks: FastifyPluginAsyncTypebox = async (fastify) => {
  // `/permalinks/:id/1.5` must not be read as version 1: versions are whole numbers, as written.
  fastify.addHook('preValidation', async (request) => {
    const version = (request.params as { version?: unknown }).version;
    if (typeof version === 'string' && !/^[0-9]+$/.test(version))
      throw new PermalinkError(
        400,
        'invalid_version',
        `version "${version}" is not a whole number (1, 2, …)`,
      );
  });
  await fastify.register(permalinkService);
  const service = fastify.permalinks;
  const limit = fastify.config.permalinkMaxBytes;

  fastify.setErrorHandler((error: FastifyError, _request, _reply) => {
    if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE') throw permalinkTooLarge(null, limit);
    throw error;
  });

  fastify.post(
    '/permalinks',
    {
      // Room for the JSON around the snapshot; the snapshot itself is measured once canonical.
      bodyLimit: limit + 64 * 1024,
      schema: {
        body: CreatePermalinkSchema,
        response: { 200: CreatedPermalinkSchema, 201: CreatedPermalinkSchema, '4xx': ErrorBody },
      },
    },
    async (request, reply) => {
      const created = await service.create(request.body.snapshot, request.body.base);
      return reply.code(created.created ? 201 : 200).send(created);
    },
  );

  fastify.get(
    '/permalinks/:id',
    { schema: { params: PermalinkParams, response: { 200: PermalinkViewSchema, '4xx': ErrorBody } } },
    async (request) => service.view(request.params.id),
  );

  fastify.get(
    '/permalinks/:id/:version',
    { schema: { params: PermalinkVersionParams, response: { 200: PermalinkViewSchema, '4xx': ErrorBody } } },
    async (request) => service.view(request.params.id, request.params.version),
  );

  // A fork of a link whose corpus was deleted: the snapshot's events, back as a corpus.
  fastify.post(
    '/permalinks/:id/:version/corpus',
    {
      schema: {
        params: PermalinkVersionParams,
        response: { 200: RestoredCorpusSchema, 201: RestoredCorpusSchema, '4xx': ErrorBody },
      },
    },
    async (request, reply) => {
      const restored = await service.restoreCorpus(request.params.id, request.params.version);
      return reply.code(restored.created ? 201 : 200).send(restored);
    },
  );

  fastify.get(
    '/permalinks/:id/:version/search',
    {
      schema: {
        params: PermalinkVersionParams,
        response: { 200: WorkbenchSearchResponseSchema, 422: BadRequestBody, '4xx': ErrorBody },
      },
    },
    async (request, reply) => {
      const { id, version } = request.params;
      try {
        const { response, matches } = await service.search(id, version);
        return { ...response, matches };
      } catch (error) {
        // The stored query or filter cannot run: the link is fine, its content is not searchable.
        if (isEqlError(error))
          return reply
            .code(422)
            .send({ ...badQueryBody(error), statusCode: 422, error: 'Unprocessable Entity' });
        if (isStackOverflow(error)) {
          const query = service.snapshot(id, version).query;
          return reply
            .code(422)
            .send({ ...tooComplexBody(query), statusCode: 422, error: 'Unprocessable Entity' });
        }
        if (error instanceof FilterError) throw new PermalinkError(422, 'invalid_filter', error.message);
        throw error;
      }
    },
  );

  fastify.get(
    '/permalinks/:id/diff',
    {
      schema: {
        params: PermalinkParams,
        querystring: DiffQuerySchema,
        response: { 200: DiffSchema, '4xx': ErrorBody },
      },
    },
    async (request) => {
      const { id } = request.params;
      const { from, to } = request.query;
      return { id, from, to, changes: service.diff(id, from, to) };
    },
  );

  fastify.get(
    '/permalinks/:id/:version/curl',
    {
      schema: {
        params: PermalinkVersionParams,
        response: { 200: Type.String({ description: 'a shell command' }), '4xx': ErrorBody },
      },
    },
    async (request, reply) => {
      try {
        const command = esCurlCommand(service.snapshot(request.params.id, request.params.version));
        return reply.type('text/plain; charset=utf-8').send(command);
      } catch (error) {
        if (error instanceof FilterError) throw new PermalinkError(422, 'invalid_filter', error.message);
        throw error;
      }
    },
  );
};

export default permalinks;
