import { STATUS_CODES } from 'node:http';
import type { FastifyError, FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';

/**
 * One error shape for the whole API: `{ statusCode, error, message, code? }`. Client errors
 * (4xx) say what was wrong; server errors (5xx) are logged in full and answered with a generic
 * message, so no internals (paths, SQL, stack) leak to the client.
 */
export default fp(
  async (fastify: FastifyInstance) => {
    fastify.setErrorHandler((error: FastifyError, request, reply) => {
      const candidate = error.statusCode ?? 500;
      const statusCode = candidate >= 400 && candidate < 600 ? candidate : 500;
      if (statusCode >= 500) {
        request.log.error({ err: error }, 'request failed');
        return reply.code(statusCode).send({
          statusCode,
          error: STATUS_CODES[statusCode] ?? 'Internal Server Error',
          message: 'Internal Server Error',
        });
      }
      request.log.info({ err: { message: error.message, code: error.code } }, 'request rejected');
      return reply.code(statusCode).send({
        statusCode,
        error: STATUS_CODES[statusCode] ?? 'Bad Request',
        message: error.message,
        ...(error.code ? { code: error.code } : {}),
      });
    });
  },
  { name: 'error-handler' },
);
