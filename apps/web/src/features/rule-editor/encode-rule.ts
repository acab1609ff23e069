/**
 * Rule files written in the browser, for a rule with unsaved edits: the same encoders the
 * server's export uses, so the file is what a download after saving would give.
 */

import type { ExportFormat, StoredFormat } from '@rulebench/rules';
import { encodeTomlRule, kibanaToTomlRule, type Rule, ruleToKibana } from '@rulebench/rules';
import { ruleFileName } from './rule-draft.js';

export interface RuleFile {
  readonly fileName: string;
  readonly contentType: string;
  readonly text: string;
}

/**
 * `stored` is how the rule was stored: a rule that did not come from TOML is shaped for a rules
 * repository first (Kibana-managed fields out, metadata in), as the detection-rules CLI does.
 */
export function encodeRuleFile(rule: Rule, format: ExportFormat, stored: StoredFormat | null): RuleFile {
  if (format === 'toml') {
    const toml = stored === 'toml' || stored === null ? rule : kibanaToTomlRule(rule);
    return {
      fileName: ruleFileName(rule.name, 'toml'),
      contentType: 'application/toml',
      text: encodeTomlRule(toml),
    };
  }
  return {
    fileName: ruleFileName(rule.name, 'ndjson'),
    contentType: 'application/x-ndjson',
    text: `${JSON.stringify(ruleToKibana(rule))}\n`,
  };
}

/** Saves text as a file through a temporary link (no server round trip, no new window). */
export function saveFile(file: RuleFile): void {
  const url = URL.createObjectURL(new Blob([file.text], { type: file.contentType }));
  const link = document.createElement('a');
  link.href = url;
  link.download = file.fileName;
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
