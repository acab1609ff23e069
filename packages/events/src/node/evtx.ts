import { readFileSync } from 'node:fs';
import { EvtxFile } from '@ts-evtx/core';

/**
 * EVTX decoding through @ts-evtx/core, used as its author recommends (records() + renderXml();
 * its high-level evtx() helper returns wrong event ids). Node only: the library imports fs.
 */

export type EvtxRecordResult =
  | { readonly kind: 'record'; readonly index: number; readonly xml: string }
  | { readonly kind: 'error'; readonly index: number; readonly message: string };

/** The library's own types do not resolve under NodeNext; this is the part we use. */
interface EvtxRecord {
  renderXml(): string;
}
interface EvtxFileLike {
  records(): Iterable<EvtxRecord>;
}
type EvtxFileConstructor = new (buffer: Buffer) => EvtxFileLike;

/** Decodes every record of an EVTX file held in memory, in file order; a bad record is reported, not dropped. */
export function* readEvtxBytes(bytes: Uint8Array): Generator<EvtxRecordResult> {
  // EvtxFile only offers path-based factories; its constructor takes the file's bytes.
  const file = new (EvtxFile as unknown as EvtxFileConstructor)(
    Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength),
  );
  let index = 0;
  const records = file.records()[Symbol.iterator]();
  for (;;) {
    index++;
    let next: IteratorResult<EvtxRecord>;
    try {
      next = records.next();
    } catch (error) {
      yield { kind: 'error', index, message: error instanceof Error ? error.message : String(error) };
      return;
    }
    if (next.done) return;
    try {
      yield { kind: 'record', index, xml: next.value.renderXml() };
    } catch (error) {
      yield { kind: 'error', index, message: error instanceof Error ? error.message : String(error) };
    }
  }
}

export function readEvtxFile(path: string): Generator<EvtxRecordResult> {
  return readEvtxBytes(readFileSync(path));
}
