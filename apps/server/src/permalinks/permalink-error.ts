/** A refused permalink request; the app's error handler answers it with its status and code. */
export class PermalinkError extends Error {
  override readonly name = 'PermalinkError';
  readonly statusCode: number;
  readonly code: string;

  constructor(statusCode: number, code: string, message: string) {
    super(message);
    this.statusCode = statusCode;
    this.code = code;
  }
}

export function permalinkNotFound(id: string, version?: number): PermalinkError {
  return version === undefined
    ? new PermalinkError(404, 'permalink_not_found', `no permalink "${id}"`)
    : new PermalinkError(404, 'permalink_version_not_found', `permalink "${id}" has no version ${version}`);
}

export function permalinkTooLarge(size: number | null, limit: number): PermalinkError {
  const what = size === null ? 'the snapshot is larger than' : `the snapshot is ${size} bytes, over`;
  return new PermalinkError(
    413,
    'permalink_too_large',
    `${what} the ${limit}-byte limit for a permalink (PERMALINK_MAX_BYTES); share a smaller corpus selection or a shorter guide`,
  );
}
