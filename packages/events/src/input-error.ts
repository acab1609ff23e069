/**
 * The input as a whole cannot be read on (not a supported format, a truncated archive, a JSON
 * document cut short, a corrupt EVTX header): unlike a bad record, nothing after it can be
 * trusted. Callers tell it from their own bugs by this class.
 */
export class InputError extends Error {
  override readonly name = 'InputError';
  readonly code = 'unreadable_input';
  /** The zip member being read when it happened, if any. */
  readonly entry: string | undefined;

  constructor(message: string, entry?: string) {
    super(message);
    this.entry = entry;
  }
}

/** Rethrows anything as an InputError, keeping the message. */
export function asInputError(error: unknown, prefix = ''): InputError {
  if (error instanceof InputError) return error;
  const message = error instanceof Error ? error.message : String(error);
  return new InputError(`${prefix}${message}`);
}
