/**
 * The EQL lexer: query text → tokens with offsets. It follows the Elasticsearch EQL lexical
 * grammar (`EqlBase.g4`): bare identifiers are ASCII letters, digits and `_`, may start with `@`
 * (`@timestamp`), and an identifier glued to `~` (`in~`, `startsWith~`) carries `tilde`.
 *
 * Lexing never throws for bad input (except when `maxTokens` is exceeded): problems are collected
 * as syntax errors and a best-effort token is still produced, so the parser can keep going and
 * the editor can show every mistake at once.
 */

import { EqlSyntaxError } from './errors.js';
import { PUNCTUATORS, type PunctuatorKind, type Token, type TokenKind } from './token.js';

export interface LexOptions {
  /** Abort (throwing `EQL_TOO_MANY_TOKENS`) once this many tokens have been produced. */
  readonly maxTokens?: number;
}

export interface LexResult {
  /** Always ends with one `EOF` token. */
  readonly tokens: readonly Token[];
  readonly errors: readonly EqlSyntaxError[];
}

export const DEFAULT_MAX_TOKENS = 100_000;

const SIMPLE_ESCAPES: Readonly<Record<string, string>> = {
  b: '\b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
  '"': '"',
  "'": "'",
  '\\': '\\',
};

const TWO_CHAR_PUNCTUATORS: ReadonlySet<string> = new Set(PUNCTUATORS.filter((p) => p.length === 2));
const ONE_CHAR_PUNCTUATORS: ReadonlySet<string> = new Set(PUNCTUATORS.filter((p) => p.length === 1));

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

