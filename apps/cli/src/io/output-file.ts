import {
  closeSync,
  createWriteStream,
  openSync,
  renameSync,
  rmSync,
  statSync,
  type WriteStream,
} from 'node:fs';
import { basename, dirname, join } from 'node:path';

/** An output that cannot be written, said in one line (`--out PATH: reason`), never a stack trace. */
export class OutputError extends Error {
  constructor(
    readonly path: string,
    reason: string,
  ) {
    super(`${path}: ${reason}`);
  }
}

/** Where a command's output goes: written as it comes, then committed or abandoned. */
export interface Sink {
  write(text: string): Promise<void>;
  commit(): Promise<void>;
  abort(): Promise<void>;
}

/**
 * Writes beside the target and renames on success, so a failed run never leaves half a file.
 * Problems with the target (no such directory, a directory, no permission, a read-only place)
 * surface here, before any input is read, as an `OutputError`. A target that exists and is not
 * a regular file (a FIFO, `/dev/null`) is written directly, since renaming over it would
 * replace it.
 */
export function fileSink(path: string): Sink {
  const kind = targetKind(path);
  if (kind === 'directory') throw new OutputError(path, 'is a directory');
  const temp = kind === 'special' ? path : join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
  let fd: number;
  try {
    fd = openSync(temp, kind === 'special' ? 'a' : 'w');
  } catch (error) {
    throw new OutputError(path, reasonFor(error, kind === 'special' ? path : dirname(path)));
  }
  const stream: WriteStream = createWriteStream('', { fd });
  let failure: unknown;
  stream.on('error', (error) => {
    failure ??= error;
  });
  const removeTemp = () => {
    if (kind !== 'special') rmSync(temp, { force: true });
  };
  const close = () =>
    new Promise<void>((resolve) => {
      if (stream.closed || stream.destroyed) resolve();
      else stream.end(() => resolve());
    });
  const check = () => {
    if (failure !== undefined) throw new OutputError(path, reasonFor(failure, path));
  };
  let settled = false;
  return {
    write: async (text) => {
      check();
      await writeWithBackpressure(stream, text).catch((error: unknown) => {
        failure ??= error;
      });
      check();
    },
    commit: async () => {
      settled = true;
      await close();
      try {
        check();
        if (kind !== 'special') renameSync(temp, path);
      } catch (error) {
        removeTemp();
        throw error instanceof OutputError ? error : new OutputError(path, reasonFor(error, path));
      }
    },
    abort: async () => {
      if (settled) return;
      settled = true;
      await close();
      if (!stream.closed) {
        try {
          closeSync(fd);
        } catch {
          // Already closed by the stream.
        }
      }
      removeTemp();
    },
  };
}

function exists(path: string): boolean {
  try {
    statSync(path);
    return true;
  } catch {
    return false;
  }
}

function targetKind(path: string): 'missing' | 'file' | 'directory' | 'special' {
  try {
    const stats = statSync(path);
    if (stats.isDirectory()) return 'directory';
    return stats.isFile() ? 'file' : 'special';
  } catch {
    return 'missing';
  }
}

/** A file-system error in words (the code's meaning), without Node's call details. */
function reasonFor(error: unknown, where: string): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'ENOENT':
    case 'ENOTDIR':
      return exists(where) ? `cannot create a file in ${where}` : `no such directory: ${where}`;
    case 'EACCES':
    case 'EPERM':
      return `permission denied (${where})`;
    case 'EISDIR':
      return 'is a directory';
    case 'EROFS':
      return `read-only file system (${where})`;
    case 'ENOSPC':
      return 'no space left on the device';
    case 'EEXIST':
      return `a temporary file is in the way in ${where}`;
    default:
      return error instanceof Error ? error.message : String(error);
  }
}

function writeWithBackpressure(stream: WriteStream, text: string): Promise<void> {
  if (stream.write(text)) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const onError = (error: Error) => reject(error);
    stream.once('error', onError);
    stream.once('drain', () => {
      stream.off('error', onError);
      resolve();
    });
  });
}
