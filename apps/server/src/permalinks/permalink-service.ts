import {
  type CreatedPermalink,
  DEFAULT_MAX_TEXT_LENGTH,
  ruleShapeProblem,
  type PermalinkView as SharedPermalinkView,
} from '@rulebench/rules';
import type { SnapshotInput, SnapshotV1 } from '../schemas/permalinks.js';
import { compileEsFilter, FilterError } from '../search/es-filter.js';
import { type CountedSearch, searchCorpusCounted } from '../search/run-search.js';
import { toSearchOptions } from '../search/search-options.js';
import { linkCorpus } from '../store/content-writer.js';
import { PermalinkStore, type PermalinkVersionRecord } from '../store/permalink-store.js';
import type { Store } from '../store/store.js';
import type { CorpusRecord } from '../store/types.js';
import { CanonicalJsonError, canonicalJson } from './canonical-json.js';
import { exceptionsToFilter } from './exceptions-filter.js';
import { PermalinkError, permalinkNotFound, permalinkTooLarge } from './permalink-error.js';
import { permalinkId, snapshotHash } from './permalink-id.js';
import { diffSnapshots, type SnapshotChange } from './snapshot-diff.js';

export type { CreatedPermalink } from '@rulebench/rules';
export type PermalinkView = SharedPermalinkView<SnapshotV1>;

/** A filter or exception the replay cannot apply is refused when the link is made, not when it is opened. */
function checkFilters(options: SnapshotV1['options']): void {
  try {
    if (options.filter !== undefined && options.filter !== null)
      compileEsFilter(options.filter, options.timestamp_field ?? '@timestamp');
    if (options.exceptions) exceptionsToFilter(options.exceptions);
  } catch (error) {
    if (error instanceof FilterError)
      throw new PermalinkError(400, 'invalid_snapshot', `options: ${error.message}`);
    throw error;
  }
}

export interface RestoredCorpus {
  readonly corpus: { readonly id: string; readonly name: string; readonly eventCount: number };
  /** False when a corpus with these events already existed (it is returned instead). */
  readonly created: boolean;
}

const restoredView = (record: CorpusRecord): RestoredCorpus['corpus'] => ({
  id: record.id,
  name: record.name,
  eventCount: record.eventCount,
});

export const permalinkUrl = (id: string, version: number) => `/r/${id}/${version}`;

/**
 * Permalinks: content-addressed, immutable snapshots of the workbench, numbered versions under
 * one id. Creating takes the write lock, so a corpus cannot be deleted between the moment its
 * content is pinned and the moment the snapshot refers to it.
 */
export class PermalinkService {
  readonly #store: Store;
  readonly #permalinks: PermalinkStore;
  readonly #maxBytes: number;

  constructor(store: Store, maxBytes: number) {
    this.#store = store;
    this.#permalinks = new PermalinkStore(store.db);
    this.#maxBytes = maxBytes;
  }

