import { PassThrough } from 'node:stream';
import multipart from '@fastify/multipart';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { INPUT_FORMATS, type InputFormat } from '@rulebench/events';
import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { corpusView } from '../corpora/corpus-view.js';
import {
  type ImportOutcome,
  type ImportRequest,
  importCorpus,
  PROGRESS_INTERVAL_MS,
} from '../corpora/import-corpus.js';
import { ImportReportBuilder } from '../corpora/import-report.js';
import { eventRecordBatches, type SourceFile } from '../corpora/source-records.js';
import { limitBytes, UploadTooLargeError } from '../corpora/upload-bytes.js';
import { ErrorBody } from '../schemas/common.js';
import { UploadFailureSchema, UploadQuerySchema, UploadResultSchema } from '../schemas/corpora.js';
import type { Store } from '../store/store.js';
import { watchClient } from './upload-client.js';
import { UploadSpool, untilAborted } from './upload-spool.js';

const NDJSON = 'application/x-ndjson';
/** Compressed uploads may expand this many times over the upload limit, all members together. */
const INFLATE_FACTOR = 16;
/** Boundaries and part headers of a multipart body, on top of the files themselves. */
const MULTIPART_SLACK = 1024 * 1024;
const MAX_FILES = 100;

const FAILURE_MESSAGES = {
  no_events: () => 'the upload holds no events',
  unreadable_input: (reason: string) => `the upload could not be read, so nothing was stored: ${reason}`,
  invalid_records: (rejected: number) =>
    `${rejected} record${rejected === 1 ? '' : 's'} could not be imported, so nothing was stored; fix them, or upload again with skip_invalid=true to import the others`,
} as const;

/** The status and body an import outcome is answered with. */
function outcomeResponse(outcome: ImportOutcome) {
  if (outcome.ok) {
    return { statusCode: 201, body: { corpus: corpusView(outcome.corpus), report: outcome.report } } as const;
  }
  const { rejected, errors } = outcome.report;
  const message =
    outcome.reason === 'no_events'
      ? FAILURE_MESSAGES.no_events()
      : outcome.reason === 'unreadable_input'
        ? FAILURE_MESSAGES.unreadable_input(errors.at(-1)?.reason ?? 'unknown format')
        : FAILURE_MESSAGES.invalid_records(rejected);
  return {
    statusCode: 422,
    body: {
      statusCode: 422,
      error: 'Unprocessable Entity',
      code: outcome.reason,
      message,
      report: outcome.report,
    },
  } as const;
}

/** What the client asked for, from the query string and (multipart) the fields before the first file. */
interface UploadMeta {
  name?: string;
  description?: string;
  filename?: string;
  skipInvalid?: boolean;
  format?: InputFormat;
}

/**
 * `POST /api/corpora`: creates a corpus from events in any format the events package reads
 * (NDJSON, JSON arrays, Elasticsearch `_search`/`_eql/search` responses, raw Windows JSON,
 * winlogbeat, EVTX; gzip or zip wrapped), sniffed unless `format` says otherwise, mapped to ECS.
 *
 * The body is either the file itself (any content type but multipart) or `multipart/form-data`
 * with one or several files (one corpus; fields `name`, `description`, `format`,
 * `skip_invalid` are read when they come before the first file). Either way it is streamed into
 * the store, never buffered whole; the upload limit counts every byte received.
 *
 * With `Accept: application/x-ndjson` the answer is a stream instead (always status 200): lines
 * `{"type":"progress","read","imported","bytes","totalBytes"}` while importing, then one
 * `{"type":"result","statusCode","body"}` carrying what the plain request would have answered.
 */
