import { PassThrough } from 'node:stream';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { corpusView } from '../corpora/corpus-view.js';
import { type ImportOutcome, importCorpus } from '../corpora/import-corpus.js';
import { ndjsonRecords } from '../corpora/source-records.js';
import { limitBytes, UploadTooLargeError } from '../corpora/upload-bytes.js';
import { ErrorBody } from '../schemas/common.js';
import { UploadFailureSchema, UploadQuerySchema, UploadResultSchema } from '../schemas/corpora.js';

const NDJSON = 'application/x-ndjson';

/** The status and body an import outcome is answered with. */
function outcomeResponse(outcome: ImportOutcome) {
  if (outcome.ok) {
    return { statusCode: 201, body: { corpus: corpusView(outcome.corpus), report: outcome.report } } as const;
  }
  const { rejected } = outcome.report;
  return {
    statusCode: 422,
    body: {
      statusCode: 422,
      error: 'Unprocessable Entity',
      code: outcome.reason,
      message:
        outcome.reason === 'no_events'
          ? 'the upload holds no events'
          : `${rejected} record${rejected === 1 ? '' : 's'} could not be imported, so nothing was stored; fix them, or upload again with skip_invalid=true to import the others`,
      report: outcome.report,
    },
  } as const;
}

/**
 * `POST /api/corpora`: the request body is the file itself (NDJSON, optionally gzipped), of any
 * content type, streamed into the store rather than buffered; name and options go in the query.
 *
 * With `Accept: application/x-ndjson` the answer is a stream instead (always status 200): lines
 * `{"type":"progress","read","imported","bytes","totalBytes"}` while importing, then one
 * `{"type":"result","statusCode","body"}` carrying what the plain request would have answered.
 */
const corpusUpload: FastifyPluginAsyncTypebox = async (fastify) => {
  fastify.removeAllContentTypeParsers();
  fastify.addContentTypeParser('*', (_request, payload, done) => done(null, payload));

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
      const declared = Number(request.headers['content-length'] ?? Number.NaN);
      if (declared > limit) throw new UploadTooLargeError(limit);
      const body = request.body as unknown;
      const counter = { bytes: 0 };
      const records = ndjsonRecords(limitBytes(isByteStream(body) ? body : emptyStream(), limit, counter));
      const fileName = request.query.filename ?? null;
      const importRequest = {
        name: request.query.name ?? fileName ?? 'Uploaded events',
        description: request.query.description ?? '',
        origin: fileName,
        skipInvalid: request.query.skip_invalid === true,
      };

      if (!request.headers.accept?.includes(NDJSON)) {
        const { statusCode, body: answer } = outcomeResponse(
          await importCorpus(fastify.store, records, importRequest),
        );
        return reply.code(statusCode).send(answer);
      }

      const stream = new PassThrough();
      const line = (value: unknown) => stream.write(`${JSON.stringify(value)}\n`);
      const totalBytes = Number.isFinite(declared) ? declared : null;
      importCorpus(fastify.store, records, {
        ...importRequest,
        onProgress: (progress) => line({ type: 'progress', ...progress, bytes: counter.bytes, totalBytes }),
      }).then(
        (outcome) => {
          const { statusCode, body: answer } = outcomeResponse(outcome);
          line({ type: 'result', statusCode, body: answer });
          stream.end();
        },
        (error: unknown) => {
          const known = error instanceof UploadTooLargeError;
          if (!known) request.log.error({ err: error }, 'import failed');
          const statusCode = known ? 413 : 500;
          const answer = known
            ? { statusCode, error: 'Payload Too Large', code: error.code, message: error.message }
            : { statusCode, error: 'Internal Server Error', message: 'Internal Server Error' };
          line({ type: 'result', statusCode, body: answer });
          stream.end();
        },
      );
      return reply.code(200).type(NDJSON).send(stream);
    },
  );
};

async function* emptyStream(): AsyncGenerator<Uint8Array> {}

function isByteStream(value: unknown): value is AsyncIterable<Uint8Array | string> {
  return value !== null && typeof value === 'object' && Symbol.asyncIterator in value;
}

export default corpusUpload;
