import { queryOptions, useQuery } from '@tanstack/react-query';
import { useCallback, useState } from 'react';
import type { NearMissProgress, NearMissResult, NearMissWorkerMessage } from '../near-miss-protocol.js';

export type { NearMissProgress, NearMissResult } from '../near-miss-protocol.js';

/** Beyond this many events the scan stops and says so. */
export const NEAR_MISS_SCAN_LIMIT = 1_000_000;

/**
 * Scans the corpus in a Web Worker (it streams `GET /api/corpora/:id/events.ndjson` and tests
 * each event), so even a 100,000-event corpus never blocks the page. Aborting terminates it.
 */
export function scanNearMisses(
  corpus: string,
  query: string,
  signal?: AbortSignal,
  onProgress?: (progress: NearMissProgress) => void,
): Promise<NearMissResult> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('../near-miss.worker.ts', import.meta.url), { type: 'module' });
    const stop = () => {
      worker.terminate();
      reject(signal?.reason ?? new DOMException('Aborted', 'AbortError'));
    };
    if (signal?.aborted) return stop();
    signal?.addEventListener('abort', stop, { once: true });
    const finish = () => {
      signal?.removeEventListener('abort', stop);
      worker.terminate();
    };
    worker.onmessage = (event: MessageEvent<NearMissWorkerMessage>) => {
      const message = event.data;
      if (message.type === 'progress') onProgress?.(message);
      else if (message.type === 'done') {
        finish();
        resolve(message.result);
      } else {
        finish();
        reject(new Error(message.message));
      }
    };
    worker.onerror = (event) => {
      finish();
      reject(new Error(event.message || 'The near-miss scan failed'));
    };
    worker.postMessage({ origin: window.location.origin, corpus, query, limit: NEAR_MISS_SCAN_LIMIT });
  });
}

export const nearMissKeys = {
  all: ['near-misses'] as const,
  scan: (corpus: string, query: string) => [...nearMissKeys.all, corpus, query] as const,
};

export function nearMissesQueryOptions(
  corpus: string,
  query: string,
  onProgress?: (progress: NearMissProgress) => void,
) {
  return queryOptions({
    queryKey: nearMissKeys.scan(corpus, query),
    queryFn: ({ signal }) => scanNearMisses(corpus, query, signal, onProgress),
    staleTime: 5 * 60_000,
    retry: false,
  });
}

/** The scan's result, and while it runs, how far it got. */
export function useNearMisses(corpus: string | undefined, query: string, enabled: boolean) {
  const key = `${corpus}\u0000${query}`;
  const [progress, setProgress] = useState<{ key: string; value: NearMissProgress } | null>(null);
  const onProgress = useCallback((value: NearMissProgress) => setProgress({ key, value }), [key]);
  const result = useQuery({
    ...nearMissesQueryOptions(corpus ?? '', query, onProgress),
    enabled: enabled && corpus !== undefined,
  });
  return { ...result, progress: progress?.key === key ? progress.value : null };
}
