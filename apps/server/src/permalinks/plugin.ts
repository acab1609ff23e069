import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { PermalinkService } from './permalink-service.js';

declare module 'fastify' {
  interface FastifyInstance {
    /** Permalink snapshots (immutable, versioned, content-addressed). */
    permalinks: PermalinkService;
  }
}

export default fp(
  async (fastify: FastifyInstance) => {
    fastify.decorate('permalinks', new PermalinkService(fastify.store, fastify.config.permalinkMaxBytes));
  },
  { name: 'permalinks', dependencies: ['config', 'store'] },
);
