import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { ruleToStore } from '../rules/rule-input.js';
import { validateInput } from '../rules/validate-input.js';
import {
  LibraryErrorBody,
  RuleDetailSchema,
  RuleEntryParams,
  RuleInputSchema,
  SaveResultSchema,
  ValidationSchema,
} from '../schemas/rule-library.js';

/**
 * Writing to the library, plus validation. Bodies are JSON of the rule-size limit (a rule may
 * carry a long guide), larger than the API's usual JSON limit.
 */
const ruleLibraryWrite: FastifyPluginAsyncTypebox = async (fastify) => {
  const library = fastify.ruleLibrary;
  const bodyLimit = fastify.config.ruleMaxBytes;

  // "Save as": a new user entry from the editor's rule (or a pasted TOML / NDJSON rule).
  fastify.post(
    '/rules',
    {
      bodyLimit,
      schema: { body: RuleInputSchema, response: { 201: RuleDetailSchema, '4xx': LibraryErrorBody } },
    },
    async (request, reply) => reply.code(201).send(await library.create(ruleToStore(request.body))),
  );

  fastify.put(
    '/rules/:id',
    {
      bodyLimit,
      schema: {
        params: RuleEntryParams,
        body: RuleInputSchema,
        response: { 200: SaveResultSchema, '4xx': LibraryErrorBody },
      },
    },
    async (request) => {
      const { detail, changed } = await library.save(
        request.params.id,
        ruleToStore(request.body),
        request.body.expected_revision,
      );
      return { changed, rule: detail };
    },
  );

  fastify.delete(
    '/rules/:id',
    { schema: { params: RuleEntryParams, response: { 204: Type.Null(), '4xx': LibraryErrorBody } } },
    async (request, reply) => {
      await library.delete(request.params.id);
      return reply.code(204).send(null);
    },
  );

  fastify.post(
    '/rules/validate',
    {
      bodyLimit,
      schema: { body: RuleInputSchema, response: { 200: ValidationSchema, '4xx': LibraryErrorBody } },
    },
    async (request) => validateInput(request.body),
  );
};

export default ruleLibraryWrite;
