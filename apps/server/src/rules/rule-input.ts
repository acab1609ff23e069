import {
  decodeKibanaRule,
  type Rule,
  RuleError,
  type RuleMetadata,
  type RuleObject,
  type RuleTransforms,
} from '@rulebench/rules';
import { formatProblem, LibraryError, problemFromRuleError } from './library-error.js';
import { readRuleFile } from './rule-file.js';
import type { RuleToStore } from './rule-library.js';

const isObject = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

/**
 * A rule sent as JSON (the editor's `Rule` model) checked field by field. The `[rule]` fields
 * go through the same decoder as a Kibana rule, so types are checked the same way everywhere;
 * `metadata`, `transform` and `extra_tables` only need to be objects.
 */
export function ruleFromJson(value: unknown, maxTextLength?: number): Rule {
  if (!isObject(value)) throw invalid('expected a JSON object', null);
  const { metadata = {}, transform, extra_tables, extra, ...fields } = value;
  for (const [name, part] of [
    ['metadata', metadata],
    ['transform', transform],
    ['extra_tables', extra_tables],
    ['extra', extra],
  ] as const) {
    if (part !== undefined && !isObject(part)) throw invalid('expected an object', name);
  }
  let decoded: Rule;
  try {
    decoded = decodeKibanaRule(
      { ...(extra as RuleObject | undefined), ...fields },
      undefined,
      undefined,
      maxTextLength === undefined ? {} : { maxTextLength },
    );
  } catch (error) {
    if (error instanceof RuleError) {
      const problem = { ...problemFromRuleError(error), line: null, column: null };
      throw new LibraryError(422, 'invalid_rule', formatProblem(error.reason, problem), [
        { ...problem, message: formatProblem(error.reason, problem) },
      ]);
    }
    throw error;
  }
  return {
    ...decoded,
    metadata: metadata as RuleMetadata,
    ...(transform === undefined ? {} : { transform: transform as RuleTransforms }),
    ...(extra_tables === undefined ? {} : { extra_tables: extra_tables as RuleObject }),
  };
}

function invalid(reason: string, field: string | null): LibraryError {
  const where = { file: null, line: null, column: null, field };
  const message = formatProblem(reason, where);
  return new LibraryError(422, 'invalid_rule', message, [{ code: 'wrong-type', message, ...where }]);
}

/** The body of a save, create or validate request. */
export interface RuleInput {
  readonly rule?: Record<string, unknown>;
  readonly text?: string;
  readonly format?: 'toml' | 'ndjson';
  readonly file_name?: string;
}

/** Exactly one of `rule` and `text`; a 400 otherwise. */
export function inputKind(input: RuleInput): 'rule' | 'text' {
  if ((input.rule === undefined) === (input.text === undefined)) {
    throw new LibraryError(
      400,
      'invalid_body',
      'send either "rule" (the rule as JSON) or "text" (a TOML or NDJSON file), not both',
    );
  }
  return input.rule !== undefined ? 'rule' : 'text';
}

/** The one rule a save or create request carries, checked; a 422 naming the problem otherwise. */
export function ruleToStore(input: RuleInput, maxTextLength?: number): RuleToStore {
  if (inputKind(input) === 'rule') {
    return { rule: ruleFromJson(input.rule, maxTextLength), format: 'json', original: null, origin: null };
  }
  const file = readRuleFile(new TextEncoder().encode(input.text), {
    fileName: input.file_name ?? null,
    ...(input.format ? { format: input.format } : {}),
    ...(maxTextLength === undefined ? {} : { maxTextLength }),
  });
  const [first, ...rest] = file.rules;
  const problem = file.errors[0];
  if (problem) throw new LibraryError(422, 'invalid_rule', problem.message, file.errors);
  if (!first) throw new LibraryError(422, 'no_rules', 'the text holds no rule');
  if (rest.length > 0) {
    throw new LibraryError(
      422,
      'one_rule_expected',
      `the text holds ${file.rules.length} rules; save them one at a time, or import the file`,
    );
  }
  return {
    rule: first.rule,
    format: first.format,
    original: first.original,
    origin: input.file_name ?? null,
  };
}
