import { parse, TomlError } from 'smol-toml';
import {
  type DecodeContext,
  decodeMetadata,
  decodeRuleFields,
  decodeTransforms,
  fail,
  isPlainObject,
  toRuleValue,
} from '../decode-object.js';
import { RuleError } from '../errors.js';
import type { Rule, RuleValue } from '../rule.js';
import { locateTomlKeys } from './locate.js';

export interface DecodeOptions {
  /** Longest accepted string field, in characters. Default 1,000,000. */
  readonly maxTextLength?: number;
}

export const DEFAULT_MAX_TEXT_LENGTH = 1_000_000;

/**
 * Reads a detection-rules TOML file (`[metadata]`, `[rule]`, `[[rule.threat]]`, `[transform]`).
 * Throws a `RuleError` pointing at the file, line, column and field when the text is not TOML,
 * a required field is missing, or a field has the wrong type.
 */
export function decodeTomlRule(text: string, fileName?: string, options: DecodeOptions = {}): Rule {
  let doc: Record<string, unknown>;
  try {
    // TOML lets a parser normalize newlines; smol-toml keeps CRLF inside multi-line strings.
    // Normalizing makes a file checked out with CRLF (git autocrlf) the same rule as its LF
    // original, so re-importing it changes nothing. Lines and columns stay where they were.
    doc = parse(text.includes('\r\n') ? text.replaceAll('\r\n', '\n') : text) as Record<string, unknown>;
  } catch (error) {
    if (error instanceof TomlError) {
      throw new RuleError(firstLine(error.message), {
        code: 'syntax',
        file: fileName,
        line: error.line,
        column: error.column,
        cause: error,
      });
    }
    throw error;
  }
  let locations: ReturnType<typeof locateTomlKeys> | undefined;
  const ctx: DecodeContext = {
    file: fileName,
    maxTextLength: options.maxTextLength ?? DEFAULT_MAX_TEXT_LENGTH,
    locate(path) {
      locations ??= locateTomlKeys(text);
      return locations.find(path)?.key;
    },
  };
  const ruleTable = doc.rule;
  if (ruleTable === undefined) {
    throw new RuleError('no [rule] table: this is not a detection rule', {
      code: 'not-a-rule',
      file: fileName,
      line: 1,
      column: 1,
    });
  }
  if (!isPlainObject(ruleTable)) fail(ctx, 'wrong-type', 'rule', 'expected a table');
  const metadata = decodeMetadata(ctx, doc.metadata, 'metadata');
  const rule = decodeRuleFields(ctx, ruleTable, 'rule', metadata);
  const extraTables: Record<string, RuleValue> = {};
  for (const [key, value] of Object.entries(doc)) {
    if (key !== 'metadata' && key !== 'rule' && key !== 'transform')
      extraTables[key] = toRuleValue(value, { ctx, path: key });
  }
  return {
    ...rule,
    ...(doc.transform === undefined ? {} : { transform: decodeTransforms(ctx, doc.transform, 'transform') }),
    ...(Object.keys(extraTables).length > 0 ? { extra_tables: extraTables } : {}),
  };
}

function firstLine(message: string): string {
  return message.split('\n', 1)[0] ?? message;
}
