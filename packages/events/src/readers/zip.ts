import { Unzip, UnzipInflate } from 'fflate';
import { InputError } from '../input-error.js';
import type { ByteChunks } from './text-lines.js';
import { Crc32, checkMemberCrcs, StreamTail } from './zip-directory.js';

/** One member of a zip archive, its bytes streamed in order. */
export interface ZipEntry {
  readonly name: string;
  readonly chunks: AsyncIterable<Uint8Array>;
}

interface Piece {
  readonly index: number;
  readonly name: string;
  readonly data: Uint8Array;
  readonly final: boolean;
}

const EMPTY = new Uint8Array(0);

/**
 * Bytes handed to fflate per push. `Unzip.push` recurses once per member header it finds in
 * what it is given, so one large chunk of tiny members (20,000 in 4 MB) overflowed the stack;
 * a few KiB hold at most a few hundred headers.
 */
const PUSH_BYTES = 8 * 1024;

/** Inflates a zip byte stream member by member; fflate decodes synchronously inside push(). */
async function* unzipPieces(chunks: ByteChunks): AsyncGenerator<Piece> {
  const ready: Piece[] = [];
  let failure: Error | undefined;
  let count = 0;
  const open = new Set<number>();
  let head: Uint8Array = EMPTY;
  const unzip = new Unzip();
  const tail = new StreamTail();
  const members: Array<{ readonly name: string; crc: number }> = [];
  unzip.register(UnzipInflate);
  unzip.onfile = (file) => {
    if (file.name.endsWith('/')) return; // a directory entry has no data
    const index = count++;
    open.add(index);
    const crc = new Crc32();
    const member = { name: file.name, crc: 0 };
    members.push(member);
    file.ondata = (error, data, final) => {
      if (error) failure = error;
      else {
        crc.update(data);
        if (final) {
          open.delete(index);
          member.crc = crc.value;
        }
        ready.push({ index, name: file.name, data, final });
      }
    };
    file.start();
  };
  const drain = function* (): Generator<Piece> {
    if (failure) throw new InputError(`zip: ${failure.message}`);
    while (ready.length > 0) yield ready.shift() as Piece;
  };
  for await (const chunk of chunks) {
    // fflate skips bytes it does not recognise, so check the local file header signature first.
    if (head.length < 4) {
      head = concat(head, chunk.subarray(0, 4 - head.length));
      if (head.length === 4 && !isZipSignature(head)) throw new InputError('zip: not a zip archive');
    }
    tail.push(chunk);
    for (let at = 0; at < chunk.length; at += PUSH_BYTES) {
      push(unzip, chunk.subarray(at, at + PUSH_BYTES), false);
      yield* drain();
    }
  }
  if (head.length < 4) throw new InputError('zip: not a zip archive');
  push(unzip, EMPTY, true);
  yield* drain();
  if (open.size > 0) throw new InputError('zip: archive is truncated');
  checkMemberCrcs(members, tail);
}

function push(unzip: Unzip, chunk: Uint8Array, final: boolean): void {
  try {
    unzip.push(chunk, final);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new InputError(`zip: archive is truncated or corrupt (${reason})`);
  }
}

function isZipSignature(bytes: Uint8Array): boolean {
  return bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a, 0);
  out.set(b, a.length);
  return out;
}

/**
 * Streams the members of a zip archive. Each member must be consumed (or skipped) before
 * the next is requested, as the archive is read once, front to back.
 */
export async function* readZipEntries(chunks: ByteChunks): AsyncGenerator<ZipEntry> {
  const pieces = unzipPieces(chunks)[Symbol.asyncIterator]();
  let head = await pieces.next();
  while (!head.done) {
    const index = head.value.index;
    let finished = false;
    const body = async function* (): AsyncGenerator<Uint8Array> {
      while (!head.done && head.value.index === index) {
        const piece = head.value;
        head = await pieces.next();
        if (piece.data.length > 0) yield piece.data;
        if (piece.final) break;
      }
      finished = true;
    };
    yield { name: head.value.name, chunks: body() };
    if (!finished) for await (const _ of body()) void _;
  }
}
