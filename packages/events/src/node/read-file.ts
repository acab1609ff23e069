import { type EventResult, type ReadEventsOptions, readEvents } from '../read-events.js';
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
