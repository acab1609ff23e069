import { fragmentHash } from '../../app/route.js';
import { encodeFragment } from './fragment-codec.js';
import {
  eventsToShare,
  ruleRecord,
  type ShareableState,
  selectionOf,
  snapshotOptions,
} from './share-state.js';
import type { FragmentState, SharedEvent } from './types.js';

/** The bound: a link without a server carries the rule and about a hundred events. */
export const MAX_FRAGMENT_EVENTS = 100;
/**
 * Longest link made, in characters. Browsers take far more, but mail and chat tools start
 * cutting or refusing links around here, and a cut link is worse than none.
 */
export const MAX_FRAGMENT_URL_LENGTH = 64 * 1024;

export type FragmentLinkPlan =
  | { readonly ok: true; readonly url: string; readonly length: number; readonly events: number }
  | { readonly ok: false; readonly reason: string };

export function fragmentState(state: ShareableState, events: readonly SharedEvent[]): FragmentState {
  return {
    v: 1,
    rule: ruleRecord(state.rule),
    query: state.query,
    corpus: state.corpusName ?? state.corpus ?? null,
    options: snapshotOptions(state),
    // The selected event travels in `events`; the selection only names it.
    selection: selectionOf(state.selected, false),
    events,
  };
}

/** `events` replaces what the results would give (pasted events). */
export async function planFragmentLink(
  origin: string,
  state: ShareableState,
  events: readonly SharedEvent[] = eventsToShare(state.response, state.selected),
): Promise<FragmentLinkPlan> {
  if (events.length > MAX_FRAGMENT_EVENTS) {
    return {
      ok: false,
      reason: `Too big for a link without a server: ${events.length} events, at most ${MAX_FRAGMENT_EVENTS}. Lower the result size or narrow the query, or create a permalink (stored on this server).`,
    };
  }
  const url = `${origin}/${fragmentHash(await encodeFragment(fragmentState(state, events)))}`;
  if (url.length > MAX_FRAGMENT_URL_LENGTH) {
    return {
      ok: false,
      reason: `Too big for a link without a server: ${formatSize(url.length)}, at most ${formatSize(MAX_FRAGMENT_URL_LENGTH)}. Share fewer events, or create a permalink (stored on this server).`,
    };
  }
  return { ok: true, url, length: url.length, events: events.length };
}

/** 812 → "812 B", 12_345 → "12.1 kB" (1 kB = 1024 characters of ASCII). */
export function formatSize(length: number): string {
  if (length < 1024) return `${length} B`;
  const kb = length / 1024;
  return `${kb < 10 ? kb.toFixed(1) : Math.round(kb)} kB`;
}
