import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import type { AppConfig } from '../config.js';

declare module 'fastify' {
  interface FastifyInstance {
    config: AppConfig;
  }
}

export default fp(
  async (fastify: FastifyInstance, options: { readonly config: AppConfig }) => {
    fastify.decorate('config', options.config);
  },
  { name: 'config' },
);
