import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { isEqlError } from '@rulebench/eql';
import { Type } from 'typebox';
import { BadRequestBody, ErrorBody } from '../schemas/common.js';
import { searchOptionProperties, WorkbenchSearchResponseSchema } from '../schemas/search.js';
import { badQueryBody, isStackOverflow, tooComplexBody } from '../search/eql-error-body.js';
import { searchCorpusCounted } from '../search/run-search.js';
import { disconnectSignal, searchLimits } from '../search/search-limits.js';
import { toSearchOptions } from '../search/search-options.js';

/** `POST /api/search`: run an EQL query over a stored corpus. */
const search: FastifyPluginAsyncTypebox = async (fastify) => {
  const Body = Type.Object(
    { corpus: Type.String({ minLength: 1, maxLength: 200 }), ...searchOptionProperties(fastify.config) },
    { additionalProperties: false },
  );

  fastify.post(
    '/search',
    {
      bodyLimit: fastify.config.jsonBodyLimitBytes,
      schema: {
        body: Body,
        response: { 200: WorkbenchSearchResponseSchema, 400: BadRequestBody, 404: ErrorBody },
      },
    },
    async (request, reply) => {
      const { corpus: corpusId, query, ...params } = request.body;
      const corpus = fastify.store.corpora.get(corpusId);
      if (!corpus) {
        return reply.code(404).send({
          statusCode: 404,
          error: 'Not Found',
          code: 'corpus_not_found',
          message: `no corpus with id "${corpusId}"`,
        });
      }
      try {
        const { response, matches } = await searchCorpusCounted(fastify.store, corpus, {
          query,
          options: toSearchOptions(params),
          limits: searchLimits(fastify.config),
          signal: disconnectSignal(reply.raw),
        });
        return { ...response, matches };
      } catch (error) {
        if (isEqlError(error)) return reply.code(400).send(badQueryBody(error));
        if (isStackOverflow(error)) return reply.code(400).send(tooComplexBody(query));
        throw error;
      }
    },
  );
};

export default search;
