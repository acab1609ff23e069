import type { Readable } from 'node:stream';

/** What a command may touch; tests pass buffers, `main.ts` passes the process's streams. */
export interface CliContext {
  readonly stdout: { write(text: string): unknown };
  readonly stderr: { write(text: string): unknown };
  readonly stdin: Readable;
  readonly cwd: string;
}

export const EXIT_OK = 0;
/** Bad input: a broken query, a malformed event, a rule with errors. */
export const EXIT_FAILURE = 1;
/** Bad command line. */
export const EXIT_USAGE = 2;
