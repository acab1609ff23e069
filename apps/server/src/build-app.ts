import { type TypeBoxTypeProvider, TypeBoxValidatorCompiler } from '@fastify/type-provider-typebox';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import fp from 'fastify-plugin';
import { app } from './app.js';
import type { AppConfig } from './config.js';

/**
 * A ready-to-use Fastify instance running the app, not yet listening. TypeBox validates
 * requests without coercing JSON bodies, so a number where a string belongs is a 400.
 */
export async function buildApp(
  config: AppConfig,
  options: FastifyServerOptions = {},
): Promise<FastifyInstance> {
  const fastify = Fastify({
    bodyLimit: config.jsonBodyLimitBytes,
    ...options,
  })
    .setValidatorCompiler(TypeBoxValidatorCompiler)
    .withTypeProvider<TypeBoxTypeProvider>();
  await fastify.register(fp(app, { name: 'rulebench' }), { config });
  await fastify.ready();
  return fastify;
}
