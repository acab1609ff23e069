import { describe, expect, it } from 'vitest';
import { lex } from './lexer.js';
import { PUNCTUATORS } from './token.js';

function kinds(source: string): string[] {
  return lex(source).tokens.map((token) =>
    token.kind === 'Identifier' ? `${token.value}${token.tilde ? '~' : ''}` : token.kind,
  );
}

function values(source: string): string[] {
  return lex(source)
    .tokens.slice(0, -1)
    .map((token) => token.value);
}

function errors(source: string): { message: string; line: number; column: number }[] {
  return lex(source).errors.map(({ message, line, column }) => ({ message, line, column }));
}

describe('lex', () => {
  it('produces tokens with offsets and a final EOF', () => {
    const { tokens } = lex('process where x == 1');
    expect(tokens.map(({ kind, start, end }) => [kind, start, end])).toEqual([
      ['Identifier', 0, 7],
      ['Identifier', 8, 13],
      ['Identifier', 14, 15],
      ['==', 16, 18],
      ['Integer', 19, 20],
      ['EOF', 20, 20],
    ]);
  });

  it('reads every punctuator as itself', () => {
    expect(kinds(PUNCTUATORS.join(' '))).toEqual([...PUNCTUATORS, 'EOF']);
  });

  it('takes the longest punctuator first', () => {
    expect(kinds('<=>=!=![==<>!~')).toEqual(['<=', '>=', '!=', '![', '==', '<', '>', '!', '~', 'EOF']);
  });

  it('reads @-names, dotted paths as separate tokens, and ~ glued to a name', () => {
    expect(kinds('@timestamp process.name in~ like~ regex~ startsWith~(')).toEqual([
      '@timestamp',
      'process',
      '.',
      'name',
      'in~',
      'like~',
      'regex~',
      'startsWith~',
      '(',
      'EOF',
    ]);
    expect(kinds('in ~')).toEqual(['in', '~', 'EOF']);
  });

  it('reads integers, decimals and exponents', () => {
    const { tokens } = lex('12 1.5 .5 1. 1e3 2.5E-3 5s');
    expect(tokens.map((token) => `${token.kind}:${token.value}`)).toEqual([
      'Integer:12',
      'Decimal:1.5',
      'Decimal:.5',
      'Decimal:1.',
      'Decimal:1e3',
      'Decimal:2.5E-3',
      'Integer:5',
      'Identifier:s',
      'EOF:',
    ]);
  });

  it('decodes string escapes', () => {
    expect(values(String.raw`"a\nb\tc\rd\"e\\f\'g\bh\fi"`)).toEqual(['a\nb\tc\rd"e\\f\'g\bh\fi']);
    expect(values(String.raw`"\u{41}\u{1F600}\u{00e9}"`)).toEqual(['A😀é']);
  });

  it('keeps raw strings verbatim, including trailing quotes', () => {
    expect(values('"""C:\\Windows\\*.exe"""')).toEqual(['C:\\Windows\\*.exe']);
    expect(values('"""say "hi""""')).toEqual(['say "hi"']);
    expect(lex('"""x"""').tokens[0]?.raw).toBe(true);
  });

  it('reads backquoted names with `` as an escaped backquote', () => {
    const [token] = lex('`my field``s`').tokens;
    expect(token?.kind).toBe('QuotedIdentifier');
    expect(token?.value).toBe('my field`s');
  });

  it('skips line comments and nested block comments', () => {
    expect(kinds('a // comment\n/* outer /* inner */ still */ b')).toEqual(['a', 'b', 'EOF']);
  });

  it('rejects single quotes with the Elasticsearch message, still producing a string', () => {
    const result = lex("x == 'abc'");
    expect(result.tokens[2]?.kind).toBe('String');
    expect(result.tokens[2]?.value).toBe('abc');
    expect(errors("x == 'abc'")).toEqual([
      {
        message: `Use double quotes ["] to define string literals, not single quotes [']`,
        line: 1,
        column: 6,
      },
    ]);
  });

  it('reports lexical errors with positions', () => {
    expect(errors('a == "abc')).toEqual([{ message: 'Unterminated string.', line: 1, column: 6 }]);
    expect(errors('a == "x\ny"')).toEqual([
      { message: 'Unterminated string.', line: 1, column: 6 },
      { message: 'Unterminated string.', line: 2, column: 2 },
    ]);
    expect(errors('a # b')).toEqual([{ message: 'Unexpected character "#".', line: 1, column: 3 }]);
    expect(errors(String.raw`"\q"`)).toEqual([
      { message: String.raw`Invalid escape sequence "\\q" in string.`, line: 1, column: 2 },
    ]);
    expect(errors(String.raw`"\u{1}"`)).toEqual([
      {
        message: String.raw`Unicode sequence should use [2-8] hex digits, [\u{1}] has [1].`,
        line: 1,
        column: 2,
      },
    ]);
    expect(errors(String.raw`"\u{D800}"`)).toEqual([
      { message: 'Invalid unicode character code, [D800] is a surrogate code.', line: 1, column: 2 },
    ]);
    expect(errors('/* open')).toEqual([{ message: 'Unterminated comment.', line: 1, column: 1 }]);
    expect(errors('`open')).toEqual([
      { message: 'Unterminated quoted name: expected "`".', line: 1, column: 1 },
    ]);
    expect(errors('?"legacy"')).toEqual([
      {
        message: 'Use triple double quotes ["""] to define unescaped string literals, not [?"].',
        line: 1,
        column: 1,
      },
    ]);
  });

  it('aborts past maxTokens', () => {
    expect(() => lex('a a a a', { maxTokens: 3 })).toThrow('Query has more than 3 tokens; parsing aborted.');
    expect(lex('a a a', { maxTokens: 3 }).tokens).toHaveLength(4);
  });
});
