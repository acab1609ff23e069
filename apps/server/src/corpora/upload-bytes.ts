/** The upload is larger than the configured limit. */
export class UploadTooLargeError extends Error {
  override readonly name = 'UploadTooLargeError';
  readonly statusCode = 413;
  readonly code = 'upload_too_large';

  constructor(limit: number) {
    super(`the upload is larger than the limit of ${limit} bytes (set UPLOAD_LIMIT_MB to change it)`);
  }
}

/** Passes chunks through, counting them in `counter`, failing once more than `limit` bytes arrived. */
export async function* limitBytes(
  source: AsyncIterable<Uint8Array | string>,
  limit: number,
  counter: { bytes: number } = { bytes: 0 },
): AsyncGenerator<Uint8Array> {
  for await (const chunk of source) {
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    counter.bytes += bytes.length;
    if (counter.bytes > limit) throw new UploadTooLargeError(limit);
    yield bytes;
  }
}