const corpusUpload: FastifyPluginAsyncTypebox = async (fastify) => {
  fastify.removeAllContentTypeParsers();
  fastify.addContentTypeParser('*', (_request, payload, done) => done(null, payload));
  await fastify.register(multipart);

  fastify.post(
    '/corpora',
    {
      schema: {
        querystring: UploadQuerySchema,
        response: {
          200: Type.Unknown({ description: 'NDJSON progress stream, when asked for with Accept' }),
          201: UploadResultSchema,
          400: ErrorBody,
          413: ErrorBody,
          422: UploadFailureSchema,
        },
      },
    },
    async (request, reply) => {
      const limit = fastify.config.uploadLimitBytes;
      const isMultipart = request.isMultipart();
      const declared = Number(request.headers['content-length'] ?? Number.NaN);
      if (declared > limit + (isMultipart ? MULTIPART_SLACK : 0)) {
        // Answered at once, from the headers; closing the connection spares reading the body.
        reply.header('connection', 'close');
        throw new UploadTooLargeError(limit);
      }
      const counter = { bytes: 0 };
      const { query } = request;
      const meta: UploadMeta = {
        ...(query.name !== undefined && { name: query.name }),
        ...(query.description !== undefined && { description: query.description }),
        ...(query.filename !== undefined && { filename: query.filename }),
        ...(query.skip_invalid !== undefined && { skipInvalid: query.skip_invalid }),
        ...(query.format !== undefined && { format: query.format }),
      };
      const report = new ImportReportBuilder();
      let files: UploadFiles | undefined;
      // Multipart file names are known only once the files are read: the corpus is named at commit.
      const fileName = () => (isMultipart ? (files?.names() ?? null) : (meta.filename ?? null));
      const wantsStream = request.headers.accept?.includes(NDJSON) === true;
      const stream = new PassThrough();
      const line = (value: unknown) => stream.write(`${JSON.stringify(value)}\n`);
      const totalBytes = Number.isFinite(declared) ? declared : null;
      const progress = (read: number, imported: number) =>
        line({ type: 'progress', read, imported, bytes: counter.bytes, totalBytes });
      const importRequest: ImportRequest = {
        // Read at commit, under the write lock: no other corpus can take the name meanwhile.
        get name() {
          return uniqueCorpusName(fastify.store, meta.name ?? fileName() ?? 'Uploaded events');
        },
        get origin() {
          return fileName();
        },
        // Multipart fields are read with the body, after this object is made.
        get description() {
          return meta.description ?? '';
        },
        get skipInvalid() {
          return meta.skipInvalid === true;
        },
        report,
        ...(wantsStream && {
          onProgress: (p: { read: number; imported: number }) => progress(p.read, p.imported),
        }),
      };

      const cancel = watchClient(request, reply.raw, fastify.config.uploadIdleTimeoutMs);
      const receiveAndImport = async (): Promise<ImportOutcome> => {
        const spool = await UploadSpool.create();
        // While the body arrives, the stream reports the bytes received so far.
        const ticker = wantsStream ? setInterval(() => progress(0, 0), PROGRESS_INTERVAL_MS) : undefined;
        try {
          files = isMultipart
            ? await multipartFiles(request, meta, limit, counter)
            : rawBodyFile(request.body, meta.filename ?? null, limit, counter);
          // Received in full before the import (and its write lock) starts: see UploadSpool.
          const received = await spool.receive(files.files);
          clearInterval(ticker);
          cancel.bodyReceived();
          // A chunk's records per step; cancellation is checked between them.
          const records = eventRecordBatches(listed(received), {
            ...(meta.format !== undefined && { format: meta.format }),
            maxInflatedBytes: limit * INFLATE_FACTOR,
            nameFiles: isMultipart,
            onInput: (input) => report.input(input),
          });
          return await importCorpus(fastify.store, untilAborted(records, cancel.signal), importRequest);
        } catch (error) {
          throw cancel.explain(error);
        } finally {
          clearInterval(ticker);
          cancel.dispose();
          await spool.dispose();
        }
      };

      if (!wantsStream) {
        const { statusCode, body: answer } = outcomeResponse(await receiveAndImport());
        return reply.code(statusCode).send(answer);
      }

      receiveAndImport().then(
        (outcome) => {
          const { statusCode, body: answer } = outcomeResponse(outcome);
          line({ type: 'result', statusCode, body: answer });
          stream.end();
        },
        (error: unknown) => {
          line({ type: 'result', ...errorResult(error, request) });
          stream.end();
        },
      );
      return reply.code(200).type(NDJSON).send(stream);
    },
  );
};

/** The result line of a progress stream whose import threw: client errors say why, the rest is hidden. */
function errorResult(error: unknown, request: FastifyRequest) {
  const status = (error as { statusCode?: unknown } | null)?.statusCode;
  if (typeof status === 'number' && status >= 400 && status < 500 && error instanceof Error) {
    const code = (error as { code?: unknown }).code;
    return {
      statusCode: status,
      body: {
        statusCode: status,
        error: status === 413 ? 'Payload Too Large' : 'Bad Request',
        ...(typeof code === 'string' && { code }),
        message: error.message,
      },
    };
  }
  request.log.error({ err: error }, 'import failed');
  return {
    statusCode: 500,
    body: { statusCode: 500, error: 'Internal Server Error', message: 'Internal Server Error' },
  };
}

interface UploadFiles {
  readonly files: AsyncIterable<SourceFile>;
  /** The names of the files read so far, for the corpus's origin. */
  readonly names: () => string | null;
}

function rawBodyFile(
  body: unknown,
  name: string | null,
  limit: number,
  counter: { bytes: number },
): UploadFiles {
  const source = isByteStream(body) ? body : emptyStream();
  return {
    files: (async function* () {
      yield { name, chunks: limitBytes(source, limit, counter) };
    })(),
    names: () => name,
  };
}

