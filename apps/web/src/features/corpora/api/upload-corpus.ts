import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState } from 'react';
import {
  applyProgress,
  createLineSplitter,
  outcomeFromResult,
  parseStreamLine,
  UPLOAD_STARTED,
  type UploadingState,
  type UploadState,
} from '../upload-progress.js';
import { corpusKeys } from './get-corpora.js';

export interface UploadOptions {
  readonly name: string;
  /** Import the good records and report the bad ones (otherwise one bad record stores nothing). */
  readonly skipInvalid: boolean;
}

/**
 * `POST /api/corpora` as multipart (one or several files, one corpus) with the progress stream.
 * XHR rather than fetch: only it reports bytes sent, and its `progress` event hands over the
 * server's NDJSON lines as they arrive. Resolves with the final state; never rejects.
 */
export function uploadCorpus(
  files: readonly File[],
  options: UploadOptions,
  onState: (state: UploadingState) => void,
  signal?: AbortSignal,
): Promise<UploadState> {
  return new Promise((resolve) => {
    const params = new URLSearchParams({ skip_invalid: String(options.skipInvalid) });
    if (options.name.trim() !== '') params.set('name', options.name.trim());
    const form = new FormData();
    for (const file of files) form.append('file', file, file.name);

    const xhr = new XMLHttpRequest();
    const lines = createLineSplitter();
    let seen = 0;
    let state: UploadingState = UPLOAD_STARTED;
    let outcome: UploadState | null = null;
    const emit = (next: UploadingState) => {
      state = next;
      onState(state);
    };
    const consume = (batch: readonly string[]) => {
      for (const line of batch) {
        const message = parseStreamLine(line);
        if (message?.type === 'progress') emit(applyProgress(state, message));
        else if (message?.type === 'result') outcome = outcomeFromResult(message.statusCode, message.body);
      }
    };
    const readNew = () => {
      const text = xhr.responseText;
      consume(lines.push(text.slice(seen)));
      seen = text.length;
    };

    xhr.open('POST', `/api/corpora?${params}`);
    xhr.setRequestHeader('accept', 'application/x-ndjson, application/json');
    xhr.upload.onprogress = (e) =>
      emit({ ...state, sentBytes: e.loaded, totalBytes: e.lengthComputable ? e.total : state.totalBytes });
    xhr.onprogress = readNew;
    xhr.onload = () => {
      if (xhr.status !== 200 || !(xhr.getResponseHeader('content-type') ?? '').includes('ndjson')) {
        // Refused before streaming began (e.g. 413 from the declared size): a plain JSON answer.
        let body: unknown = xhr.responseText;
        try {
          body = JSON.parse(xhr.responseText);
        } catch {}
        resolve(outcomeFromResult(xhr.status, body));
        return;
      }
      readNew();
      consume(lines.flush());
      resolve(
        outcome ?? {
          phase: 'rejected',
          code: 'stream_ended',
          message: 'the server ended the import without a result; try again',
        },
      );
    };
    xhr.onerror = () =>
      resolve({ phase: 'rejected', code: 'network', message: 'the connection to the server failed' });
    xhr.onabort = () => resolve({ phase: 'cancelled' });
    signal?.addEventListener('abort', () => xhr.abort(), { once: true });
    emit(state);
    xhr.send(form);
  });
}

/** An upload's state for a component, with start/cancel/reset; refreshes the corpus list after. */
export function useCorpusUpload() {
  const client = useQueryClient();
  const [state, setState] = useState<UploadState>({ phase: 'idle' });
  const controller = useRef<AbortController | null>(null);
  // Only the latest upload may change the state: a cancelled one still resolves later.
  const runs = useRef(0);

  useEffect(() => () => controller.current?.abort(), []);

  const start = useCallback(
    async (files: readonly File[], options: UploadOptions): Promise<UploadState> => {
      controller.current?.abort();
      const run = ++runs.current;
      const abort = new AbortController();
      controller.current = abort;
      const onState = (next: UploadState) => {
        if (runs.current === run) setState(next);
      };
      const final = await uploadCorpus(files, options, onState, abort.signal);
      if (final.phase === 'done') await client.invalidateQueries({ queryKey: corpusKeys.all });
      onState(final);
      return final;
    },
    [client],
  );
  const cancel = useCallback(() => controller.current?.abort(), []);
  const reset = useCallback(() => {
    runs.current += 1;
    controller.current?.abort();
    setState({ phase: 'idle' });
  }, []);
  return { state, start, cancel, reset };
}
