import type { Rule, RuleObject } from '../rule.js';
import { ruleToKibana } from './convert.js';
import type { KibanaExportItem } from './decode.js';

/**
 * Writes rules (and, when given export items, the exception lists, connectors and summary they
 * came with, in their original order) as Kibana import NDJSON: one JSON object per line.
 */
export function encodeKibanaNdjson(items: readonly (Rule | KibanaExportItem)[]): string {
  return items.map((item) => `${JSON.stringify(toObject(item))}\n`).join('');
}

function toObject(item: Rule | KibanaExportItem): RuleObject {
  if ('kind' in item && typeof item.kind === 'string' && 'line' in item) {
    return item.kind === 'rule' ? ruleToKibana(item.rule) : item.value;
  }
  return ruleToKibana(item as Rule);
}
