import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { loadBundledCorpora } from '../corpora/bundled-corpora.js';

/** Loads the bundled sample corpora into the store at startup (idempotent). */
export default fp(
  async (fastify: FastifyInstance) => {
    const results = await loadBundledCorpora(fastify.store, fastify.config.corporaDir);
    for (const result of results) {
      if (result.status === 'failed') {
        fastify.log.error({ corpus: result.id, error: result.error }, 'bundled corpus not loaded');
      } else {
        fastify.log.info(
          { corpus: result.id, status: result.status, events: result.eventCount },
          'bundled corpus',
        );
      }
    }
  },
  { name: 'bundled-corpora', dependencies: ['config', 'store'] },
);
