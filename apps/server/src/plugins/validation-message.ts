import type { FastifySchemaValidationError } from 'fastify/types/schema.js';

/** The keys of request objects that name an unknown field (a closed schema's `false`). */
export function unknownFields(errors: readonly FastifySchemaValidationError[]): string[] {
  return errors
    .filter((e) => e.message === 'schema is false' && e.instancePath !== '')
    .map((e) => e.instancePath.slice(e.instancePath.lastIndexOf('/') + 1));
}

/**
 * One readable message for a request that fails its schema. The validator reports each branch
 * of a union (`format` gave "must be equal to constant" six times, then "must match a schema in
 * anyOf"); here a union of constants reads "must be one of a, b, c", an unknown key reads "is not
 * a known field", and each field is named once.
 */
export function validationMessage(errors: readonly FastifySchemaValidationError[], dataVar: string): string {
  const byPath = new Map<string, FastifySchemaValidationError[]>();
  for (const error of errors) {
    const group = byPath.get(error.instancePath);
    if (group) group.push(error);
    else byPath.set(error.instancePath, [error]);
  }
  const hasUnknown = unknownFields(errors).length > 0;
  const parts: string[] = [];
  for (const [path, group] of byPath) {
    const where = `${dataVar}${path}`;
    const constants = group.filter((e) => e.keyword === 'const').map((e) => e.params.allowedValue);
    const others = group.filter((e) => e.keyword !== 'const' && e.keyword !== 'anyOf');
    if (constants.length > 0 && others.length === 0) {
      parts.push(`${where} must be one of ${constants.map((v) => JSON.stringify(v)).join(', ')}`);
      continue;
    }
    const messages = new Set<string>();
    for (const e of others) {
      if (e.message === 'schema is false') messages.add('is not a known field');
      // Said once per unknown key already.
      else if (!(hasUnknown && e.keyword === 'additionalProperties')) messages.add(e.message ?? 'is invalid');
    }
    if (messages.size > 0) parts.push(`${where} ${[...messages].join(', ')}`);
  }
  return parts.join('; ') || `${dataVar} is invalid`;
}

/** Fastify's `schemaErrorFormatter`. */
export function formatSchemaErrors(errors: FastifySchemaValidationError[], dataVar: string): Error {
  return new Error(validationMessage(errors, dataVar));
}