  create(input: SnapshotInput, base?: { readonly id: string }): Promise<CreatedPermalink> {
    // The rule's known fields must have their types: a page opening the link relies on them.
    const problem = ruleShapeProblem(input.rule, DEFAULT_MAX_TEXT_LENGTH);
    if (problem !== undefined) return Promise.reject(new PermalinkError(400, 'invalid_snapshot', problem));
    return this.#store.writeLock.run(() => {
      const { snapshot, contentId } = this.#pin(input);
      checkFilters(snapshot.options);
      let canonical: string;
      try {
        canonical = canonicalJson(snapshot);
      } catch (error) {
        if (error instanceof CanonicalJsonError)
          throw new PermalinkError(400, 'invalid_snapshot', error.message);
        throw error;
      }
      const size = Buffer.byteLength(canonical, 'utf8');
      if (size > this.#maxBytes) throw permalinkTooLarge(size, this.#maxBytes);
      const hash = snapshotHash(canonical);
      const id = base ? base.id : permalinkId(this.#permalinks.idKey(), hash);
      if (base && !this.#permalinks.exists(base.id)) throw permalinkNotFound(base.id);
      const existing = this.#permalinks.byHash(id, hash);
      if (existing)
        return { id, version: existing.version, url: permalinkUrl(id, existing.version), created: false };
      const version = this.#permalinks.insert(id, hash, canonical, contentId);
      return { id, version, url: permalinkUrl(id, version), created: true };
    });
  }

  /** The snapshot at `version` (the latest when absent), with the version list. */
  view(id: string, version?: number): PermalinkView {
    const record = this.#record(id, version);
    const snapshot = JSON.parse(record.snapshot) as SnapshotV1;
    const content = snapshot.corpus ? this.#permalinks.content(snapshot.corpus.content_hash) : undefined;
    return {
      id,
      version: record.version,
      url: permalinkUrl(id, record.version),
      created_at: new Date(record.createdAt).toISOString(),
      snapshot,
      corpus:
        snapshot.corpus && content
          ? {
              index: snapshot.corpus.index,
              name: snapshot.corpus.name ?? snapshot.corpus.index,
              content_hash: snapshot.corpus.content_hash,
              event_count: content.eventCount,
            }
          : null,
      versions: this.#permalinks.versions(id).map((v) => ({
        version: v.version,
        created_at: new Date(v.createdAt).toISOString(),
        url: permalinkUrl(id, v.version),
      })),
    };
  }

  snapshot(id: string, version: number): SnapshotV1 {
    return JSON.parse(this.#record(id, version).snapshot) as SnapshotV1;
  }

  /** The events a version ran against: refused (409) when it holds none, (410) when they are gone. */
  #storedEvents(snapshot: SnapshotV1, id: string, version: number, purpose: 'search' | 'restore') {
    if (!snapshot.corpus) {
      throw new PermalinkError(
        409,
        'permalink_without_events',
        `permalink "${id}" version ${version} holds no events to ${purpose}`,
      );
    }
    const content = this.#permalinks.content(snapshot.corpus.content_hash);
    if (!content) {
      // Cannot happen while collectUnreferencedContents honours permalink_versions; say so plainly if it does.
      throw new PermalinkError(
        410,
        'permalink_events_gone',
        `the events of permalink "${id}" version ${version} are no longer stored`,
      );
    }
    return { corpus: snapshot.corpus, content };
  }

  /**
   * Re-runs the stored query over the stored events with the stored options. Relative times in
   * the filter (`now-9m`) are taken from when the version was made, so the matches stay the same.
   */
  search(id: string, version: number): Promise<CountedSearch> {
    const record = this.#record(id, version);
    const snapshot = JSON.parse(record.snapshot) as SnapshotV1;
    const { corpus: stored, content } = this.#storedEvents(snapshot, id, version, 'search');
    const { filter, exceptions, ...params } = snapshot.options;
    // Snapshots made before `result_position` was recorded ran with `head`, the default then.
    const options = toSearchOptions({ result_position: 'head', ...params });
    const except = exceptions ? exceptionsToFilter(exceptions) : undefined;
    const clauses = [
      ...(filter !== undefined && filter !== null ? [filter] : []),
      ...(except ? [except] : []),
    ];
    const combined =
      clauses.length === 0 ? undefined : clauses.length === 1 ? clauses[0] : { bool: { filter: clauses } };
    const compiled =
      combined === undefined
        ? undefined
        : compileEsFilter(combined, options.timestampField ?? '@timestamp', record.createdAt);
    const corpus: CorpusRecord = {
      id: stored.index,
      name: stored.index,
      description: '',
      source: 'upload',
      origin: null,
      contentId: content.id,
      contentHash: stored.content_hash,
      eventCount: content.eventCount,
      minTimestamp: content.minTs,
      maxTimestamp: content.maxTs,
      createdAt: record.createdAt,
      updatedAt: record.createdAt,
    };
    return searchCorpusCounted(this.#store, corpus, {
      query: snapshot.query,
      options,
      ...(compiled ? { filter: compiled } : {}),
    });
  }

  /**
   * A corpus on the events a version ran against, so a fork can search them again after their
   * corpus was deleted: the retained content gets a corpus pointing at it, named as the snapshot
   * named it. A corpus that already holds exactly these events is reused instead.
   */
  restoreCorpus(id: string, version: number): Promise<RestoredCorpus> {
    return this.#store.writeLock.run(() => {
      const snapshot = this.snapshot(id, version);
      const { content } = this.#storedEvents(snapshot, id, version, 'restore');
      const existing = this.#permalinks.corpusWithContent(content.id);
      const record = existing === undefined ? undefined : this.#store.corpora.get(existing);
      if (record) return { corpus: restoredView(record), created: false };
      const db = this.#store.db;
      const newId = db.transaction(() =>
        linkCorpus(
          db,
          {
            name: snapshot.corpus?.name ?? snapshot.corpus?.index ?? 'events',
            description: `The events of permalink ${id} version ${version}, restored.`,
            source: 'upload',
            origin: null,
          },
          content.id,
        ),
      )();
      const created = this.#store.corpora.get(newId);
      if (!created) throw new Error(`restored corpus "${newId}" is missing`);
      return { corpus: restoredView(created), created: true };
    });
  }

  diff(id: string, from: number, to: number): SnapshotChange[] {
    return diffSnapshots(this.snapshot(id, from), this.snapshot(id, to));
  }

  #record(id: string, version?: number): PermalinkVersionRecord {
    const record =
      version === undefined ? this.#permalinks.latest(id) : this.#permalinks.version(id, version);
    if (record) return record;
    if (version !== undefined && this.#permalinks.exists(id)) throw permalinkNotFound(id, version);
    throw permalinkNotFound(id);
  }

  /** The snapshot as stored: defaults filled in, the corpus pinned to its content hash. */
  #pin(input: SnapshotInput): { snapshot: SnapshotV1; contentId: number | null } {
    let corpus: SnapshotV1['corpus'] = null;
    let contentId: number | null = null;
    if (input.corpus && 'id' in input.corpus) {
      const record = this.#store.corpora.get(input.corpus.id);
      if (!record)
        throw new PermalinkError(404, 'corpus_not_found', `no corpus with id "${input.corpus.id}"`);
      corpus = { index: record.id, name: record.name, content_hash: record.contentHash };
      contentId = record.contentId;
    } else if (input.corpus) {
      const content = this.#permalinks.content(input.corpus.content_hash);
      if (!content) {
        throw new PermalinkError(
          404,
          'content_not_found',
          `no stored events with content hash ${input.corpus.content_hash}`,
        );
      }
      contentId = content.id;
      corpus = {
        index: input.corpus.index ?? this.#permalinks.corpusWithContent(content.id) ?? 'events',
        ...(input.corpus.name !== undefined && { name: input.corpus.name }),
        content_hash: input.corpus.content_hash,
      };
    }
    const snapshot: SnapshotV1 = {
      v: 1,
      rule: input.rule,
      query: input.query,
      corpus,
      options: input.options ?? {},
      selection: input.selection ?? {},
    };
    return { snapshot, contentId };
  }
}
