import { type EventResult, type ReadEventsOptions, readEventBatches, readEvents } from '../read-events.js';
import type { ByteChunks } from '../readers/text-lines.js';
import { readEvtxStream } from './evtx.js';
import { readFileChunks } from './files.js';

/** readEvents over a file, with EVTX support wired in. */
export function readEventsFromFile(
  path: string,
  options: ReadEventsOptions = {},
): AsyncGenerator<EventResult> {
  return readEvents(readFileChunks(path), { evtx: readEvtxStream, ...options });
}

/** readEvents over any byte stream, with EVTX support wired in. */
export function readEventsNode(
  chunks: ByteChunks,
  options: ReadEventsOptions = {},
): AsyncGenerator<EventResult> {
  return readEvents(chunks, { evtx: readEvtxStream, ...options });
}

/** readEventBatches (a chunk's records per step, for hot loops) over any byte stream, with EVTX support. */
export function readEventBatchesNode(
  chunks: ByteChunks,
  options: ReadEventsOptions = {},
): AsyncGenerator<EventResult[]> {
  return readEventBatches(chunks, { evtx: readEvtxStream, ...options });
}
