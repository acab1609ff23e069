/**
 * Scans a whole corpus for near misses off the main thread: streams the corpus as NDJSON,
 * tests every event, reports progress now and then, and posts the groups at the end. The page
 * stays responsive whatever the corpus size; terminating the worker cancels the scan.
 */

import type { EventHit } from '@rulebench/eql';
import { isEqlError } from '@rulebench/eql';
import { NdjsonLines } from './ndjson-lines.js';
import type { NearMissRequest, NearMissWorkerMessage } from './near-miss-protocol.js';
import { compileForNearMisses, NearMissCollector } from './near-misses.js';

const PROGRESS_EVERY = 5000;

interface WorkerScope {
  onmessage: ((event: MessageEvent<NearMissRequest>) => void) | null;
  postMessage(message: NearMissWorkerMessage): void;
}

const scope = self as unknown as WorkerScope;

async function scan(request: NearMissRequest): Promise<void> {
  const compiled = compileForNearMisses(request.query);
  if (compiled === null) {
    scope.postMessage({ type: 'done', result: { groups: [], scanned: 0, total: 0, unsupported: true } });
    return;
  }
  const collector = new NearMissCollector(compiled);
  const url = `${request.origin}/api/corpora/${encodeURIComponent(request.corpus)}/events.ndjson`;
  const response = await fetch(url, { headers: { accept: 'application/x-ndjson' } });
  if (!response.ok || !response.body) throw new Error(`${response.status} ${response.statusText}`);
  const total = Number(response.headers.get('x-total-count') ?? 0);
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  const lines = new NdjsonLines();
  let scanned = 0;
  const take = (line: string) => {
    const { _id, _source } = JSON.parse(line) as { _id: string; _source: EventHit['_source'] };
    collector.add({ _index: request.corpus, _id, _source });
    scanned++;
    if (scanned % PROGRESS_EVERY === 0) scope.postMessage({ type: 'progress', scanned, total });
  };
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    for (const line of lines.push(value)) {
      if (scanned >= request.limit) break;
      take(line);
    }
    if (scanned >= request.limit) {
      await reader.cancel();
      break;
    }
  }
  if (scanned < request.limit) for (const line of lines.flush()) take(line);
  scope.postMessage({
    type: 'done',
    result: { groups: collector.groups(), scanned, total: Math.max(total, scanned), unsupported: false },
  });
}

scope.onmessage = (event) => {
  scan(event.data).catch((error: unknown) => {
    const message = isEqlError(error)
      ? `${error.line}:${error.column} ${error.message}`
      : error instanceof Error
        ? error.message
        : String(error);
    scope.postMessage({ type: 'error', message });
  });
};
