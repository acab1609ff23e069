import { encodeKibanaNdjson, encodeTomlRule, type Rule } from '@rulebench/rules';
import type { SnapshotRule } from './types.js';

/**
 * The rule with the query as edited: what a user copying "the rule" expects to get. The editor
 * shows queries trimmed; an unedited query keeps its own form, an edited one ends with a newline
 * as detection-rules files write them (the closing `'''` on its own line).
 */
function withQuery(rule: SnapshotRule, query: string): Rule {
  const own = typeof rule.query === 'string' ? rule.query : undefined;
  const text = own !== undefined && own.trim() === query.trim() ? own : `${query.trimEnd()}\n`;
  return { ...rule, query: text } as unknown as Rule;
}

/** detection-rules TOML (the format of the elastic/detection-rules repository). */
export function ruleAsToml(rule: SnapshotRule, query: string): string {
  return encodeTomlRule(withQuery(rule, query));
}

/** One line of Kibana's rule import NDJSON. */
export function ruleAsKibanaNdjson(rule: SnapshotRule, query: string): string {
  return encodeKibanaNdjson([withQuery(rule, query)]);
}
