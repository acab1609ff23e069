import { STATUS_CODES } from 'node:http';
import type { FastifyError, FastifyInstance } from 'fastify';
import { LibraryError } from '../rules/library-error.js';

/**
 * Error handling for the rule library routes: a `LibraryError` is answered with its status,
 * code and located problems; a body over the limit gets a message naming the limit; anything
 * else goes on to the app's error handler.
 */
export function handleLibraryErrors(fastify: FastifyInstance, limitBytes: number): void {
  fastify.setErrorHandler((error: FastifyError, _request, reply) => {
    if (error instanceof LibraryError) {
      return reply.code(error.statusCode).send({
        statusCode: error.statusCode,
        error: STATUS_CODES[error.statusCode] ?? 'Error',
        code: error.code,
        message: error.message,
        ...(error.problems.length > 0 ? { problems: error.problems } : {}),
      });
    }
    if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE') throw ruleTooLarge(limitBytes);
    throw error;
  });
}

export function ruleTooLarge(limitBytes: number, fileName?: string | null): LibraryError {
  const limit = formatBytes(limitBytes);
  return new LibraryError(
    413,
    'rule_too_large',
    `${fileName ? `${fileName}: ` : ''}the rule is larger than ${limit}, the most a rule file may hold (RULE_MAX_MB); guides and queries that long are not rules Kibana would accept either`,
  );
}

export function formatBytes(bytes: number): string {
  const mb = bytes / (1024 * 1024);
  if (mb >= 1) return `${Number.isInteger(mb) ? mb : mb.toFixed(1)} MB`;
  return `${bytes} bytes`;
}
