/**
 * The token cursor shared by the grammar functions: lookahead, `expect*` helpers that build
 * every "Expected X, found Y." error the same way, and error collection for recovery.
 */

import type { SourceRange } from '../ast.js';
import { type EqlErrorCode, EqlSyntaxError, expectedFound } from '../errors.js';
import { describeToken, isKeyword, KEYWORDS, type Token, type TokenKind } from '../token.js';

/**
 * Thrown inside the parser to unwind to the nearest recovery point; never escapes `parse`.
 * Carries nothing: the error itself is already recorded on the cursor.
 */
export class ParseAbort {
  readonly abort = true;
}

/** After this many errors the parser stops looking for more. */
const MAX_ERRORS = 50;

export class Cursor {
  private index = 0;
  readonly errors: EqlSyntaxError[] = [];

  constructor(
    readonly source: string,
    private readonly tokens: readonly Token[],
  ) {}

  /** The current token (the final `EOF` once input is exhausted). */
  get token(): Token {
    return this.peek(0);
  }

  peek(ahead = 1): Token {
    const last = this.tokens.length - 1;
    return this.tokens[Math.min(this.index + ahead, last)] as Token;
  }

  /** End offset of the last consumed token (start of input when nothing was consumed yet). */
  get lastEnd(): number {
    return this.index === 0 ? 0 : (this.tokens[this.index - 1]?.end ?? 0);
  }

  get position(): number {
    return this.index;
  }

  advance(): Token {
    const token = this.token;
    if (token.kind !== 'EOF') this.index += 1;
    return token;
  }

  at(kind: TokenKind): boolean {
    return this.token.kind === kind;
  }

  atKeyword(word: string): boolean {
    return isKeyword(this.token, word);
  }

  eat(kind: TokenKind): Token | null {
    return this.at(kind) ? this.advance() : null;
  }

  eatKeyword(word: string): Token | null {
    return this.atKeyword(word) ? this.advance() : null;
  }

  /** Consume a token of `kind` or fail with "Expected `description`, found …". */
  expect(kind: TokenKind, description = `"${kind}"`): Token {
    const token = this.eat(kind);
    if (token === null) this.unexpected(description);
    return token;
  }

  expectKeyword(word: string): Token {
    const token = this.eatKeyword(word);
    if (token === null) this.unexpected(`"${word}"`);
    return token;
  }

  /** Fail at the current token: "Expected `expected`, found <current token>." */
  unexpected(expected: string, token: Token = this.token): never {
    const hint = this.upperCaseKeywordHint(token);
    const message = expectedFound(expected, describeToken(token));
    this.fail(hint === null ? message : `${message} ${hint}`, token);
  }

  /**
   * Keywords are lower-case only (as in Elasticsearch's grammar), so `AND`, `WHERE` or `NOT`
   * read as field names and the error lands on or just after them with no clue why. Name the
   * fix when the unexpected token, or the bare name just before it (`NOT a == 1` fails at `a`),
   * is a keyword in the wrong case.
   */
  private upperCaseKeywordHint(token: Token): string | null {
    const at = this.tokens.indexOf(token);
    const previous = at > 0 ? this.tokens[at - 1] : undefined;
    // A name after a dot is a field segment (`process.NOT`), not a misspelt keyword.
    const beforePrevious = at > 1 ? this.tokens[at - 2] : undefined;
    const candidates = [
      token,
      ...(beforePrevious?.kind === '.' ? [] : previous === undefined ? [] : [previous]),
    ];
    for (const candidate of candidates) {
      if (candidate.kind !== 'Identifier') continue;
      const lower = candidate.value.toLowerCase();
      if (lower !== candidate.value && KEYWORDS.has(lower))
        return `Keywords are lower-case: write "${lower}${candidate.tilde ? '~' : ''}".`;
    }
    return null;
  }

  /** Record an error and unwind to the nearest recovery point. */
  fail(message: string, range: SourceRange, code: EqlErrorCode = 'EQL_SYNTAX'): never {
    this.report(message, range, code);
    throw new ParseAbort();
  }

  /** Record an error and keep parsing (for mistakes whose intent is clear, like `=`). */
  report(message: string, range: SourceRange, code: EqlErrorCode = 'EQL_SYNTAX'): void {
    const previous = this.errors[this.errors.length - 1];
    // A second error at the same place is almost always a consequence of the first.
    if (previous !== undefined && previous.range.start === range.start) return;
    this.errors.push(new EqlSyntaxError(code, message, this.source, { start: range.start, end: range.end }));
    if (this.errors.length >= MAX_ERRORS) throw new TooManyErrors();
  }

  /** Skip tokens until one satisfies `stop` (or EOF). Returns whether any token was skipped. */
  skipUntil(stop: (token: Token) => boolean): boolean {
    const start = this.index;
    while (!this.at('EOF') && !stop(this.token)) this.advance();
    return this.index > start;
  }

  /** Range from `start` to the end of the last consumed token. */
  rangeFrom(start: number): SourceRange {
    return { start, end: Math.max(start, this.lastEnd) };
  }
}

/** Unwinds the whole parse once `MAX_ERRORS` have been recorded. */
export class TooManyErrors {
  readonly tooMany = true;
}
