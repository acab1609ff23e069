import type { SharedEvent } from './types.js';

export type PastedEvents =
  | { readonly ok: true; readonly events: readonly SharedEvent[] }
  | { readonly ok: false; readonly error: string };

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Search responses wrap documents: `_search` in `hits.hits`, `_eql/search` in `hits.events`. */
function documentsOf(value: unknown): unknown[] {
  if (Array.isArray(value)) return value;
  if (isRecord(value) && isRecord(value.hits)) {
    const hits = value.hits;
    if (Array.isArray(hits.hits)) return hits.hits;
    if (Array.isArray(hits.events)) return hits.events;
    if (Array.isArray(hits.sequences))
      return hits.sequences.flatMap((s) => (isRecord(s) && Array.isArray(s.events) ? s.events : []));
  }
  return [value];
}

/**
 * Events pasted into the share menu: NDJSON (one event per line), a JSON array, a single
 * event, or an Elasticsearch `_search` / `_eql/search` response. Documents with `_source`
 * keep their id; bare ECS documents are numbered from 1 in the order given.
 */
export function parsePastedEvents(text: string): PastedEvents {
  const trimmed = text.trim();
  if (trimmed === '') return { ok: true, events: [] };
  let documents: unknown[];
  try {
    documents = documentsOf(JSON.parse(trimmed));
  } catch {
    documents = [];
    const lines = trimmed.split(/\r?\n/);
    for (const [i, line] of lines.entries()) {
      if (line.trim() === '') continue;
      try {
        documents.push(JSON.parse(line));
      } catch {
        return {
          ok: false,
          error: `Line ${i + 1} is not JSON: paste NDJSON (one event per line) or a JSON array.`,
        };
      }
    }
  }
  const events: SharedEvent[] = [];
  for (const [i, doc] of documents.entries()) {
    if (!isRecord(doc)) return { ok: false, error: `Event ${i + 1} is not a JSON object.` };
    if (doc.missing === true) continue;
    if (isRecord(doc._source)) {
      events.push({
        _index: typeof doc._index === 'string' ? doc._index : 'pasted',
        _id: typeof doc._id === 'string' ? doc._id : String(i + 1),
        _source: doc._source,
      });
    } else {
      events.push({ _index: 'pasted', _id: String(i + 1), _source: doc });
    }
  }
  return { ok: true, events };
}
