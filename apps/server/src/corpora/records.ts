import { describeJsonKind } from '@rulebench/events';
import { parseTimestamp, timestampProblem } from './timestamp.js';

/** A record ready to store: its JSON text and `@timestamp` in epoch millis. */
export interface AcceptedRecord {
  readonly ok: true;
  readonly doc: string;
  readonly ts: number | null;
}

export interface RejectedRecord {
  readonly ok: false;
  readonly reason: string;
}

export const TIMESTAMP_FIELD = '@timestamp';

/**
 * Checks one parsed JSON value and turns it into a stored document. `text`, the JSON text the
 * value was parsed from, is stored as it is when given (an input document kept as is, as
 * Elasticsearch keeps `_source`); otherwise the value is serialised.
 */
export function acceptRecord(value: unknown, text?: string): AcceptedRecord | RejectedRecord {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return { ok: false, reason: `expected a JSON object, found ${describeJsonKind(value)}` };
  }
  const raw = (value as Record<string, unknown>)[TIMESTAMP_FIELD];
  let ts: number | null = null;
  if (raw !== undefined && raw !== null) {
    const parsed = parseTimestamp(raw);
    if (parsed === undefined) {
      return { ok: false, reason: timestampProblem(TIMESTAMP_FIELD, raw, text) };
    }
    ts = parsed;
  }
  return { ok: true, doc: text ?? JSON.stringify(value), ts };
}
