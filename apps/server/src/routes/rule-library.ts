import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { defaultExportFormat, type ExportFile, exportRules } from '../rules/export-rules.js';
import { LibraryError } from '../rules/library-error.js';
import ruleLibraryService from '../rules/plugin.js';
import { notFound } from '../rules/rule-library.js';
import {
  ExportManySchema,
  ExportQuerySchema,
  LibraryErrorBody,
  RuleDetailSchema,
  RuleEntryParams,
  RuleListQuery,
  RuleListSchema,
  RuleRevisionParams,
} from '../schemas/rule-library.js';
import { handleLibraryErrors } from './rule-library-errors.js';
import ruleLibraryImport from './rule-library-import.js';
import ruleLibraryWrite from './rule-library-write.js';

/**
 * The rule library under `/api/rules`: list and search, one rule with its revisions, export
 * (one or many, TOML or NDJSON), and, from sibling files, import, save, create, delete and
 * validate. `GET /api/rules/default` (routes/rules.ts) stays the quick way to the seed rule.
 */
const ruleLibrary: FastifyPluginAsyncTypebox = async (fastify) => {
  await fastify.register(ruleLibraryService);
  handleLibraryErrors(fastify, fastify.config.ruleMaxBytes);
  const library = fastify.ruleLibrary;

  fastify.get(
    '/rules',
    { schema: { querystring: RuleListQuery, response: { 200: RuleListSchema } } },
    async (request) => {
      const rules = library.list(request.query);
      return { total: rules.length, rules };
    },
  );

  fastify.get(
    '/rules/:id',
    { schema: { params: RuleEntryParams, response: { 200: RuleDetailSchema, '4xx': LibraryErrorBody } } },
    async (request) => {
      const detail = library.get(request.params.id);
      if (!detail) throw notFound(request.params.id);
      return detail;
    },
  );

  fastify.get(
    '/rules/:id/revisions/:revision',
    { schema: { params: RuleRevisionParams, response: { 200: RuleDetailSchema, '4xx': LibraryErrorBody } } },
    async (request) => {
      const { id, revision } = request.params;
      if (!library.rules.exists(id)) throw notFound(id);
      const detail = library.get(id, revision);
      if (!detail)
        throw new LibraryError(404, 'revision_not_found', `rule "${id}" has no revision ${revision}`);
      return detail;
    },
  );

  const sendFile = (reply: import('fastify').FastifyReply, file: ExportFile) =>
    reply
      .header('content-type', file.contentType)
      .header('content-disposition', `attachment; filename="${file.fileName}"`)
      .send(typeof file.body === 'string' ? file.body : Buffer.from(file.body));

  fastify.get(
    '/rules/:id/export',
    {
      schema: {
        params: RuleEntryParams,
        querystring: ExportQuerySchema,
        response: { '4xx': LibraryErrorBody },
      },
    },
    async (request, reply) => {
      const { id } = request.params;
      const latest = library.latest(id);
      if (!latest) throw notFound(id);
      const format = request.query.format ?? defaultExportFormat(latest.record);
      return sendFile(reply, exportRules(library, [id], format, request.query.revision));
    },
  );

  fastify.post(
    '/rules/export',
    { schema: { body: ExportManySchema, response: { '4xx': LibraryErrorBody } } },
    async (request, reply) => sendFile(reply, exportRules(library, request.body.ids, request.body.format)),
  );

  await fastify.register(ruleLibraryImport);
  await fastify.register(ruleLibraryWrite);
};

export default ruleLibrary;