function isLetter(code: number): boolean {
  return (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
}

function isIdentifierPart(code: number): boolean {
  return isLetter(code) || isDigit(code) || code === 95;
}

function isHexDigit(char: string | undefined): boolean {
  return char !== undefined && /^[0-9A-Fa-f]$/.test(char);
}

/** Tokenize `source`. */
export function lex(source: string, options: LexOptions = {}): LexResult {
  const lexer = new Lexer(source, options.maxTokens ?? DEFAULT_MAX_TOKENS);
  return lexer.run();
}

class Lexer {
  private position = 0;
  private readonly tokens: Token[] = [];
  private readonly errors: EqlSyntaxError[] = [];

  constructor(
    private readonly source: string,
    private readonly maxTokens: number,
  ) {}

  run(): LexResult {
    for (;;) {
      this.skipTrivia();
      if (this.position >= this.source.length) break;
      this.push(this.readToken());
    }
    this.tokens.push(this.token('EOF', '', this.source.length, this.source.length));
    return { tokens: this.tokens, errors: this.errors };
  }

  private push(token: Token | null): void {
    if (token === null) return;
    if (this.tokens.length >= this.maxTokens) {
      throw new EqlSyntaxError(
        'EQL_TOO_MANY_TOKENS',
        `Query has more than ${this.maxTokens} tokens; parsing aborted.`,
        this.source,
        { start: token.start, end: token.end },
      );
    }
    this.tokens.push(token);
  }

  private token(
    kind: TokenKind,
    value: string,
    start: number,
    end: number,
    tilde = false,
    raw = false,
  ): Token {
    return { kind, value, start, end, tilde, raw };
  }

  private error(message: string, start: number, end: number): void {
    this.errors.push(new EqlSyntaxError('EQL_SYNTAX', message, this.source, { start, end }));
  }

  private skipTrivia(): void {
    const source = this.source;
    while (this.position < source.length) {
      const char = source[this.position];
      if (char === ' ' || char === '\t' || char === '\n' || char === '\r') {
        this.position += 1;
      } else if (char === '/' && source[this.position + 1] === '/') {
        while (
          this.position < source.length &&
          source[this.position] !== '\n' &&
          source[this.position] !== '\r'
        ) {
          this.position += 1;
        }
      } else if (char === '/' && source[this.position + 1] === '*') {
        this.skipBlockComment();
      } else {
        return;
      }
    }
  }

  /** Block comments nest, as in the Elasticsearch grammar. */
  private skipBlockComment(): void {
    const start = this.position;
    let depth = 0;
    const source = this.source;
    while (this.position < source.length) {
      if (source.startsWith('/*', this.position)) {
        depth += 1;
        this.position += 2;
      } else if (source.startsWith('*/', this.position)) {
        depth -= 1;
        this.position += 2;
        if (depth === 0) return;
      } else {
        this.position += 1;
      }
    }
    this.error('Unterminated comment.', start, start + 2);
  }

  private readToken(): Token | null {
    const source = this.source;
    const start = this.position;
    const char = source[start] ?? '';
    const code = char.charCodeAt(0);

    if (isLetter(code) || char === '_' || char === '@') return this.readIdentifier(start);
    if (isDigit(code) || (char === '.' && isDigit(source.charCodeAt(start + 1))))
      return this.readNumber(start);
    if (char === '"') {
      return source.startsWith('"""', start) ? this.readRawString(start) : this.readString(start, '"');
    }
    if (char === "'") {
      const token = this.readString(start, "'");
      this.error(`Use double quotes ["] to define string literals, not single quotes [']`, start, token.end);
      return token;
    }
    if (char === '?' && (source[start + 1] === '"' || source[start + 1] === "'")) {
      return this.readLegacyRawString(start);
    }
    if (char === '`') return this.readQuotedIdentifier(start);

    const pair = source.slice(start, start + 2);
    if (TWO_CHAR_PUNCTUATORS.has(pair)) {
      this.position += 2;
      return this.token(pair as PunctuatorKind, pair, start, start + 2);
    }
    if (ONE_CHAR_PUNCTUATORS.has(char)) {
      this.position += 1;
      return this.token(char as PunctuatorKind, char, start, start + 1);
    }

    // One unexpected character (a whole surrogate pair, so the caret covers the glyph).
    const width = code >= 0xd800 && code <= 0xdbff && source.length > start + 1 ? 2 : 1;
    this.position += width;
    this.error(
      `Unexpected character ${JSON.stringify(source.slice(start, start + width))}.`,
      start,
      start + width,
    );
    return null;
  }

  private readIdentifier(start: number): Token {
    const source = this.source;
    let end = start + 1;
    while (end < source.length && isIdentifierPart(source.charCodeAt(end))) end += 1;
    const value = source.slice(start, end);
    if (source[end] === '~') {
      this.position = end + 1;
      return this.token('Identifier', value, start, end + 1, true);
    }
    this.position = end;
    return this.token('Identifier', value, start, end);
  }

  /** `12`, `1.5`, `.5`, `1.`, `1e3`, `2.5E-3`. */
  private readNumber(start: number): Token {
    const source = this.source;
    let end = start;
    let decimal = false;
    while (isDigit(source.charCodeAt(end))) end += 1;
    if (source[end] === '.' && !isLetter(source.charCodeAt(end + 1)) && source[end + 1] !== '_') {
      decimal = true;
      end += 1;
      while (isDigit(source.charCodeAt(end))) end += 1;
    }
    if (source[end] === 'e' || source[end] === 'E') {
      let cursor = end + 1;
      if (source[cursor] === '+' || source[cursor] === '-') cursor += 1;
      if (isDigit(source.charCodeAt(cursor))) {
        while (isDigit(source.charCodeAt(cursor))) cursor += 1;
        decimal = true;
        end = cursor;
      }
    }
    this.position = end;
    return this.token(decimal ? 'Decimal' : 'Integer', source.slice(start, end), start, end);
  }

  /** `"…"` (or `'…'`, which is reported by the caller) with backslash escapes, on one line. */
  private readString(start: number, quote: '"' | "'"): Token {
    const source = this.source;
    let cursor = start + 1;
    let value = '';
    for (;;) {
      const char = source[cursor];
      if (char === undefined || char === '\n' || char === '\r') {
        this.error('Unterminated string.', start, cursor);
        this.position = cursor;
        return this.token('String', value, start, cursor);
      }
      if (char === quote) {
        this.position = cursor + 1;
        return this.token('String', value, start, cursor + 1);
      }
      if (char !== '\\') {
        value += char;
        cursor += 1;
        continue;
      }
      const next = source[cursor + 1];
      const simple = next === undefined ? undefined : SIMPLE_ESCAPES[next];
      if (simple !== undefined) {
        value += simple;
        cursor += 2;
      } else if (next === 'u' && source[cursor + 2] === '{') {
        const decoded = this.readUnicodeEscape(cursor);
        value += decoded.text;
        cursor = decoded.end;
      } else {
        const end = next === undefined || next === '\n' || next === '\r' ? cursor + 1 : cursor + 2;
        this.error(
          `Invalid escape sequence ${JSON.stringify(source.slice(cursor, end))} in string.`,
          cursor,
          end,
        );
        value += source.slice(cursor + 1, end);
        cursor = end;
      }
    }
  }

  /** `\u{XX}` with 2 to 8 hex digits naming a Unicode scalar value. */
  private readUnicodeEscape(backslash: number): { text: string; end: number } {
    const source = this.source;
    let cursor = backslash + 3;
    while (isHexDigit(source[cursor])) cursor += 1;
    const digits = source.slice(backslash + 3, cursor);
    if (source[cursor] !== '}') {
      this.error('Unterminated unicode escape: expected "}".', backslash, cursor);
      return { text: '', end: cursor };
    }
    const end = cursor + 1;
    if (digits.length < 2 || digits.length > 8) {
      this.error(
        `Unicode sequence should use [2-8] hex digits, [${source.slice(backslash, end)}] has [${digits.length}].`,
        backslash,
        end,
      );
      return { text: '', end };
    }
    const codePoint = Number.parseInt(digits, 16);
    if (codePoint > 0x10ffff) {
      this.error(`Invalid unicode character code [${digits}].`, backslash, end);
      return { text: '', end };
    }
    // Elasticsearch's wording (ExpressionTests.testUnicodeWithInvalidUnicodePoints).
    if (codePoint >= 0xd800 && codePoint <= 0xdfff) {
      this.error(`Invalid unicode character code, [${digits}] is a surrogate code.`, backslash, end);
      return { text: '', end };
    }
    return { text: String.fromCodePoint(codePoint), end };
  }

  /**
   * `"""raw"""`: no escapes, one line. Like Elasticsearch, up to two extra quotes right after the
   * closing `"""` belong to the content, so a raw string can end with a quote.
   */
  private readRawString(start: number): Token {
    const source = this.source;
    let close = -1;
    for (let cursor = start + 3; cursor < source.length; cursor += 1) {
      const char = source[cursor];
      if (char === '\n' || char === '\r') break;
      if (source.startsWith('"""', cursor)) {
        close = cursor;
        break;
      }
    }
    if (close < 0) {
      let end = start + 3;
      while (end < source.length && source[end] !== '\n' && source[end] !== '\r') end += 1;
      this.error('Unterminated raw string.', start, end);
      this.position = end;
      return this.token('String', source.slice(start + 3, end), start, end, false, true);
    }
    let end = close + 3;
    for (let extra = 0; extra < 2 && source[end] === '"'; extra += 1) end += 1;
    this.position = end;
    return this.token('String', source.slice(start + 3, end - 3), start, end, false, true);
  }

  /** `?"…"` / `?'…'`, the legacy raw strings of the Python EQL implementation. */
  private readLegacyRawString(start: number): Token {
    const source = this.source;
    const quote = source[start + 1];
    let cursor = start + 2;
    while (
      cursor < source.length &&
      source[cursor] !== quote &&
      source[cursor] !== '\n' &&
      source[cursor] !== '\r'
    ) {
      cursor += source[cursor] === '\\' && source[cursor + 1] === quote ? 2 : 1;
    }
    const end = Math.min(source.length, cursor + 1);
    // Quote the form actually written: `?"` or `?'` (ExpressionTests.testSingleQuotedUnescapedStringDisallowed).
    this.error(
      `Use triple double quotes ["""] to define unescaped string literals, not [?${quote ?? '"'}].`,
      start,
      end,
    );
    this.position = end;
    return this.token('String', source.slice(start + 2, cursor), start, end, false, true);
  }

  /** `` `any text` `` with ``` `` ``` standing for one backquote. */
  private readQuotedIdentifier(start: number): Token {
    const source = this.source;
    let cursor = start + 1;
    let value = '';
    while (cursor < source.length) {
      const char = source[cursor];
      if (char === '`') {
        if (source[cursor + 1] === '`') {
          value += '`';
          cursor += 2;
          continue;
        }
        this.position = cursor + 1;
        return this.token('QuotedIdentifier', value, start, cursor + 1);
      }
      value += char;
      cursor += 1;
    }
    this.error('Unterminated quoted name: expected "`".', start, cursor);
    this.position = cursor;
    return this.token('QuotedIdentifier', value, start, cursor);
  }
}
