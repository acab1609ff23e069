import type { ImportedOther, ImportedRule, ImportResult, ImportStatus } from '@rulebench/rules';
import { isDeepStrictEqual, type Rule, type RuleObject } from '@rulebench/rules';
import { formatProblem, LibraryError } from './library-error.js';
import { attachmentKey, ruleReferences } from './rule-export.js';
import type { OtherItem, RuleCandidate, RuleFile } from './rule-file.js';
import { entryFields, newUserRuleId, type RuleLibrary } from './rule-library.js';
import { summarizeRule } from './rule-summary.js';

/** Which rules of a multi-rule file to import; absent means all of them. */
export interface ImportSelection {
  readonly ruleIds?: readonly string[];
  readonly lines?: readonly number[];
}

export interface ImportRequest {
  readonly file: RuleFile;
  readonly selection?: ImportSelection;
  /** List what the file holds and what would happen, storing nothing. */
  readonly dryRun?: boolean;
}

const KEPT_KINDS = new Set(['exception_list', 'exception_list_item', 'action_connector']);

/**
 * Imports the rules of a read file. A rule whose rule_id is already in the library becomes a
 * new revision of the user's entry (or is `unchanged` when identical); a changed copy of a
 * bundled rule becomes a new user entry, since bundled rules are read-only. Everything is
 * stored in one transaction: an import either happens whole or not at all. A file with no
 * readable rule is refused (422) and stores nothing.
 */
export function importRules(library: RuleLibrary, request: ImportRequest): Promise<ImportResult> {
  const { file } = request;
  const dryRun = request.dryRun === true;
  const selected = selector(request.selection);
  if (file.rules.length === 0) throw noRules(file);
  const unknownSelection = unmatchedSelection(file.rules, request.selection);
  if (unknownSelection.length > 0) {
    throw new LibraryError(
      400,
      'unknown_selection',
      `the file has no rule ${unknownSelection.map((s) => `"${s}"`).join(', ')} to import`,
    );
  }
  return library.store.writeLock.run(() =>
    library.store.db.transaction(() => {
      const rules = file.rules.map((candidate) =>
        importOne(library, candidate, { chosen: selected(candidate), dryRun, origin: file.fileName }),
      );
      const imported = file.rules.filter((c, i) => selected(c) && rules[i]?.status !== 'skipped');
      const others = keepOthers(library, file.others, imported, request.selection !== undefined, dryRun);
      return result(file, dryRun, rules, others);
    })(),
  );
}

interface ImportOptions {
  readonly chosen: boolean;
  readonly dryRun: boolean;
  readonly origin: string | null;
}

function importOne(library: RuleLibrary, candidate: RuleCandidate, options: ImportOptions): ImportedRule {
  const { rule } = candidate;
  const summary = summarizeRule(rule, candidate.format, null);
  const base = {
    line: candidate.line,
    rule_id: rule.rule_id,
    name: rule.name,
    type: rule.type,
    replay: summary.replay,
    findings: summary.findings,
  };
  const outcome = (status: ImportStatus, id: string | null, revision: number | null): ImportedRule => ({
    ...base,
    status,
    id,
    revision,
  });
  if (!options.chosen) return outcome('skipped', null, null);
  const existing = library.rules.findByRuleId(rule.rule_id);
  const identical = existing.find((e) => sameRule(library, e.id, e.revision, rule));
  if (identical) return outcome('unchanged', identical.id, identical.revision);
  const user = existing.find((e) => e.source === 'user');
  // A dry run says what would happen; only stored rules have a revision.
  if (options.dryRun) return user ? outcome('updated', user.id, null) : outcome('created', null, null);
  const { fields, revision } = entryFields({
    rule,
    format: candidate.format,
    original: candidate.original,
    origin: options.origin,
  });
  if (user) return outcome('updated', user.id, library.rules.append(user.id, fields, revision));
  let id = newUserRuleId();
  while (library.rules.exists(id)) id = newUserRuleId();
  library.rules.create(id, 'user', fields, revision);
  return outcome('created', id, 1);
}

