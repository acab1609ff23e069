/**
 * Parsed events of recently used corpora, kept in memory in the order a search reads them
 * (stored `@timestamp`, then import order). The workbench searches on every pause in typing and
 * asks for field values on every completion; parsing every stored JSON document each time is
 * most of a search's cost, so the last corpora searched stay parsed. Bounded by a total event
 * count (least recently used corpora go first); corpora larger than the budget are never held.
 * Content is immutable per `contentId`, so an entry never goes stale: a deleted corpus simply
 * stops being asked for and ages out.
 */

import type { EventHit } from '@rulebench/eql';
import { hitId } from '../search/hit-id.js';
import type { Store } from '../store/store.js';
import type { CorpusRecord } from '../store/types.js';

/** About 300 MB of parsed ECS events at the sizes seen in Sysmon data. */
export const DEFAULT_CACHE_EVENTS = 250_000;

interface Entry {
  readonly key: string;
  readonly events: readonly EventHit[];
}

export class ParsedCorpusCache {
  readonly #budget: number;
  /** Insertion order is recency order: the first entry is the least recently used. */
  readonly #entries = new Map<string, Entry>();
  #held = 0;

  constructor(budget = DEFAULT_CACHE_EVENTS) {
    this.#budget = budget;
  }

  /** Whether `corpus` fits the budget at all (else callers stream from the store). */
  fits(corpus: CorpusRecord): boolean {
    return corpus.eventCount <= this.#budget;
  }

  /** The corpus's events in search order, parsed once; undefined when it is too large to hold. */
  events(store: Store, corpus: CorpusRecord): readonly EventHit[] | undefined {
    if (!this.fits(corpus)) return undefined;
    // The id is part of the key because hits carry it as `_index`.
    const key = `${corpus.contentId}\u0000${corpus.id}`;
    const hit = this.#entries.get(key);
    if (hit) {
      this.#entries.delete(key);
      this.#entries.set(key, hit);
      return hit.events;
    }
    const events: EventHit[] = [];
    for (const row of store.corpora.iterateEvents(corpus.contentId, 'time')) {
      events.push({ _index: corpus.id, _id: hitId(row.ordinal), _source: JSON.parse(row.doc) });
    }
    this.#held += events.length;
    this.#entries.set(key, { key, events });
    this.#evict(key);
    return events;
  }

  /** Events held now, all corpora together. */
  get size(): number {
    return this.#held;
  }

  #evict(keep: string): void {
    for (const entry of this.#entries.values()) {
      if (this.#held <= this.#budget) return;
      if (entry.key === keep) continue;
      this.#entries.delete(entry.key);
      this.#held -= entry.events.length;
    }
  }
}