/**
 * The files of a multipart body, streamed one after the other. Fields that come before the
 * first file fill in `meta` (the query string wins); a field after a file is too late to apply
 * and is refused rather than ignored.
 */
async function multipartFiles(
  request: FastifyRequest,
  meta: UploadMeta,
  limit: number,
  counter: { bytes: number },
): Promise<UploadFiles> {
  const names: string[] = [];
  let parts: ReturnType<FastifyRequest['parts']>;
  let next: Awaited<ReturnType<typeof parts.next>>;
  try {
    parts = request.parts({ limits: { fileSize: limit + 1, files: MAX_FILES, parts: MAX_FILES + 20 } });
    next = await parts.next();
    while (!next.done && next.value.type === 'field') {
      applyField(meta, next.value.fieldname, next.value.value);
      next = await parts.next();
    }
  } catch (error) {
    throw asMultipartError(error);
  }
  const first = next;
  return {
    files: (async function* () {
      try {
        for (let part = first; !part.done; part = await parts.next()) {
          if (part.value.type === 'field') {
            throw new UploadFieldError(
              `form field "${part.value.fieldname}" comes after a file; send fields before the files`,
            );
          }
          const name = part.value.filename || part.value.fieldname;
          names.push(name);
          yield { name, chunks: multipartChunks(limitBytes(part.value.file, limit, counter)) };
        }
      } catch (error) {
        throw asMultipartError(error);
      }
    })(),
    names: () => (names.length === 0 ? (meta.filename ?? null) : names.join(', ').slice(0, 500)),
  };
}

/** A multipart body the parser cannot read (no or wrong boundary, cut short): the client's fault. */
class MultipartError extends Error {
  override readonly name = 'MultipartError';
  readonly statusCode = 400;
  readonly code = 'invalid_multipart';
}

/**
 * The parser's own errors (busboy's "Multipart: Boundary not found", "Unexpected end of
 * multipart data"…) carry no status and would answer 500: they become a 400 with the parser's
 * message. Errors that already have a status (limits: 413) and a client going away (which
 * `watchClient` explains) pass through.
 */
function asMultipartError(error: unknown): unknown {
  if (!(error instanceof Error)) return error;
  const { statusCode, code } = error as { statusCode?: unknown; code?: unknown };
  if (typeof statusCode === 'number' || code === 'ECONNRESET' || error.message === 'aborted') return error;
  return new MultipartError(`malformed multipart body: ${error.message}`);
}

/** A part's bytes, with the parser's errors met while reading them made 400s too. */
async function* multipartChunks(chunks: AsyncIterable<Uint8Array>): AsyncGenerator<Uint8Array> {
  try {
    yield* chunks;
  } catch (error) {
    throw asMultipartError(error);
  }
}

class UploadFieldError extends Error {
  override readonly name = 'UploadFieldError';
  readonly statusCode = 400;
  readonly code = 'invalid_parameter';
}

function applyField(meta: UploadMeta, name: string, value: unknown): void {
  const text = typeof value === 'string' ? value : String(value);
  const fail = (why: string) => {
    throw new UploadFieldError(`form field "${name}" ${why}`);
  };
  switch (name) {
    case 'name':
      if (text.length < 1 || text.length > 200) fail('must have 1 to 200 characters');
      meta.name ??= text;
      return;
    case 'description':
      if (text.length > 10_000) fail('must have at most 10000 characters');
      meta.description ??= text;
      return;
    case 'filename':
      meta.filename ??= text.slice(0, 500);
      return;
    case 'skip_invalid':
      if (text !== 'true' && text !== 'false') fail('must be true or false');
      meta.skipInvalid ??= text === 'true';
      return;
    case 'format':
      if (!(INPUT_FORMATS as readonly string[]).includes(text))
        fail(`must be one of ${INPUT_FORMATS.join(', ')}`);
      meta.format ??= text as InputFormat;
      return;
    default:
      fail('is not known (name, description, filename, skip_invalid, format)');
  }
}

/** `name`, or `name (2)`, `name (3)`, … when a corpus already has it: corpora are told apart by name in the UI. */
export function uniqueCorpusName(store: Store, name: string): string {
  const taken = new Set(store.corpora.list().map((c) => c.name));
  if (!taken.has(name)) return name;
  for (let n = 2; ; n++) {
    const suffix = ` (${n})`;
    const candidate = `${name.slice(0, 200 - suffix.length)}${suffix}`;
    if (!taken.has(candidate)) return candidate;
  }
}

async function* emptyStream(): AsyncGenerator<Uint8Array> {}

async function* listed<T>(items: readonly T[]): AsyncGenerator<T> {
  yield* items;
}

function isByteStream(value: unknown): value is AsyncIterable<Uint8Array | string> {
  return value !== null && typeof value === 'object' && Symbol.asyncIterator in value;
}

export default corpusUpload;
