import type { Rule } from '@rulebench/rules';
import type { RuleRevisionRecord } from '../store/rule-store.js';
import { LibraryError } from './library-error.js';
import {
  type ExportFormat,
  kibanaExportFile,
  ruleAsKibanaLine,
  ruleAsToml,
  ruleFileName,
  ruleReferences,
} from './rule-export.js';
import { notFound, type RuleLibrary } from './rule-library.js';
import { createTar } from './tar.js';

export interface ExportFile {
  readonly fileName: string;
  readonly contentType: string;
  readonly body: string | Uint8Array;
}

interface Exported {
  readonly rule: Rule;
  readonly record: RuleRevisionRecord;
}

/** The format an entry downloads in when none is asked for: the one it came in (TOML for editor saves). */
export function defaultExportFormat(record: Pick<RuleRevisionRecord, 'format'>): ExportFormat {
  return record.format === 'ndjson' ? 'ndjson' : 'toml';
}

/**
 * Downloads rules: one rule as TOML, several as a tar of TOML files, any number as one Kibana
 * NDJSON export carrying the exception lists and connectors the rules refer to.
 */
export function exportRules(
  library: RuleLibrary,
  ids: readonly string[],
  format: ExportFormat,
  revision?: number,
): ExportFile {
  const unique = [...new Set(ids)];
  const exported: Exported[] = unique.map((id) => {
    const entry = library.rules.get(id);
    if (!entry) throw notFound(id);
    const number = revision ?? entry.revision;
    const record = library.rules.getRevision(id, number);
    if (!record) throw new LibraryError(404, 'revision_not_found', `rule "${id}" has no revision ${number}`);
    return { rule: JSON.parse(record.rule) as Rule, record };
  });
  const first = exported[0];
  if (!first) throw new LibraryError(400, 'no_rules_to_export', 'ids must name at least one rule');
  if (format === 'toml') {
    if (exported.length === 1) {
      const fileName =
        first.record.format === 'toml' && first.record.origin?.endsWith('.toml')
          ? first.record.origin
          : ruleFileName(first.rule.name, 'toml');
      return {
        fileName,
        contentType: 'application/toml; charset=utf-8',
        body: ruleAsToml(first.rule, first.record),
      };
    }
    const used = new Set<string>();
    const entries = exported.map(({ rule, record }) => {
      const name = uniqueName(ruleFileName(rule.name, 'toml'), used);
      return { name: `rules/${name}`, content: ruleAsToml(rule, record) };
    });
    return { fileName: 'rules.tar', contentType: 'application/x-tar', body: createTar(entries) };
  }
  const refs = exported.map((e) => ruleReferences(e.rule));
  const listIds = [...new Set(refs.flatMap((r) => r.listIds))];
  const connectorIds = [...new Set(refs.flatMap((r) => r.connectorIds))];
  const lists = library.rules.attachmentsForLists(listIds);
  const connectors = connectorIds.flatMap((id) => library.rules.attachment(`action_connector:${id}`) ?? []);
  const body = kibanaExportFile({
    ruleLines: exported.map(({ rule, record }) => ruleAsKibanaLine(rule, record)),
    attachments: [...lists, ...connectors],
    missingLists: listIds.filter((id) => !lists.some((l) => l.kind === 'exception_list' && l.listId === id)),
    missingConnectors: connectorIds.filter(
      (id) => !connectors.some((c) => c.key === `action_connector:${id}`),
    ),
  });
  const fileName = exported.length === 1 ? ruleFileName(first.rule.name, 'ndjson') : 'rules_export.ndjson';
  return { fileName, contentType: 'application/x-ndjson; charset=utf-8', body };
}

function uniqueName(name: string, used: Set<string>): string {
  let candidate = name;
  for (let n = 2; used.has(candidate); n++) candidate = name.replace(/\.toml$/, `_${n}.toml`);
  used.add(candidate);
  return candidate;
}
