import { basename } from 'node:path';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { bundledRuleId, syncBundledRules } from './bundled-rules.js';
import { RuleLibrary } from './rule-library.js';

declare module 'fastify' {
  interface FastifyInstance {
    /** The rule library (bundled and user rules, with revisions). */
    ruleLibrary: RuleLibrary;
  }
}

/** The rule library service; loads the bundled rules at startup. A broken bundled file is logged, not fatal. */
export default fp(
  async (fastify: FastifyInstance) => {
    const library = new RuleLibrary(fastify.store);
    const results = await syncBundledRules(library, fastify.config.bundledRulesDir);
    for (const result of results) {
      if (result.status === 'failed')
        fastify.log.error({ rule: result.id, error: result.error }, 'bundled rule not loaded');
      else fastify.log.debug({ rule: result.id, status: result.status }, 'bundled rule');
    }
    const defaultId = bundledRuleId(basename(fastify.config.defaultRuleFile));
    library.defaultId = defaultId && library.rules.get(defaultId)?.source === 'bundled' ? defaultId : null;
    fastify.decorate('ruleLibrary', library);
  },
  { name: 'rule-library', dependencies: ['config', 'store'] },
);
