import {
  decodeKibanaRule,
  encodeTomlRule,
  isDeepStrictEqual,
  kibanaToTomlRule,
  type Rule,
  type RuleObject,
  ruleToKibana,
} from '@rulebench/rules';
import type { AttachmentRecord, RuleRevisionRecord } from '../store/rule-store.js';

export type ExportFormat = 'toml' | 'ndjson';

/**
 * A rule as a detection-rules TOML file. An unedited TOML rule comes back byte for byte; a rule
 * from Kibana is shaped for a rules repository first (Kibana-managed fields dropped, metadata
 * dates from created_at/updated_at), as the detection-rules CLI does when it imports.
 */
export function ruleAsToml(rule: Rule, revision: Pick<RuleRevisionRecord, 'format' | 'original'>): string {
  if (revision.format === 'toml') {
    return encodeTomlRule(rule, revision.original === null ? {} : { original: revision.original });
  }
  return encodeTomlRule(kibanaToTomlRule(rule));
}

/** One Kibana NDJSON line (no newline); an unedited line from a Kibana export is kept as it was. */
export function ruleAsKibanaLine(
  rule: Rule,
  revision: Pick<RuleRevisionRecord, 'format' | 'original'>,
): string {
  if (revision.format === 'ndjson' && revision.original !== null && sameKibanaRule(revision.original, rule)) {
    return revision.original;
  }
  return JSON.stringify(ruleToKibana(rule));
}

function sameKibanaRule(line: string, rule: Rule): boolean {
  try {
    return isDeepStrictEqual(decodeKibanaRule(JSON.parse(line)), rule);
  } catch {
    return false;
  }
}

/** The exception lists (`list_id`) and action connectors (`id`) a rule refers to. */
export function ruleReferences(rule: Rule): { listIds: string[]; connectorIds: string[] } {
  const listIds: string[] = [];
  const connectorIds: string[] = [];
  for (const ref of arrayOf(rule.extra?.exceptions_list)) {
    if (typeof ref.list_id === 'string' && !listIds.includes(ref.list_id)) listIds.push(ref.list_id);
  }
  for (const action of arrayOf(rule.extra?.actions)) {
    if (typeof action.id === 'string' && !connectorIds.includes(action.id)) connectorIds.push(action.id);
  }
  return { listIds, connectorIds };
}

function arrayOf(value: unknown): RuleObject[] {
  return Array.isArray(value)
    ? value.filter((v): v is RuleObject => v !== null && typeof v === 'object' && !Array.isArray(v))
    : [];
}

export interface NdjsonExportInput {
  /** Rule lines, already encoded. */
  readonly ruleLines: readonly string[];
  readonly attachments: readonly AttachmentRecord[];
  /** Referenced lists and connectors not found in the library. */
  readonly missingLists: readonly string[];
  readonly missingConnectors: readonly string[];
}

/**
 * A Kibana `_export` file: rules, then exception lists and their items, then action connectors,
 * then the summary line Kibana writes (and skips on import).
 */
export function kibanaExportFile(input: NdjsonExportInput): string {
  const lists = input.attachments.filter((a) => a.kind === 'exception_list');
  const items = input.attachments.filter((a) => a.kind === 'exception_list_item');
  const connectors = input.attachments.filter((a) => a.kind === 'action_connector');
  const lines = [...input.ruleLines, ...[...lists, ...items, ...connectors].map((a) => a.value)];
  const summary = {
    exported_count: lines.length,
    exported_rules_count: input.ruleLines.length,
    missing_rules: [],
    missing_rules_count: 0,
    exported_exception_list_count: lists.length,
    exported_exception_list_item_count: items.length,
    missing_exception_list_item_count: 0,
    missing_exception_list_items: [],
    missing_exception_lists: input.missingLists.map((list_id) => ({ list_id })),
    missing_exception_lists_count: input.missingLists.length,
    exported_action_connector_count: connectors.length,
    missing_action_connection_count: input.missingConnectors.length,
    missing_action_connections: input.missingConnectors.map((id) => ({ id, type: 'action' })),
    excluded_action_connection_count: 0,
    excluded_action_connections: [],
  };
  return `${[...lines, JSON.stringify(summary)].join('\n')}\n`;
}

/** A file name for a rule: its name in lowercase words joined by `_`, like detection-rules files. */
export function ruleFileName(name: string, extension: ExportFormat): string {
  const stem =
    name
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '_')
      .replace(/^_+|_+$/g, '')
      .slice(0, 80)
      .replace(/_+$/, '') || 'rule';
  return `${stem}.${extension}`;
}

/** Keys an attachment by what Kibana identifies it with, so a re-import replaces it in place. */
export function attachmentKey(
  kind: string,
  value: RuleObject,
): { key: string; listId: string | null } | undefined {
  const text = (v: unknown) => (typeof v === 'string' ? v : undefined);
  const listId = text(value.list_id);
  const namespace = text(value.namespace_type) ?? 'single';
  switch (kind) {
    case 'exception_list':
      return listId ? { key: `exception_list:${namespace}:${listId}`, listId } : undefined;
    case 'exception_list_item': {
      const itemId = text(value.item_id);
      return listId && itemId
        ? { key: `exception_list_item:${namespace}:${listId}:${itemId}`, listId }
        : undefined;
    }
    case 'action_connector': {
      const id = text(value.id);
      return id ? { key: `action_connector:${id}`, listId: null } : undefined;
    }
    default:
      return undefined;
  }
}
