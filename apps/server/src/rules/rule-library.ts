import { randomInt } from 'node:crypto';
import { isDeepStrictEqual, type Rule, type RuleDetail, type RuleListItem } from '@rulebench/rules';
import {
  type EntryFields,
  type NewRevision,
  type RuleEntryRecord,
  type RuleFormat,
  RuleStore,
} from '../store/rule-store.js';
import type { Store } from '../store/store.js';
import { LibraryError } from './library-error.js';
import { matchesFilter, type RuleFilter, type RuleSummary, summarizeRule } from './rule-summary.js';
import { locateFindings, ruleFindings } from './rule-validation.js';

const iso = (millis: number) => new Date(millis).toISOString();
const ID_ALPHABET = '0123456789abcdefghijklmnopqrstuvwxyz';

/** A fresh id for a user entry: `u-` and 12 random base-36 characters. */
export function newUserRuleId(): string {
  let id = 'u-';
  for (let i = 0; i < 12; i++) id += ID_ALPHABET[randomInt(ID_ALPHABET.length)];
  return id;
}

/** A rule ready to be stored, with the text it was read from when there is one. */
export interface RuleToStore {
  readonly rule: Rule;
  readonly format: RuleFormat;
  readonly original: string | null;
  readonly origin: string | null;
}

export function entryFields(input: RuleToStore): { fields: EntryFields; revision: NewRevision } {
  const summary = summarizeRule(input.rule, input.format, input.origin);
  return {
    fields: {
      ruleId: input.rule.rule_id,
      name: input.rule.name,
      type: input.rule.type,
      summary: JSON.stringify(summary),
    },
    revision: {
      rule: JSON.stringify(input.rule),
      format: input.format,
      original: input.original,
      origin: input.origin,
    },
  };
}

/**
 * The rule library: bundled rules (read-only) and the user's own, each with its revisions.
 * Reads go straight to SQLite; every write takes the store's write lock.
 */
export class RuleLibrary {
  readonly store: Store;
  readonly rules: RuleStore;
  /** Entry id of the rule the workbench opens by default. */
  defaultId: string | null = null;

  constructor(store: Store) {
    this.store = store;
    this.rules = new RuleStore(store.db);
  }

  list(filter: RuleFilter = {}): RuleListItem[] {
    const items = this.rules
      .list()
      .map((entry) => this.#item(entry))
      .filter((item) => matchesFilter(item, item.source, filter));
    // The default rule first, then bundled, then the user's, by name.
    return items.sort((a, b) => Number(b.default) - Number(a.default));
  }

  get(id: string, revision?: number): RuleDetail | undefined {
    const entry = this.rules.get(id);
    if (!entry) return undefined;
    const shown = revision ?? entry.revision;
    const record = this.rules.getRevision(id, shown);
    if (!record) return undefined;
    const rule = JSON.parse(record.rule) as Rule;
    return {
      ...this.#item(entry),
      shown_revision: shown,
      rule,
      validation: locateFindings(ruleFindings(rule), record.format, record.original, rule),
      revisions: this.rules.revisions(id).map((r) => ({
        revision: r.revision,
        format: r.format,
        origin: r.origin,
        created_at: iso(r.createdAt),
      })),
    };
  }

  /** The latest stored rule of an entry with its revision record. */
  latest(id: string) {
    const entry = this.rules.get(id);
    const record = entry && this.rules.getRevision(id, entry.revision);
    return entry && record ? { entry, record, rule: JSON.parse(record.rule) as Rule } : undefined;
  }

  /** Creates a user entry ("save as", or a rule from the editor). */
  create(input: RuleToStore): Promise<RuleDetail> {
    return this.store.writeLock.run(() => {
      const id = this.#unusedId();
      const { fields, revision } = entryFields(input);
      this.rules.create(id, 'user', fields, revision);
      return this.#detail(id);
    });
  }

  /**
   * Saves an edited rule as the next revision of a user entry. An identical rule adds no
   * revision. `expectedRevision` guards against overwriting a save made meanwhile elsewhere.
   */
  save(
    id: string,
    input: RuleToStore,
    expectedRevision?: number,
  ): Promise<{ detail: RuleDetail; changed: boolean }> {
    return this.store.writeLock.run(() => {
      const current = this.latest(id);
      if (!current) throw notFound(id);
      if (current.entry.source === 'bundled') {
        throw new LibraryError(
          409,
          'rule_read_only',
          `"${id}" is a bundled rule and cannot be overwritten; save it as a copy (POST /api/rules) instead`,
        );
      }
      if (expectedRevision !== undefined && expectedRevision !== current.entry.revision) {
        throw new LibraryError(
          409,
          'revision_conflict',
          `"${id}" is at revision ${current.entry.revision}, not ${expectedRevision}: it was saved meanwhile; reload it and apply your changes again`,
        );
      }
      if (isDeepStrictEqual(current.rule, input.rule)) return { detail: this.#detail(id), changed: false };
      const { fields, revision } = entryFields(input);
      this.rules.append(id, fields, revision);
      return { detail: this.#detail(id), changed: true };
    });
  }

  delete(id: string): Promise<void> {
    return this.store.writeLock.run(() => {
      const entry = this.rules.get(id);
      if (!entry) throw notFound(id);
      if (entry.source === 'bundled') {
        throw new LibraryError(409, 'rule_read_only', `"${id}" is a bundled rule and cannot be deleted`);
      }
      this.rules.delete(id);
    });
  }

  #detail(id: string): RuleDetail {
    const detail = this.get(id);
    if (!detail) throw notFound(id);
    return detail;
  }

  #unusedId(): string {
    for (;;) {
      const id = newUserRuleId();
      if (!this.rules.exists(id)) return id;
    }
  }

  #item(entry: RuleEntryRecord): RuleListItem {
    const summary = JSON.parse(entry.summary) as RuleSummary;
    return {
      id: entry.id,
      source: entry.source,
      default: entry.id === this.defaultId,
      revision: entry.revision,
      read_only: entry.source === 'bundled',
      created_at: iso(entry.createdAt),
      updated_at: iso(entry.updatedAt),
      ...summary,
    };
  }
}

export function notFound(id: string): LibraryError {
  return new LibraryError(404, 'rule_not_found', `no rule with id "${id}"`);
}
