import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { DEFAULT_MAX_TEXT_LENGTH } from '@rulebench/rules';
import { LibraryError } from '../rules/library-error.js';
import { readRuleFile } from '../rules/rule-file.js';
import { importRules } from '../rules/rule-import.js';
import { ImportQuerySchema, ImportResultSchema, LibraryErrorBody } from '../schemas/rule-library.js';
import { ruleTooLarge } from './rule-library-errors.js';

const asList = <T>(value: T | readonly T[] | undefined): readonly T[] | undefined =>
  value === undefined ? undefined : Array.isArray(value) ? (value as readonly T[]) : [value as T];

/**
 * `POST /api/rules/import`: the body is the file itself (detection-rules TOML or a Kibana
 * NDJSON export), of any content type; the format is sniffed unless `format` says it.
 * `dry_run=true` lists what the file holds and what importing would do; `rule_id` (or `line`),
 * repeatable, imports only those rules of a multi-rule file.
 */
const ruleLibraryImport: FastifyPluginAsyncTypebox = async (fastify) => {
  const limit = fastify.config.ruleMaxBytes;
  fastify.removeAllContentTypeParsers();
  fastify.addContentTypeParser('*', (_request, payload, done) => done(null, payload));

  fastify.post(
    '/rules/import',
    {
      schema: {
        querystring: ImportQuerySchema,
        response: { 200: ImportResultSchema, '4xx': LibraryErrorBody },
      },
    },
    async (request) => {
      const fileName = request.query.filename ?? null;
      const declared = Number(request.headers['content-length'] ?? Number.NaN);
      if (declared > limit) throw ruleTooLarge(limit, fileName);
      const bytes = await readLimited(request.body, limit, () => ruleTooLarge(limit, fileName));
      if (bytes.length === 0) {
        throw new LibraryError(
          422,
          'empty_file',
          `${fileName ? `${fileName}: ` : ''}the file is empty; send the rule file as the request body`,
        );
      }
      const file = readRuleFile(bytes, {
        fileName,
        ...(request.query.format ? { format: request.query.format } : {}),
        maxTextLength: DEFAULT_MAX_TEXT_LENGTH,
      });
      const ruleIds = asList(request.query.rule_id);
      const lines = asList(request.query.line);
      const selective = ruleIds !== undefined || lines !== undefined;
      return importRules(fastify.ruleLibrary, {
        file,
        ...(selective ? { selection: { ...(ruleIds && { ruleIds }), ...(lines && { lines }) } } : {}),
        dryRun: request.query.dry_run === true,
      });
    },
  );
};

/** The whole body, refusing (by `tooLarge`) as soon as it passes `limit` bytes. */
async function readLimited(body: unknown, limit: number, tooLarge: () => Error): Promise<Uint8Array> {
  if (body === null || typeof body !== 'object' || !(Symbol.asyncIterator in body)) return new Uint8Array();
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of body as AsyncIterable<Buffer | string>) {
    const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    total += buffer.length;
    if (total > limit) throw tooLarge();
    chunks.push(buffer);
  }
  return Buffer.concat(chunks);
}

export default ruleLibraryImport;
