import {
  decodeKibanaNdjson,
  decodeTomlRule,
  decodeUtf8,
  type KibanaItemKind,
  locateTomlKeys,
  RULE_TYPES,
  type Rule,
  RuleError,
  type RuleObject,
} from '@rulebench/rules';
import { formatProblem, problemFromRuleError, type RuleProblem } from './library-error.js';

export type RuleFileFormat = 'toml' | 'ndjson';

/** A rule read from a file, with the text it came from (a TOML file or one NDJSON line). */
export interface RuleCandidate {
  readonly line: number;
  readonly rule: Rule;
  readonly format: RuleFileFormat;
  readonly original: string;
}

/** A line of a Kibana export that is not a rule: exception list, list item, connector, summary. */
export interface OtherItem {
  readonly line: number;
  readonly kind: Exclude<KibanaItemKind, 'rule'>;
  readonly value: RuleObject;
}

export interface RuleFile {
  readonly format: RuleFileFormat;
  readonly fileName: string | null;
  readonly rules: readonly RuleCandidate[];
  readonly others: readonly OtherItem[];
  /** Problems that kept a rule (or the whole file) from being read. */
  readonly errors: readonly RuleProblem[];
}

/** Format from the file name, else from the text: a JSON object first means a Kibana export. */
export function sniffRuleFormat(text: string, fileName?: string | null): RuleFileFormat {
  const lower = (fileName ?? '').toLowerCase();
  if (lower.endsWith('.toml')) return 'toml';
  if (lower.endsWith('.ndjson') || lower.endsWith('.jsonl') || lower.endsWith('.json')) return 'ndjson';
  return text.trimStart().startsWith('{') ? 'ndjson' : 'toml';
}

export interface ReadOptions {
  readonly fileName?: string | null;
  readonly format?: RuleFileFormat;
  /** Longest string field accepted, in characters (a guide, a query). */
  readonly maxTextLength?: number;
}

/**
 * Reads an uploaded rule file. It never throws for bad input: what could not be read is in
 * `errors`, each naming the file, line, column and field, and the readable rules are kept.
 * A rule whose type Kibana does not know is refused here, as Kibana's import refuses it.
 */
export function readRuleFile(bytes: Uint8Array, options: ReadOptions = {}): RuleFile {
  const fileName = options.fileName ?? null;
  const file = fileName ?? undefined;
  let text: string;
  try {
    text = decodeUtf8(bytes, file);
  } catch (error) {
    if (!(error instanceof RuleError)) throw error;
    const format = options.format ?? sniffRuleFormat('', fileName);
    return { format, fileName, rules: [], others: [], errors: [problemFromRuleError(error)] };
  }
  const format = options.format ?? sniffRuleFormat(text, fileName);
  const decodeOptions = options.maxTextLength === undefined ? {} : { maxTextLength: options.maxTextLength };
  if (format === 'toml') {
    try {
      const rule = decodeTomlRule(text, file, decodeOptions);
      const unknown = unknownType(
        rule,
        fileName,
        () => locateTomlKeys(text).find('rule.type')?.key,
        'rule.type',
      );
      if (unknown) return { format, fileName, rules: [], others: [], errors: [unknown] };
      return { format, fileName, rules: [{ line: 1, rule, format, original: text }], others: [], errors: [] };
    } catch (error) {
      if (!(error instanceof RuleError)) throw error;
      return { format, fileName, rules: [], others: [], errors: [problemFromRuleError(error)] };
    }
  }
  const decoded = decodeKibanaNdjson(text, file, decodeOptions);
  const lines = text.split('\n');
  const rules: RuleCandidate[] = [];
  const others: OtherItem[] = [];
  const errors: RuleProblem[] = decoded.errors.map((e) => problemFromRuleError(e));
  for (const item of decoded.items) {
    if (item.kind !== 'rule') {
      others.push({ line: item.line, kind: item.kind, value: item.value });
      continue;
    }
    const unknown = unknownType(item.rule, fileName, () => ({ line: item.line, column: 1 }), 'type');
    if (unknown) {
      errors.push(unknown);
      continue;
    }
    const raw = lines[item.line - 1] ?? '';
    rules.push({
      line: item.line,
      rule: item.rule,
      format,
      original: raw.endsWith('\r') ? raw.slice(0, -1) : raw,
    });
  }
  errors.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
  return { format, fileName, rules, others, errors };
}

function unknownType(
  rule: Rule,
  file: string | null,
  locate: () => { readonly line: number; readonly column: number } | undefined,
  field: string,
): RuleProblem | undefined {
  if (RULE_TYPES[rule.type]) return undefined;
  const at = locate();
  const reason = `unknown rule type "${rule.type}"; Kibana knows ${Object.keys(RULE_TYPES).join(', ')}`;
  const where = { file, line: at?.line ?? null, column: at?.column ?? null, field };
  return { code: 'unknown-rule-type', message: formatProblem(reason, where), ...where };
}
