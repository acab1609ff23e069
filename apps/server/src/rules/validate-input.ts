import { countBySeverity } from '@rulebench/rules';
import type { RuleFormat } from '../store/rule-store.js';
import type { RuleProblem } from './library-error.js';
import { LibraryError } from './library-error.js';
import { readRuleFile } from './rule-file.js';
import { inputKind, type RuleInput, ruleFromJson } from './rule-input.js';
import {
  type LocatedFinding,
  locateFindings,
  type ReplayStatus,
  replayStatus,
  ruleFindings,
} from './rule-validation.js';

export interface ValidationReport {
  readonly valid: boolean;
  readonly format: RuleFormat;
  readonly counts: { readonly error: number; readonly warning: number; readonly info: number };
  /** Replay status of the rule; null for a file of several rules or none. */
  readonly replay: ReplayStatus | null;
  readonly findings: readonly (LocatedFinding & { readonly rule_id?: string })[];
}

/**
 * Validates a rule as the editor holds it, or a whole file: a rule that cannot even be read
 * is one more finding (severity error, with its line and field), not a failed request, so the
 * editor shows it like any other.
 */
export function validateInput(input: RuleInput, maxTextLength?: number): ValidationReport {
  if (inputKind(input) === 'rule') {
    let rule: ReturnType<typeof ruleFromJson>;
    try {
      rule = ruleFromJson(input.rule, maxTextLength);
    } catch (error) {
      if (!(error instanceof LibraryError)) throw error;
      return report('json', error.problems.map(asFinding), null);
    }
    return report('json', ruleFindings(rule), replayStatus(rule));
  }
  const file = readRuleFile(new TextEncoder().encode(input.text), {
    fileName: input.file_name ?? null,
    ...(input.format ? { format: input.format } : {}),
    ...(maxTextLength === undefined ? {} : { maxTextLength }),
  });
  const empty: LocatedFinding[] =
    file.rules.length === 0 && file.errors.length === 0
      ? [{ severity: 'error', code: 'no-rules', message: 'the text holds no rule', field: '' }]
      : [];
  const several = file.rules.length > 1 || file.format === 'ndjson';
  const findings = [
    ...empty,
    ...file.errors.map(asFinding),
    ...file.rules.flatMap((c) =>
      locateFindings(ruleFindings(c.rule), c.format, c.original, c.rule, c.line).map((f) =>
        several ? { ...f, rule_id: c.rule.rule_id } : f,
      ),
    ),
  ].sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0));
  const only = file.rules.length === 1 ? file.rules[0] : undefined;
  return report(file.format, findings, only ? replayStatus(only.rule) : null);
}

function asFinding(problem: RuleProblem): LocatedFinding {
  return {
    severity: 'error',
    code: problem.code,
    message: problem.message,
    field: problem.field ?? '',
    ...(problem.line !== null ? { line: problem.line } : {}),
    ...(problem.column !== null ? { column: problem.column } : {}),
  };
}

function report(
  format: RuleFormat,
  findings: readonly LocatedFinding[],
  replay: ReplayStatus | null,
): ValidationReport {
  const counts = countBySeverity(findings);
  return { valid: counts.error === 0, format, counts, replay, findings };
}
