import { DEFAULT_MAX_TEXT_LENGTH, ruleShapeProblem } from '@rulebench/rules';
import { fromBase64Url, toBase64Url } from './base64url.js';
import type { FragmentState, SharedEvent } from './types.js';

/** A fragment that cannot be read back into a state; the message says why, for the page. */
export class FragmentError extends Error {
  override readonly name = 'FragmentError';
}

/** Inflated payloads larger than this are refused: a link must not be able to exhaust memory. */
export const MAX_INFLATED_BYTES = 16 * 1024 * 1024;

type ByteTransform = ReadableWritablePair<Uint8Array<ArrayBuffer>, BufferSource>;

async function pipeBytes(bytes: Uint8Array, transform: ByteTransform, limit: number): Promise<Uint8Array> {
  const reader = new Blob([bytes as Uint8Array<ArrayBuffer>]).stream().pipeThrough(transform).getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.length;
    if (total > limit) {
      await reader.cancel();
      throw new FragmentError(`the link expands to more than ${limit} bytes; it is not a Rulebench link`);
    }
    chunks.push(value);
  }
  const out = new Uint8Array(total);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
}

/** The state as `#s=` text: JSON, deflate-raw compressed, base64url. */
export async function encodeFragment(state: FragmentState): Promise<string> {
  const json = new TextEncoder().encode(JSON.stringify(state));
  const compressed = await pipeBytes(json, new CompressionStream('deflate-raw'), Number.POSITIVE_INFINITY);
  return toBase64Url(compressed);
}

/** Reads `#s=` text back; throws FragmentError with a message fit for the page. */
export async function decodeFragment(payload: string): Promise<FragmentState> {
  let bytes: Uint8Array;
  try {
    bytes = fromBase64Url(payload);
  } catch {
    throw new FragmentError('the link is damaged: its state is not base64url text (was it cut short?)');
  }
  let text: string;
  try {
    const inflated = await pipeBytes(bytes, new DecompressionStream('deflate-raw'), MAX_INFLATED_BYTES);
    text = new TextDecoder('utf-8', { fatal: true }).decode(inflated);
  } catch (error) {
    if (error instanceof FragmentError) throw error;
    throw new FragmentError('the link is damaged: its state does not decompress (was it cut short?)');
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new FragmentError('the link is damaged: its state is not JSON');
  }
  return checkFragmentState(value);
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function checkEvent(value: unknown, i: number): SharedEvent {
  if (
    !isRecord(value) ||
    typeof value._id !== 'string' ||
    typeof value._index !== 'string' ||
    !isRecord(value._source)
  )
    throw new FragmentError(`event ${i + 1} of the link is not an {_index, _id, _source} event`);
  return { _index: value._index, _id: value._id, _source: value._source };
}

/** Checks the shape a page relies on; the rest (rule fields, options) is used defensively. */
export function checkFragmentState(value: unknown): FragmentState {
  if (!isRecord(value)) throw new FragmentError('the link state is not an object');
  if (value.v !== 1)
    throw new FragmentError(`the link was made by a newer Rulebench (state version ${String(value.v)})`);
  if (!isRecord(value.rule)) throw new FragmentError('the link state has no rule');
  // The rule's known fields must have their types (a `name` object or `tags` string would
  // break every panel showing the rule), and nothing in it may nest without end.
  const problem = ruleShapeProblem(value.rule, DEFAULT_MAX_TEXT_LENGTH);
  if (problem !== undefined) throw new FragmentError(`the link's rule is not valid: ${problem}`);
  if (typeof value.query !== 'string') throw new FragmentError('the link state has no query');
  if (!Array.isArray(value.events)) throw new FragmentError('the link state has no events list');
  const options = isRecord(value.options) ? value.options : {};
  const selection = isRecord(value.selection) ? value.selection : {};
  return {
    v: 1,
    rule: value.rule,
    query: value.query,
    corpus: typeof value.corpus === 'string' ? value.corpus : null,
    options: {
      ...(typeof options.size === 'number' && { size: options.size }),
      ...(typeof options.timestamp_field === 'string' && { timestamp_field: options.timestamp_field }),
      ...(typeof options.tiebreaker_field === 'string' && { tiebreaker_field: options.tiebreaker_field }),
      ...(typeof options.event_category_field === 'string' && {
        event_category_field: options.event_category_field,
      }),
      ...((options.result_position === 'head' || options.result_position === 'tail') && {
        result_position: options.result_position,
      }),
      ...(typeof options.max_samples_per_key === 'number' && {
        max_samples_per_key: options.max_samples_per_key,
      }),
      // Kibana exception items; read defensively where they are applied and shown.
      ...(Array.isArray(options.exceptions) && { exceptions: options.exceptions as unknown[] }),
    },
    selection: {
      ...(typeof selection.event === 'string' && { event: selection.event }),
      ...(typeof selection.sequence === 'string' && { sequence: selection.sequence }),
      ...(typeof selection.panel === 'string' && { panel: selection.panel }),
    },
    events: value.events.map(checkEvent),
  };
}
