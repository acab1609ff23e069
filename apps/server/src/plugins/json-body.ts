import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';

/** A request body that is not JSON the API takes: a 400 that says what is wrong with it. */
export class JsonBodyError extends Error {
  override readonly name = 'JsonBodyError';
  readonly statusCode = 400;
  readonly code: string;

  constructor(code: string, message: string) {
    super(message);
    this.code = code;
  }
}

/**
 * Parses a JSON body, refusing `__proto__` (and `constructor`) keys as Fastify does, but saying
 * so: Fastify's own parser answers every refusal, a syntax error or a poisoned key alike, with
 * "Body is not valid JSON".
 */
export function parseJsonBody(text: string): unknown {
  // Fastify's codes, which clients may already test for.
  if (text === '')
    throw new JsonBodyError(
      'FST_ERR_CTP_EMPTY_JSON_BODY',
      "Body cannot be empty when content-type is set to 'application/json'",
    );
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new JsonBodyError(
      'FST_ERR_CTP_INVALID_JSON_BODY',
      `the body is not valid JSON: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  const poisoned = poisonedKey(value);
  if (poisoned !== undefined)
    throw new JsonBodyError(
      'forbidden_json_key',
      `the body is refused: it has a "${poisoned}" key, which could change objects' prototypes; remove it`,
    );
  return value;
}

/**
 * The first `__proto__` key, or `constructor` key holding a `prototype`, anywhere in `value`
 * (`constructor` alone is harmless, as in Fastify's check). Walked with an explicit stack: a
 * body may nest tens of thousands of levels deep (a reviver would overflow the stack there).
 */
function poisonedKey(value: unknown): string | undefined {
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const node = stack.pop();
    if (node === null || typeof node !== 'object') continue;
    if (Array.isArray(node)) {
      for (const item of node) stack.push(item);
      continue;
    }
    for (const key of Object.keys(node)) {
      const item = (node as Record<string, unknown>)[key];
      if (key === '__proto__') return key;
      if (
        key === 'constructor' &&
        item !== null &&
        typeof item === 'object' &&
        Object.hasOwn(item, 'prototype')
      )
        return key;
      stack.push(item);
    }
  }
  return undefined;
}

/** The API's JSON body parser (see parseJsonBody). */
export default fp(
  async (fastify: FastifyInstance) => {
    fastify.removeContentTypeParser('application/json');
    fastify.addContentTypeParser(
      'application/json',
      { parseAs: 'string' },
      (
        _request: FastifyRequest,
        body: string | Buffer,
        done: (error: Error | null, value?: unknown) => void,
      ) => {
        try {
          done(null, parseJsonBody(typeof body === 'string' ? body : body.toString('utf8')));
        } catch (error) {
          done(error as Error);
        }
      },
    );
  },
  { name: 'json-body' },
);
