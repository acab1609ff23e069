/** Tokens produced by the lexer. Offsets are half-open UTF-16 indexes into the query text. */

/** Every punctuator the lexer reads; the two-character ones win over their first character. */
export const PUNCTUATORS = [
  '==',
  '!=',
  '<',
  '<=',
  '>',
  '>=',
  ':',
  '=',
  '+',
  '-',
  '*',
  '/',
  '%',
  '(',
  ')',
  '[',
  ']',
  '![',
  ',',
  '|',
  '!',
  '?',
  '.',
  '~',
] as const;

export type PunctuatorKind = (typeof PUNCTUATORS)[number];

export type TokenKind =
  | 'EOF'
  /** A bare word: keywords are identifiers whose `value` is reserved (see `KEYWORDS`). */
  | 'Identifier'
  /** `` `field name` ``: never a keyword. */
  | 'QuotedIdentifier'
  | 'String'
  | 'Integer'
  | 'Decimal'
  | PunctuatorKind;

export interface Token {
  readonly kind: TokenKind;
  /**
   * Identifiers: the name (without a trailing `~`). Quoted identifiers and strings: the decoded
   * text. Numbers and punctuators: the source text.
   */
  readonly value: string;
  readonly start: number;
  readonly end: number;
  /** An identifier written with `~` right after it (`in~`, `like~`, `startsWith~`). */
  readonly tilde: boolean;
  /** Strings written as `"""raw"""`. */
  readonly raw: boolean;
}

/** Words the Elasticsearch EQL grammar reserves: they cannot be used as bare field names. */
export const KEYWORDS: ReadonlySet<string> = new Set([
  'and',
  'any',
  'by',
  'false',
  'in',
  'join',
  'like',
  'maxspan',
  'not',
  'null',
  'of',
  'or',
  'regex',
  'sample',
  'sequence',
  'true',
  'until',
  'where',
  'with',
]);

export function isKeyword(token: Token, word?: string): boolean {
  if (token.kind !== 'Identifier' || !KEYWORDS.has(token.value)) return false;
  return word === undefined || (token.value === word && !token.tilde);
}

/** How a token is named in "Expected X, found Y." messages. */
export function describeToken(token: Token): string {
  switch (token.kind) {
    case 'EOF':
      return 'end of query';
    case 'Identifier':
      if (token.tilde) return `"${token.value}~"`;
      return KEYWORDS.has(token.value) ? `keyword "${token.value}"` : `name "${token.value}"`;
    case 'QuotedIdentifier':
      return `name \`${token.value}\``;
    case 'String':
      return `string ${JSON.stringify(token.value)}`;
    case 'Integer':
    case 'Decimal':
      return `number ${token.value}`;
    default:
      return `"${token.kind}"`;
  }
}
