import { type DecodeContext, decodeRuleFields, isPlainObject, toRuleValue } from '../decode-object.js';
import { RuleError } from '../errors.js';
import type { Rule, RuleObject } from '../rule.js';
import { DEFAULT_MAX_TEXT_LENGTH, type DecodeOptions } from '../toml/decode.js';

/**
 * One line of a Kibana Detections `_export` file. Only `rule` lines are rules; exception lists,
 * their items, action connectors and the trailing summary are recognised and kept as they are.
 */
export type KibanaExportItem =
  | { readonly kind: 'rule'; readonly line: number; readonly rule: Rule }
  | { readonly kind: 'exception_list'; readonly line: number; readonly value: RuleObject }
  | { readonly kind: 'exception_list_item'; readonly line: number; readonly value: RuleObject }
  | { readonly kind: 'action_connector'; readonly line: number; readonly value: RuleObject }
  | { readonly kind: 'export_summary'; readonly line: number; readonly value: RuleObject }
  | { readonly kind: 'unknown'; readonly line: number; readonly value: RuleObject };

export interface KibanaExport {
  readonly items: readonly KibanaExportItem[];
  /** Lines that could not be read; decoding goes on past them so one bad rule hides nothing. */
  readonly errors: readonly RuleError[];
}

export type KibanaItemKind = KibanaExportItem['kind'];

/** Tells the kinds of export lines apart by the keys each kind always has. */
export function classifyKibanaObject(value: Record<string, unknown>): KibanaItemKind {
  if ('exported_count' in value || 'exported_rules_count' in value) return 'export_summary';
  if (typeof value.list_id === 'string' && typeof value.item_id === 'string') return 'exception_list_item';
  if (typeof value.list_id === 'string' && 'namespace_type' in value) return 'exception_list';
  if (value.type === 'action' && isPlainObject(value.attributes)) return 'action_connector';
  if (
    typeof value.rule_id === 'string' ||
    (typeof value.name === 'string' && typeof value.risk_score === 'number')
  )
    return 'rule';
  return 'unknown';
}

/** A Kibana rule object as a Rule; every key the model does not name is kept in `extra`. */
export function decodeKibanaRule(
  value: unknown,
  fileName?: string,
  line?: number,
  options: DecodeOptions = {},
): Rule {
  const ctx: DecodeContext = {
    file: fileName,
    maxTextLength: options.maxTextLength ?? DEFAULT_MAX_TEXT_LENGTH,
    locate: () => (line === undefined ? undefined : { line, column: 1 }),
  };
  if (!isPlainObject(value)) {
    throw new RuleError('expected a JSON object', { code: 'wrong-type', file: fileName, line, column: 1 });
  }
  return decodeRuleFields(ctx, value, '', {});
}

/** Reads a Kibana `_export` NDJSON file: every line is kept, rules decoded, errors collected. */
export function decodeKibanaNdjson(
  text: string,
  fileName?: string,
  options: DecodeOptions = {},
): KibanaExport {
  const items: KibanaExportItem[] = [];
  const errors: RuleError[] = [];
  const lines = text.split('\n');
  lines.forEach((raw, i) => {
    const line = i + 1;
    const source = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    if (source.trim() === '') return;
    let value: unknown;
    try {
      value = JSON.parse(source);
    } catch (cause) {
      errors.push(
        new RuleError(`invalid JSON: ${cause instanceof Error ? cause.message : String(cause)}`, {
          code: 'syntax',
          file: fileName,
          line,
          column: 1,
          cause,
        }),
      );
      return;
    }
    if (!isPlainObject(value)) {
      errors.push(
        new RuleError('expected a JSON object on each line', {
          code: 'wrong-type',
          file: fileName,
          line,
          column: 1,
        }),
      );
      return;
    }
    const kind = classifyKibanaObject(value);
    if (kind !== 'rule') {
      try {
        items.push({ kind, line, value: toRuleValue(value) as RuleObject });
      } catch (error) {
        if (!(error instanceof RuleError)) throw error;
        errors.push(new RuleError(error.reason, { code: error.code, file: fileName, line, column: 1 }));
      }
      return;
    }
    try {
      items.push({ kind, line, rule: decodeKibanaRule(value, fileName, line, options) });
    } catch (error) {
      if (!(error instanceof RuleError)) throw error;
      errors.push(error);
    }
  });
  return { items, errors };
}
