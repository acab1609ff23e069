import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { decodeTomlRule, type Rule } from '@rulebench/rules';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';

/** The default rule, decoded once at startup, or why it could not be. */
export type DefaultRule =
  | { readonly ok: true; readonly rule: Rule }
  | { readonly ok: false; readonly error: string };

declare module 'fastify' {
  interface FastifyInstance {
    defaultRule: DefaultRule;
  }
}

export function loadDefaultRule(file: string): DefaultRule {
  try {
    return { ok: true, rule: decodeTomlRule(readFileSync(file, 'utf8'), basename(file)) };
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
}

/** A broken default rule is logged and reported by its route; it does not stop the server. */
export default fp(
  async (fastify: FastifyInstance) => {
    const loaded = loadDefaultRule(fastify.config.defaultRuleFile);
    if (!loaded.ok)
      fastify.log.error(
        { file: fastify.config.defaultRuleFile, error: loaded.error },
        'default rule not loaded',
      );
    fastify.decorate<DefaultRule>('defaultRule', loaded);
  },
  { name: 'default-rule', dependencies: ['config'] },
);
