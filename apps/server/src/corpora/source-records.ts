import { type ByteChunks, gunzipChunks, readJsonLines } from '@rulebench/events';

/** One record from an input, numbered by its line, or why it is unreadable. */
export type SourceRecord =
  | { readonly position: number; readonly value: unknown }
  | { readonly position: number; readonly error: string };

const GZIP_MAGIC = [0x1f, 0x8b] as const;

/** Passes the bytes through, gunzipping them when they start with the gzip magic number. */
async function* maybeGunzip(bytes: ByteChunks): AsyncGenerator<Uint8Array> {
  const iterator = (
    Symbol.asyncIterator in bytes ? bytes[Symbol.asyncIterator]() : bytes[Symbol.iterator]()
  ) as AsyncIterator<Uint8Array> | Iterator<Uint8Array>;
  let first = await iterator.next();
  while (!first.done && first.value.length === 0) first = await iterator.next();
  if (first.done) return;
  const head = first.value;
  async function* rest(): AsyncGenerator<Uint8Array> {
    yield head;
    for (let next = await iterator.next(); !next.done; next = await iterator.next()) yield next.value;
  }
  if (head[0] === GZIP_MAGIC[0] && head[1] === GZIP_MAGIC[1]) yield* gunzipChunks(rest());
  else yield* rest();
}

/** NDJSON bytes (plain or gzipped) → records; a line that is not JSON becomes an error at its line. */
export async function* ndjsonRecords(bytes: ByteChunks): AsyncGenerator<SourceRecord> {
  for await (const item of readJsonLines(maybeGunzip(bytes))) {
    if (item.kind === 'record') yield { position: item.line, value: item.value };
    else yield { position: item.line, error: `invalid JSON: ${item.message}` };
  }
}
