/**
 * The state of one corpus upload, fed by the browser's upload events and the server's NDJSON
 * progress stream. Pure: the XHR plumbing lives in `api/upload-corpus.ts`.
 */
import type { Corpus, ImportReport } from './types.js';

export type UploadFailureCode = 'invalid_records' | 'no_events' | 'unreadable_input' | (string & {});

export type UploadState =
  | { readonly phase: 'idle' }
  | {
      readonly phase: 'uploading';
      /** Bytes the browser has sent, and the body's size when known. */
      readonly sentBytes: number;
      readonly totalBytes: number | null;
      /** What the server has imported so far (its progress lines). */
      readonly read: number;
      readonly imported: number;
      readonly serverBytes: number;
    }
  | { readonly phase: 'done'; readonly corpus: Corpus; readonly report: ImportReport }
  | {
      readonly phase: 'rejected';
      readonly code: UploadFailureCode;
      readonly message: string;
      /** Present when the server read the upload (422); absent for 400/413/5xx. */
      readonly report?: ImportReport;
    }
  | { readonly phase: 'cancelled' };

export type UploadingState = Extract<UploadState, { phase: 'uploading' }>;

export const UPLOAD_STARTED: UploadingState = {
  phase: 'uploading',
  sentBytes: 0,
  totalBytes: null,
  read: 0,
  imported: 0,
  serverBytes: 0,
};

export type StreamMessage =
  | {
      readonly type: 'progress';
      readonly read: number;
      readonly imported: number;
      readonly bytes: number;
      readonly totalBytes: number | null;
    }
  | { readonly type: 'result'; readonly statusCode: number; readonly body: unknown };

/** Splits a growing text into complete lines, keeping the unfinished tail for the next push. */
export function createLineSplitter() {
  let pending = '';
  return {
    push(text: string): string[] {
      pending += text;
      const parts = pending.split('\n');
      pending = parts.pop() ?? '';
      return parts.filter((line) => line.trim() !== '');
    },
    flush(): string[] {
      const rest = pending.trim();
      pending = '';
      return rest === '' ? [] : [rest];
    },
  };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function count(value: unknown): number {
  return typeof value === 'number' && Number.isFinite(value) ? value : 0;
}

/** One line of the server's progress stream; `null` for anything it does not recognise. */
export function parseStreamLine(line: string): StreamMessage | null {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    return null;
  }
  if (!isRecord(value)) return null;
  if (value.type === 'progress') {
    return {
      type: 'progress',
      read: count(value.read),
      imported: count(value.imported),
      bytes: count(value.bytes),
      totalBytes: typeof value.totalBytes === 'number' ? value.totalBytes : null,
    };
  }
  if (value.type === 'result' && typeof value.statusCode === 'number') {
    return { type: 'result', statusCode: value.statusCode, body: value.body };
  }
  return null;
}

function isReport(value: unknown): value is ImportReport {
  return isRecord(value) && typeof value.read === 'number' && Array.isArray(value.errors);
}

/** The final state for the server's answer (the `result` line, or a plain response). */
export function outcomeFromResult(statusCode: number, body: unknown): UploadState {
  if (
    statusCode >= 200 &&
    statusCode < 300 &&
    isRecord(body) &&
    isRecord(body.corpus) &&
    isReport(body.report)
  ) {
    return { phase: 'done', corpus: body.corpus as unknown as Corpus, report: body.report };
  }
  const record = isRecord(body) ? body : {};
  const message =
    typeof record.message === 'string' && record.message !== ''
      ? record.message
      : typeof body === 'string' && body !== ''
        ? body
        : `the server answered ${statusCode}`;
  const code =
    typeof record.code === 'string'
      ? record.code
      : statusCode === 413
        ? 'upload_too_large'
        : `http_${statusCode}`;
  return isReport(record.report)
    ? { phase: 'rejected', code, message, report: record.report }
    : { phase: 'rejected', code, message };
}

/** Folds one progress line into the running state. */
export function applyProgress(state: UploadingState, message: Extract<StreamMessage, { type: 'progress' }>) {
  return {
    ...state,
    read: message.read,
    imported: message.imported,
    serverBytes: message.bytes,
    totalBytes: state.totalBytes ?? message.totalBytes,
  } satisfies UploadingState;
}

/**
 * How far along the upload is, 0–1, or `null` when that cannot be known (no size). The server's
 * count of bytes imported is the truer measure; bytes sent stand in until it reports.
 */
export function progressFraction(state: UploadingState): number | null {
  if (state.totalBytes === null || state.totalBytes <= 0) return null;
  const done = state.serverBytes > 0 ? state.serverBytes : state.sentBytes;
  return Math.min(1, Math.max(0, done / state.totalBytes));
}
