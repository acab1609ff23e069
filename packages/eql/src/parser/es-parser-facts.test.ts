/**
 * Lexing and parsing facts stated by Elasticsearch's unit tests (ExpressionTests, VerifierTests,
 * LogicalPlanTests, GrammarTests with queries-supported.eql / queries-unsupported.eql).
 * Inputs are ours; the wording is Elasticsearch's, in our "Expected X, found Y" form where the
 * error is a plain syntax error.
 */

import { describe, expect, it } from 'vitest';
import type { LiteralNode } from '../ast.js';
import { parseExpression, parseExpressionWithDiagnostics, parseWithDiagnostics } from '../parser.js';

function errors(source: string): { message: string; line: number; column: number }[] {
  return parseWithDiagnostics(source).errors.map(({ message, line, column }) => ({ message, line, column }));
}

function expressionErrors(source: string): string[] {
  return parseExpressionWithDiagnostics(source).errors.map((error) => error.message);
}

describe('strings (ExpressionTests)', () => {
  it('quotes the legacy raw-string form actually written, ?" or ?\'', () => {
    // testSingleQuotedUnescapedStringDisallowed
    expect(expressionErrors("?'C:\\temp'")).toEqual([
      'Use triple double quotes ["""] to define unescaped string literals, not [?\'].',
    ]);
    expect(expressionErrors('?"C:\\temp"')).toEqual([
      'Use triple double quotes ["""] to define unescaped string literals, not [?"].',
    ]);
  });

  it('names surrogate code points as the reason (testUnicodeWithInvalidUnicodePoints)', () => {
    expect(expressionErrors('"\\u{DBFF}"')).toEqual([
      'Invalid unicode character code, [DBFF] is a surrogate code.',
    ]);
    expect(expressionErrors('"\\u{110000}"')).toEqual(['Invalid unicode character code [110000].']);
  });

  it('decodes 2 to 8 hex digits, NUL included (testStringWithUnicodeEscapedChars)', () => {
    expect((parseExpression('"a\\u{00}b\\u{00000041}\\u{1F600}"') as LiteralNode).value).toBe('a\u0000bA😀');
  });

  it('rejects backslash escapes the grammar does not list (STRING_ESCAPE is [btnfr"\'\\\\])', () => {
    expect(expressionErrors('"C:\\Windows"')).toEqual(['Invalid escape sequence "\\\\W" in string.']);
  });

  it('keeps quotes inside raw strings and up to two trailing ones (testTripleDoubleQuotedUnescapedString)', () => {
    expect((parseExpression('"""say "hi"""""') as LiteralNode).value).toBe('say "hi""');
  });
});

describe('queries (VerifierTests, LogicalPlanTests, queries-*.eql)', () => {
  it('accepts quoted event categories with any characters (testQuotedEventType)', () => {
    expect(errors('"my-cat.1!" where true')).toEqual([]);
    expect(errors('sequence ["a\\"b" where true] ["""x""y""" where true]')).toEqual([]);
  });

  it('rejects a number, an optional field or a backquoted name as event category', () => {
    expect(errors('7 where true')[0]).toMatchObject({ line: 1, column: 1 });
    expect(errors('?proc where true')[0]).toMatchObject({ line: 1, column: 1 });
    expect(errors('`proc` where true')[0]).toMatchObject({ line: 1, column: 1 });
  });

  it('rejects process relationships at the relation name (testProcessRelationshipsUnsupported)', () => {
    expect(errors('file where a == 1\n   and child of [process where true]')).toEqual([
      { message: 'Process relationships are not supported', line: 2, column: 8 },
    ]);
  });

  it('rejects decimal maxspans and array indexes (queries-unsupported.eql)', () => {
    expect(errors('sequence with maxspan=1.5h [a where true] [b where true]')).toEqual([
      {
        message: 'Decimal time interval [1.5] not supported; please use an positive integer',
        line: 1,
        column: 23,
      },
    ]);
    expect(errors('any where a.b[2].c == 1').map((error) => error.message)).toEqual([
      'Array indexes are not supported',
    ]);
  });
});
