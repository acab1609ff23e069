import { type EventResult, type ReadEventsOptions, readEvents } from '../read-events.js';
import { readEvtxBytes } from './evtx.js';
import { readFileChunks } from './files.js';

/** readEvents over a file, with EVTX support wired in. */
export function readEventsFromFile(
  path: string,
  options: ReadEventsOptions = {},
): AsyncGenerator<EventResult> {
  return readEvents(readFileChunks(path), { evtx: readEvtxBytes, ...options });
}

/** readEvents over any byte stream, with EVTX support wired in. */
export function readEventsNode(
  chunks: Parameters<typeof readEvents>[0],
  options: ReadEventsOptions = {},
): AsyncGenerator<EventResult> {
  return readEvents(chunks, { evtx: readEvtxBytes, ...options });
}
