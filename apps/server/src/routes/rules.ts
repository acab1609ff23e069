import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { ErrorBody } from '../schemas/common.js';

/** The decoded rule: snake_case fields as in detection-rules TOML (see `@rulebench/rules` `Rule`). */
const RuleSchema = Type.Object(
  {
    rule_id: Type.String(),
    name: Type.String(),
    description: Type.String(),
    type: Type.String(),
    severity: Type.String(),
    risk_score: Type.Number(),
  },
  { additionalProperties: true },
);

const rules: FastifyPluginAsyncTypebox = async (fastify) => {
  fastify.get(
    '/rules/default',
    { schema: { response: { 200: RuleSchema, 503: ErrorBody } } },
    async (_request, reply) => {
      const loaded = fastify.defaultRule;
      if (loaded.ok) return loaded.rule;
      return reply.code(503).send({
        statusCode: 503,
        error: 'Service Unavailable',
        code: 'default_rule_unavailable',
        message: `the default rule could not be read: ${loaded.error}`,
      });
    },
  );
};

export default rules;
