import { createReadStream, createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { SourceFile } from '../corpora/source-records.js';

/** Spooled files are read back in large chunks, as a fast client would have sent them. */
const READ_CHUNK = 1 << 20;

/**
 * Uploads are received into temporary files first, and imported only once the whole body has
 * arrived. The import holds the store's write lock (one SQLite writer at a time), so it must
 * never wait on a client: a client that stalls half way through its upload would otherwise
 * hold up every other write (permalinks, rule imports, deletes) for as long as it liked.
 */
export class UploadSpool {
  readonly #dir: string;
  #count = 0;

  private constructor(dir: string) {
    this.#dir = dir;
  }

  static async create(): Promise<UploadSpool> {
    return new UploadSpool(await mkdtemp(join(tmpdir(), 'rulebench-upload-')));
  }

  /** Writes every file to disk, in order; throws what the body's stream threw (limit, disconnect). */
  async receive(files: AsyncIterable<SourceFile>): Promise<SourceFile[]> {
    const spooled: { name: string | null; path: string }[] = [];
    for await (const file of files) {
      const path = join(this.#dir, String(this.#count++));
      await pipeline(file.chunks, createWriteStream(path));
      spooled.push({ name: file.name, path });
    }
    return spooled.map(({ name, path }) => ({
      name,
      chunks: createReadStream(path, { highWaterMark: READ_CHUNK }),
    }));
  }

  /** Removes the files; never throws. */
  async dispose(): Promise<void> {
    await rm(this.#dir, { recursive: true, force: true }).catch(() => undefined);
  }
}

/** The client went away before its upload was imported: nothing is stored, nobody to answer. */
export class ClientClosedError extends Error {
  override readonly name = 'ClientClosedError';
  /** nginx's "client closed request": logged as a client event, not a server failure. */
  readonly statusCode = 499;
  readonly code = 'client_closed_request';

  constructor() {
    super('the client closed the connection before the upload was imported; nothing was stored');
  }
}

/** The client sent nothing for too long in the middle of its upload. */
export class UploadStalledError extends Error {
  override readonly name = 'UploadStalledError';
  readonly statusCode = 408;
  readonly code = 'upload_stalled';

  constructor(idleMs: number) {
    super(`the upload sent no data for ${Math.round(idleMs / 1000)} s and was cancelled; nothing was stored`);
  }
}

/**
 * Passes `source` through, throwing ClientClosedError at the next item once `signal` is aborted
 * (items may be batches: a chunk's records).
 */
export async function* untilAborted<T>(source: AsyncIterable<T>, signal: AbortSignal): AsyncGenerator<T> {
  for await (const item of source) {
    if (signal.aborted) throw new ClientClosedError();
    yield item;
  }
}