function sameRule(library: RuleLibrary, id: string, revision: number, rule: Rule): boolean {
  const record = library.rules.getRevision(id, revision);
  return record !== undefined && isDeepStrictEqual(JSON.parse(record.rule), rule);
}

function keepOthers(
  library: RuleLibrary,
  others: readonly OtherItem[],
  imported: readonly RuleCandidate[],
  selective: boolean,
  dryRun: boolean,
): ImportedOther[] {
  const refs = imported.map((c) => ruleReferences(c.rule));
  const lists = new Set(refs.flatMap((r) => r.listIds));
  const connectors = new Set(refs.flatMap((r) => r.connectorIds));
  return others.map((item) => {
    const key = KEPT_KINDS.has(item.kind) ? attachmentKey(item.kind, item.value) : undefined;
    const wanted =
      key !== undefined &&
      imported.length > 0 &&
      (!selective ||
        (key.listId !== null ? lists.has(key.listId) : connectors.has(text(item.value.id) ?? '')));
    if (wanted && !dryRun) {
      library.rules.putAttachment({
        key: key.key,
        kind: item.kind,
        listId: key.listId,
        value: JSON.stringify(item.value),
      });
    }
    return {
      line: item.line,
      kind: item.kind,
      ref: text(item.value.list_id) ?? text(item.value.id) ?? null,
      name: text(item.value.name) ?? text(attributesName(item.value)) ?? null,
      kept: wanted && !dryRun,
    };
  });
}

const text = (value: unknown) => (typeof value === 'string' ? value : undefined);

function attributesName(value: RuleObject): unknown {
  const attributes = value.attributes;
  return attributes && typeof attributes === 'object' && !Array.isArray(attributes)
    ? (attributes as RuleObject).name
    : undefined;
}

function selector(selection: ImportSelection | undefined): (candidate: RuleCandidate) => boolean {
  if (!selection) return () => true;
  const ids = new Set(selection.ruleIds ?? []);
  const lines = new Set(selection.lines ?? []);
  return (c) => ids.has(c.rule.rule_id) || lines.has(c.line);
}

function unmatchedSelection(
  rules: readonly RuleCandidate[],
  selection: ImportSelection | undefined,
): string[] {
  if (!selection) return [];
  const missing = (selection.ruleIds ?? []).filter((id) => !rules.some((c) => c.rule.rule_id === id));
  const lines = (selection.lines ?? [])
    .filter((line) => !rules.some((c) => c.line === line))
    .map((l) => `at line ${l}`);
  return [...missing, ...lines];
}

function result(
  file: RuleFile,
  dryRun: boolean,
  rules: ImportedRule[],
  others: ImportedOther[],
): ImportResult {
  const count = (status: ImportStatus) => rules.filter((r) => r.status === status).length;
  return {
    file: file.fileName,
    format: file.format,
    dry_run: dryRun,
    rules,
    others,
    errors: file.errors,
    counts: {
      created: count('created'),
      updated: count('updated'),
      unchanged: count('unchanged'),
      skipped: count('skipped'),
      failed: file.errors.length,
    },
  };
}

function noRules(file: RuleFile): LibraryError {
  const first = file.errors[0];
  if (first) {
    const more =
      file.errors.length > 1
        ? ` (and ${file.errors.length - 1} more problem${file.errors.length > 2 ? 's' : ''})`
        : '';
    return new LibraryError(
      422,
      'invalid_rule_file',
      `${first.message}${more}; nothing was imported`,
      file.errors,
    );
  }
  const kinds = file.others.map((o) => o.kind.replaceAll('_', ' '));
  const what = kinds.length > 0 ? ` (only ${kinds.join(', ')})` : '';
  return new LibraryError(
    422,
    'no_rules',
    formatProblem(`the file holds no rules${what}; nothing was imported`, { file: file.fileName }),
  );
}
