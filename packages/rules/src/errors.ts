/** Why a rule could not be read. Stable codes let callers branch without parsing messages. */
export type RuleErrorCode = 'syntax' | 'missing-field' | 'wrong-type' | 'not-a-rule' | 'too-large';

export interface RuleErrorInit {
  readonly code: RuleErrorCode;
  readonly file?: string | undefined;
  /** 1-based; absent when the input has no position to point at. */
  readonly line?: number | undefined;
  /** 1-based. */
  readonly column?: number | undefined;
  /** Dotted path of the offending field, e.g. `rule.risk_score` or `rule.threat[0].tactic.id`. */
  readonly field?: string | undefined;
  readonly cause?: unknown;
}

/** A rule file that cannot be decoded: malformed text, a missing required field, a wrong type. */
export class RuleError extends Error {
  override readonly name = 'RuleError';
  readonly code: RuleErrorCode;
  readonly file: string | undefined;
  readonly line: number | undefined;
  readonly column: number | undefined;
  readonly field: string | undefined;
  /** The message without the location prefix. */
  readonly reason: string;

  constructor(reason: string, init: RuleErrorInit) {
    super(formatLocation(init) + reason, init.cause === undefined ? undefined : { cause: init.cause });
    this.reason = reason;
    this.code = init.code;
    this.file = init.file;
    this.line = init.line;
    this.column = init.column;
    this.field = init.field;
  }
}

function formatLocation(init: RuleErrorInit): string {
  const parts: string[] = [];
  if (init.file) parts.push(init.file);
  if (init.line !== undefined) parts.push(String(init.line));
  if (init.line !== undefined && init.column !== undefined) parts.push(String(init.column));
  const where = parts.length > 0 ? `${parts.join(':')}: ` : '';
  return init.field ? `${where}${init.field}: ` : where;
}
