/** The upload is larger than the configured limit. */
export class UploadTooLargeError extends Error {
  override readonly name = 'UploadTooLargeError';
  readonly statusCode = 413;
  readonly code = 'upload_too_large';

  constructor(limit: number) {
    super(`the upload is larger than the limit of ${formatBytes(limit)} (set UPLOAD_LIMIT_MB to change it)`);
  }
}

/** `256 MB`, `64 KB` or `1000 bytes`: the unit the limit is a whole number of. */
export function formatBytes(bytes: number): string {
  const MB = 1024 * 1024;
  if (bytes >= MB && bytes % MB === 0) return `${bytes / MB} MB`;
  if (bytes >= 1024 && bytes % 1024 === 0) return `${bytes / 1024} KB`;
  return `${bytes} bytes`;
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
