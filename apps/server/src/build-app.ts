import { type TypeBoxTypeProvider, TypeBoxValidatorCompiler } from '@fastify/type-provider-typebox';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import fp from 'fastify-plugin';
import { app } from './app.js';
import type { AppConfig } from './config.js';
import { formatSchemaErrors } from './plugins/validation-message.js';

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
    // Field names in paths (`/corpora/:id/fields/:field/values`) may be as long as the schemas
    // allow (1000 characters), percent-encoded; the schemas then give the clear 400 beyond.
    routerOptions: { maxParamLength: 4096 },
    // A client that stalls cannot hold a connection (or an upload) forever.
    requestTimeout: config.requestTimeoutMs,
    connectionTimeout: config.connectionTimeoutMs,
    // One readable message per invalid field, not one per branch of a union.
    schemaErrorFormatter: formatSchemaErrors,
    ...options,
  })
    .setValidatorCompiler(TypeBoxValidatorCompiler)
    .withTypeProvider<TypeBoxTypeProvider>();
  await fastify.register(fp(app, { name: 'rulebench' }), { config });
  await fastify.ready();
  return fastify;
}
