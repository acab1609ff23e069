import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { isEqlError } from '@rulebench/eql';
import type { FastifyError } from 'fastify';
import { Type } from 'typebox';
import { unknownFields } from '../plugins/validation-message.js';
import { EqlSearchResponseSchema, searchOptionProperties } from '../schemas/search.js';
import { isStackOverflow } from '../search/eql-error-body.js';
import { esError, indexNotFound } from '../search/es-errors.js';
import { compileEsFilter, FilterError } from '../search/es-filter.js';
import { resolveIndexExpression } from '../search/index-pattern.js';
import { searchCorpus } from '../search/run-search.js';
import { disconnectSignal, isSearchLimitError, searchLimits } from '../search/search-limits.js';
import { toSearchOptions } from '../search/search-options.js';
import type { CorpusRecord } from '../store/types.js';

const EsErrorSchema = Type.Object(
  {
    error: Type.Object({ type: Type.String(), reason: Type.String() }, { additionalProperties: true }),
    status: Type.Integer(),
  },
  { additionalProperties: true },
);

/** Request-body keys Elasticsearch accepts that have no effect on a local replay. */
const IGNORED_KEYS = [
  'case_sensitive',
  'fields',
  'runtime_mappings',
  'keep_alive',
  'keep_on_completion',
  'wait_for_completion_timeout',
  'allow_partial_search_results',
  'allow_partial_sequence_results',
] as const;

/**
 * `POST /api/es/{index}/_eql/search`: Elasticsearch's EQL search API over a stored corpus, so
 * `curl` and Elasticsearch clients work unchanged. Errors use Elasticsearch's error shape.
 */
const esEqlSearch: FastifyPluginAsyncTypebox = async (fastify) => {
  const Body = Type.Object(
    {
      ...searchOptionProperties(fastify.config),
      filter: Type.Optional(Type.Unknown()),
      ...Object.fromEntries(IGNORED_KEYS.map((key) => [key, Type.Optional(Type.Unknown())])),
    },
    { additionalProperties: false },
  );

  // Elasticsearch clients send their versioned JSON media type and check that the answer
  // comes from "Elasticsearch".
  fastify.addContentTypeParser(
    /^application\/vnd\.elasticsearch\+json/,
    { parseAs: 'string' },
    fastify.getDefaultJsonParser('error', 'error'),
  );
  fastify.addHook('onSend', async (_request, reply) => {
    reply.header('x-elastic-product', 'Elasticsearch');
  });

  fastify.setErrorHandler((error: FastifyError, request, reply) => {
    const status =
      error.statusCode && error.statusCode >= 400 && error.statusCode < 500 ? error.statusCode : 500;
    if (status === 500) {
      request.log.error({ err: error }, 'request failed');
      return reply.code(500).send(esError(500, 'exception', 'Internal Server Error'));
    }
    const type = error.validation
      ? 'x_content_parse_exception'
      : status === 413
        ? 'content_too_long_exception'
        : 'parsing_exception';
    // As Elasticsearch words a body key it does not know.
    const unknown = error.validationContext === 'body' ? unknownFields(error.validation ?? []) : [];
    const reason = unknown.length > 0 ? `unknown field [${unknown[0]}]` : error.message;
    return reply.code(status).send(esError(status, type, reason));
  });

  const resolveIndex = (
    index: string,
  ): CorpusRecord | { readonly status: number; readonly body: ReturnType<typeof esError> } => {
    const exact = fastify.store.corpora.get(index);
    if (exact) return exact;
    if (!/[*,]/.test(index)) return { status: 404, body: indexNotFound(index) };
    const all = fastify.store.corpora.list();
    const resolved = resolveIndexExpression(
      index,
      all.map((c) => c.id),
    );
    if (!resolved.ok) return { status: 404, body: indexNotFound(resolved.missing) };
    const matches = all.filter((c) => resolved.ids.includes(c.id));
    const only = matches[0];
    if (matches.length === 1 && only) return only;
    if (matches.length === 0) return { status: 404, body: indexNotFound(index) };
    return {
      status: 400,
      body: esError(
        400,
        'illegal_argument_exception',
        `[${index}] matches ${matches.length} corpora; Rulebench searches one corpus at a time`,
      ),
    };
  };

  const handler = {
    bodyLimit: fastify.config.jsonBodyLimitBytes,
    schema: {
      params: Type.Object({ index: Type.String({ minLength: 1, maxLength: 1000 }) }),
      body: Body,
      response: { 200: EqlSearchResponseSchema, '4xx': EsErrorSchema, '5xx': EsErrorSchema },
    },
  };

  fastify.post('/es/:index/_eql/search', handler, async (request, reply) => {
    const resolved = resolveIndex(request.params.index);
    if (!('contentId' in resolved)) return reply.code(resolved.status).send(resolved.body);
    const { query, filter, ...rest } = request.body;
    const options = toSearchOptions(rest);
    let compiledFilter: ReturnType<typeof compileEsFilter> | undefined;
    if (filter !== undefined && filter !== null) {
      try {
        compiledFilter = compileEsFilter(filter, options.timestampField ?? '@timestamp');
      } catch (error) {
        if (error instanceof FilterError)
          return reply.code(400).send(esError(400, 'parsing_exception', `filter: ${error.message}`));
        throw error;
      }
    }
    try {
      return await searchCorpus(fastify.store, resolved, {
        query,
        options,
        limits: searchLimits(fastify.config),
        signal: disconnectSignal(reply.raw),
        ...(compiledFilter ? { filter: compiledFilter } : {}),
      });
    } catch (error) {
      if (isEqlError(error)) {
        const type =
          error.code === 'EQL_SYNTAX' || error.code === 'EQL_TOO_MANY_TOKENS'
            ? 'parsing_exception'
            : 'verification_exception';
        return reply
          .code(400)
          .send(esError(400, type, `line ${error.line}:${error.column}: ${error.message}`));
      }
      if (isStackOverflow(error))
        return reply.code(400).send(esError(400, 'parsing_exception', 'the query is nested too deeply'));
      if (isSearchLimitError(error)) {
        const type = error.code === 'search_timeout' ? 'timeout_exception' : 'illegal_argument_exception';
        return reply.code(400).send(esError(400, type, error.message));
      }
      throw error;
    }
  });
};

export default esEqlSearch;
