import { describe, expect, it } from 'vitest';
import { stripLoc } from '../test/ast-utils.js';
import type { EventQueryNode, Expression, QueryNode, SequenceNode } from './ast.js';
import { EqlSyntaxError } from './errors.js';
import { compile } from './execute/compile.js';
import { formatGrouped } from './format.js';
import { parse, parseExpression, parseWithDiagnostics } from './parser.js';

function condition(source: string): Expression {
  const { body } = parse(`any where ${source}`);
  return (body as EventQueryNode).condition;
}

function grouped(source: string): string {
  return formatGrouped(parseExpression(source));
}

function errorsOf(source: string): { message: string; line: number; column: number }[] {
  return parseWithDiagnostics(source).errors.map(({ message, line, column }) => ({ message, line, column }));
}

function firstError(source: string): { message: string; line: number; column: number; code: string } {
  try {
    parse(source);
  } catch (error) {
    if (!(error instanceof EqlSyntaxError)) throw error;
    return { message: error.message, line: error.line, column: error.column, code: error.code };
  }
  throw new Error(`expected a syntax error for ${source}`);
}

describe('parse: event queries', () => {
  it('builds the tree with locations', () => {
    const ast = parse('process where process.name == "cmd.exe"');
    expect(ast).toEqual({
      kind: 'Query',
      loc: { start: 0, end: 39 },
      pipes: [],
      body: {
        kind: 'EventQuery',
        loc: { start: 0, end: 39 },
        category: { kind: 'EventCategory', name: 'process', loc: { start: 0, end: 7 } },
        condition: {
          kind: 'Comparison',
          op: '==',
          loc: { start: 14, end: 39 },
          left: { kind: 'Field', path: ['process', 'name'], optional: false, loc: { start: 14, end: 26 } },
          right: { kind: 'Literal', value: 'cmd.exe', loc: { start: 30, end: 39 } },
        },
      },
    });
  });

  it('reads any, names and quoted categories', () => {
    expect((parse('any where true').body as EventQueryNode).category.name).toBeNull();
    expect((parse('"process" where true').body as EventQueryNode).category.name).toBe('process');
    expect((parse('"my category" where true').body as EventQueryNode).category.name).toBe('my category');
  });

  it('reads literals with number types', () => {
    expect(stripLoc(parseExpression('1'))).toEqual({ kind: 'Literal', value: 1, numberType: 'integer' });
    expect(stripLoc(parseExpression('-1'))).toEqual({ kind: 'Literal', value: -1, numberType: 'integer' });
    expect(stripLoc(parseExpression('1.5'))).toEqual({ kind: 'Literal', value: 1.5, numberType: 'float' });
    expect(stripLoc(parseExpression('1e3'))).toEqual({ kind: 'Literal', value: 1000, numberType: 'float' });
    expect(stripLoc(parseExpression('9223372036854775807'))).toMatchObject({ numberType: 'integer' });
    expect(stripLoc(parseExpression('9223372036854775808'))).toMatchObject({ numberType: 'float' });
    expect(stripLoc(parseExpression('null'))).toEqual({ kind: 'Literal', value: null });
    expect(stripLoc(parseExpression('false'))).toEqual({ kind: 'Literal', value: false });
    expect(stripLoc(parseExpression('"""a\\b"""'))).toEqual({ kind: 'Literal', value: 'a\\b' });
  });

  it('reads fields: dotted, @, backquoted, optional, keywords after a dot', () => {
    expect(stripLoc(condition('?`my field`.`a``b`.c'))).toEqual({
      kind: 'Field',
      path: ['my field', 'a`b', 'c'],
      optional: true,
    });
    expect(stripLoc(condition('@timestamp'))).toEqual({
      kind: 'Field',
      path: ['@timestamp'],
      optional: false,
    });
    expect(stripLoc(condition('event.sequence'))).toEqual({
      kind: 'Field',
      path: ['event', 'sequence'],
      optional: false,
    });
  });

  it('reads every predicate form', () => {
    expect(stripLoc(condition('a in~ ("x", "y")'))).toEqual({
      kind: 'In',
      value: { kind: 'Field', path: ['a'], optional: false },
      list: [
        { kind: 'Literal', value: 'x' },
        { kind: 'Literal', value: 'y' },
      ],
      negated: false,
      caseInsensitive: true,
    });
    expect(stripLoc(condition('a not in (1)'))).toMatchObject({
      kind: 'In',
      negated: true,
      caseInsensitive: false,
    });
    expect(stripLoc(condition('a : "x*"'))).toMatchObject({
      kind: 'StringMatch',
      op: ':',
      caseInsensitive: true,
    });
    expect(stripLoc(condition('a like~ ("x*", "y")'))).toMatchObject({
      kind: 'StringMatch',
      op: 'like',
      caseInsensitive: true,
    });
    expect(stripLoc(condition('a regex "x.*"'))).toMatchObject({
      kind: 'StringMatch',
      op: 'regex',
      caseInsensitive: false,
    });
    expect(stripLoc(condition('a regex~ "x.*"'))).toMatchObject({
      kind: 'StringMatch',
      op: 'regex',
      caseInsensitive: true,
    });
  });

  it('reads function calls, with ~ and any letter case', () => {
    expect(stripLoc(condition('startsWith~(a, "x")'))).toEqual({
      kind: 'FunctionCall',
      name: 'startsWith',
      caseInsensitive: true,
      args: [
        { kind: 'Field', path: ['a'], optional: false },
        { kind: 'Literal', value: 'x' },
      ],
    });
    expect(stripLoc(condition('cidrmatch(ip, "10.0.0.0/8")'))).toMatchObject({
      name: 'cidrmatch',
      caseInsensitive: false,
    });
  });

  it('flattens and/or chains, also through parentheses', () => {
    const node = condition('a and (b and c) and d');
    expect(node.kind === 'Logical' && node.operands.length).toBe(4);
  });
});

describe('parse: precedence', () => {
  const cases: [string, string][] = [
    ['a or b and c', '(a or (b and c))'],
    ['a and b or c', '((a and b) or c)'],
    ['not a and b', '((not a) and b)'],
    ['not a == 1', '(not (a == 1))'],
    ['not not a', '(not (not a))'],
    ['a == 1 or b != 2 and c < 3', '((a == 1) or ((b != 2) and (c < 3)))'],
    ['1 + 2 * 3', '(1 + (2 * 3))'],
    ['1 * 2 + 3', '((1 * 2) + 3)'],
    ['1 - 2 - 3', '((1 - 2) - 3)'],
    ['1 - (2 - 3)', '(1 - (2 - 3))'],
    ['8 / 4 % 3 * 2', '(((8 / 4) % 3) * 2)'],
    ['-a * b', '((-a) * b)'],
    ['- -a', '(-(-a))'],
    ['a + 1 == b * 2', '((a + 1) == (b * 2))'],
    ['a : "x" and b like "y" or c regex "z"', '(((a : ("x")) and (b like ("y"))) or (c regex ("z")))'],
    ['not a in (1) or b', '((not (a in (1))) or b)'],
    ['length(a) + 1 > 2', '((length(a) + 1) > 2)'],
    ['(a or b) and c', '((a or b) and c)'],
    ['(a == 1) == true', '((a == 1) == true)'],
    ['a in (1, 2) == false', '((a in (1, 2)) == false)'],
    ['a : "x" != true', '((a : ("x")) != true)'],
    ['(a + 1) in (2, 3)', '((a + 1) in (2, 3))'],
    ['(-a) : "x"', '((-a) : ("x"))'],
  ];
  for (const [source, expected] of cases) {
    it(`${source} → ${expected}`, () => {
      expect(grouped(source)).toBe(expected);
    });
  }
});

describe('parse: sequences, samples, pipes', () => {
  it('reads a full sequence', () => {
    const ast = parse(
      'sequence by host.id, user.name with maxspan=5m [process where true] by a with runs=2 ![file where true] by b [any where true] by c until [network where true] by d',
    );
    const body = stripLoc(ast.body) as SequenceNode;
    expect(body.by).toEqual([
      { kind: 'Field', path: ['host', 'id'], optional: false },
      { kind: 'Field', path: ['user', 'name'], optional: false },
    ]);
    expect(body.maxspan).toEqual({ kind: 'TimeSpan', value: 5, unit: 'm', millis: 300_000 });
    expect(body.terms.map((term) => [term.query.category.name, term.runs, term.missing])).toEqual([
      ['process', 2, false],
      ['file', null, true],
      [null, null, false],
    ]);
    expect(body.until?.query.category.name).toBe('network');
  });

  it('reads every maxspan unit, with or without a space', () => {
    const millis = ['1ms', '2s', '3m', '4h', '5d', '6 s'].map(
      (span) =>
        (parse(`sequence with maxspan=${span} [a where true] [b where true]`).body as SequenceNode).maxspan
          ?.millis,
    );
    expect(millis).toEqual([1, 2_000, 180_000, 14_400_000, 432_000_000, 6_000]);
  });

  it('reads samples and pipes', () => {
    const ast = parse('sample by host [process where true] by a [file where true] by b | head 3 | tail 1');
    expect(ast.body.kind).toBe('Sample');
    expect(stripLoc(ast.pipes)).toEqual([
      { kind: 'Pipe', name: 'head', args: [{ kind: 'Literal', value: 3, numberType: 'integer' }] },
      { kind: 'Pipe', name: 'tail', args: [{ kind: 'Literal', value: 1, numberType: 'integer' }] },
    ]);
  });

  it('parses unknown pipes (verify rejects them)', () => {
    expect(parse('process where true | unique a, b').pipes[0]?.args).toHaveLength(2);
  });
});

describe('parse: errors', () => {
  const cases: [string, { message: string; line: number; column: number }][] = [
    ['process where', { message: 'Expected an expression, found end of query.', line: 1, column: 14 }],
    ['process', { message: 'Expected "where", found end of query.', line: 1, column: 8 }],
    [
      'where x',
      {
        message: 'Expected an event category, "any", "sequence" or "sample", found keyword "where".',
        line: 1,
        column: 1,
      },
    ],
    [
      'process where a = 1',
      {
        message: 'Expected a comparison operator, found "=". Use "==" to test equality.',
        line: 1,
        column: 17,
      },
    ],
    [
      "process where a == 'x'",
      {
        message: `Use double quotes ["] to define string literals, not single quotes [']`,
        line: 1,
        column: 20,
      },
    ],
    [
      'process where 1 < a < 3',
      {
        message: 'Chained comparisons are not supported; join the comparisons with "and".',
        line: 1,
        column: 21,
      },
    ],
    ['process where a[0] == 1', { message: 'Array indexes are not supported', line: 1, column: 17 }],
    [
      'process where descendant of [process where true]',
      { message: 'Process relationships are not supported', line: 1, column: 15 },
    ],
    [
      'process where child of [process where true]',
      { message: 'Process relationships are not supported', line: 1, column: 15 },
    ],
    [
      'process where event of [process where true]',
      { message: 'Process relationships are not supported', line: 1, column: 15 },
    ],
    ['join [a where true] [b where true]', { message: 'Join is not supported', line: 1, column: 1 }],
    [
      'sequence with maxspan=5s by a [a where true] [b where true]',
      { message: 'Please specify sequence [by] before [with] not after', line: 1, column: 26 },
    ],
    [
      'sequence with maxspan=5 [a where true] [b where true]',
      { message: 'No time unit specified, did you mean [s] as in [5s]?', line: 1, column: 23 },
    ],
    [
      'sequence with maxspan=1.5s [a where true] [b where true]',
      {
        message: 'Decimal time interval [1.5] not supported; please use an positive integer',
        line: 1,
        column: 23,
      },
    ],
    [
      'sequence with maxspan=5y [a where true] [b where true]',
      {
        message: 'Unrecognized time unit [y] in [5y], please specify one of [ms, s, m, h, d]',
        line: 1,
        column: 24,
      },
    ],
    [
      'sequence with maxspan=0s [a where true] [b where true]',
      { message: 'A positive maxspan value is required; found [0]', line: 1, column: 23 },
    ],
    [
      'sequence',
      { message: 'Expected "[" to start a sequence query, found end of query.', line: 1, column: 9 },
    ],
    ['process where a in ()', { message: 'Expected an expression, found ")".', line: 1, column: 21 }],
    [
      'process where a : b',
      { message: 'Expected a string, number, boolean or null, found name "b".', line: 1, column: 19 },
    ],
    ['process where f(a', { message: 'Expected "," or ")", found end of query.', line: 1, column: 18 }],
    [
      'process where a == 1 b',
      { message: 'Expected "and", "or", "|" or end of query, found name "b".', line: 1, column: 22 },
    ],
    [
      'process where a.name~ == 1',
      { message: 'Expected "(" after "name~", found "==".', line: 1, column: 23 },
    ],
    [
      'process where true |',
      { message: 'Expected a pipe name such as head or tail, found end of query.', line: 1, column: 21 },
    ],
    [
      'process where !a',
      { message: 'Expected an expression, found "!". Use "not" to negate.', line: 1, column: 15 },
    ],
    ['process where a not b', { message: 'Expected "in" after "not", found name "b".', line: 1, column: 21 }],
    [
      'sequence [a where true] with foo=1 [b where true]',
      { message: 'Expected "runs", found name "foo".', line: 1, column: 30 },
    ],
    [
      'process where\n  a ==\n  and b',
      { message: 'Expected an expression, found keyword "and".', line: 3, column: 3 },
    ],
  ];
  for (const [source, expected] of cases) {
    it(JSON.stringify(source), () => {
      expect(firstError(source)).toEqual({
        ...expected,
        code: expected.message.startsWith('Join') ? 'EQL_UNSUPPORTED' : 'EQL_SYNTAX',
      });
    });
  }

  it('reports several errors after recovering', () => {
    expect(errorsOf('process where a == and b = 1 and c in () and d == "x')).toEqual([
      { message: 'Expected an expression, found keyword "and".', line: 1, column: 20 },
      {
        message: 'Expected a comparison operator, found "=". Use "==" to test equality.',
        line: 1,
        column: 26,
      },
      { message: 'Expected an expression, found ")".', line: 1, column: 40 },
      { message: 'Unterminated string.', line: 1, column: 51 },
    ]);
  });

  it('recovers inside sequence terms and pipes', () => {
    const { ast, errors } = parseWithDiagnostics(
      'sequence [a where ==] [b where x = 1] [c where true] | head | foo (',
    );
    expect(errors.map((error) => error.message)).toEqual([
      'Expected an expression, found "==".',
      'Expected a comparison operator, found "=". Use "==" to test equality.',
      'Expected an expression, found end of query.',
    ]);
    expect((ast?.body as SequenceNode | undefined)?.terms).toHaveLength(3);
  });

  it('names the fix when a keyword is written in upper case (keywords are lower-case only)', () => {
    const messages = (source: string) => parseWithDiagnostics(source).errors.map(String);
    expect(messages('process where a == 1 AND b == 2')).toEqual([
      '1:22: Expected "and", "or", "|" or end of query, found name "AND". Keywords are lower-case: write "and".',
    ]);
    expect(messages('Process WHERE a == 1')).toEqual([
      '1:9: Expected "where", found name "WHERE". Keywords are lower-case: write "where".',
    ]);
    expect(messages('process where a LIKE~ "x"')).toEqual([
      '1:17: Expected "and", "or", "|" or end of query, found "LIKE~". Keywords are lower-case: write "like~".',
    ]);
    // `NOT` parses as a field, so the error lands on the name after it: the hint still names it.
    expect(messages('process where NOT a == 1')).toEqual([
      '1:19: Expected "and", "or", "|" or end of query, found name "a". Keywords are lower-case: write "not".',
    ]);
    // A field segment after a dot is a name, never a misspelt keyword.
    expect(messages('process where a.NOT b')).toEqual([
      '1:21: Expected "and", "or", "|" or end of query, found name "b".',
    ]);
  });

  it('carries both ends of the range and serialises to JSON', () => {
    const [error] = parseWithDiagnostics('process where\n  a == "open').errors;
    expect(error?.toJSON()).toEqual({
      name: 'EqlSyntaxError',
      code: 'EQL_SYNTAX',
      message: 'Unterminated string.',
      range: { start: 21, end: 26 },
      line: 2,
      column: 8,
      endLine: 2,
      endColumn: 13,
      codeFrame: ['1 | process where', '2 |   a == "open', '  |        ^^^^^'].join('\n'),
    });
    expect(String(error)).toBe('2:8: Unterminated string.');
  });

  it('carries a code frame', () => {
    const error = parseWithDiagnostics('process where\n  a = 1').errors[0];
    expect(error?.codeFrame).toBe(['1 | process where', '2 |   a = 1', '  |     ^'].join('\n'));
  });

  it('refuses more tokens than maxTokens', () => {
    const { ast, errors } = parseWithDiagnostics('process where a == 1 and b == 2', { maxTokens: 5 });
    expect(ast).toBeNull();
    expect(errors.map((error) => [error.code, error.message])).toEqual([
      ['EQL_TOO_MANY_TOKENS', 'Query has more than 5 tokens; parsing aborted.'],
    ]);
  });

  it('refuses pathological nesting instead of overflowing the stack', () => {
    const deep = `process where ${'('.repeat(10_000)}a${')'.repeat(10_000)}`;
    expect(errorsOf(deep)[0]?.message).toBe('Query nests too deeply (more than 500 levels).');
    const nots = `process where ${'not '.repeat(10_000)}a`;
    expect(errorsOf(nots)[0]?.message).toBe('Query nests too deeply (more than 500 levels).');
  });

  it('refuses operator chains too deep for the recursive passes after parsing', () => {
    const ones = (n: number): string => Array.from({ length: n }, () => '1').join(' + ');
    const { ast, errors } = parseWithDiagnostics(`process where a == ${ones(5000)}`);
    expect(ast).toBeNull();
    expect(errors.map(({ code, message, line, column }) => ({ code, message, line, column }))).toEqual([
      {
        code: 'EQL_SYNTAX',
        message: 'Query nests too deeply (more than 1000 levels of operators).',
        line: 1,
        column: 20,
      },
    ]);
    expect(() => compile(`process where a == ${ones(5000)}`)).toThrow(EqlSyntaxError);
    // A chain that fits is parsed, compiled and run.
    const executor = compile(`process where a == ${ones(900)}`).executor({});
    executor.push({
      _index: 'i',
      _id: '1',
      _source: { '@timestamp': 1, event: { category: 'process' }, a: 900 },
    });
    expect(executor.finish().hits.events?.map((hit) => hit._id)).toEqual(['1']);
  });

  it('parses moderately deep nesting', () => {
    const ast: QueryNode = parse(`process where ${'('.repeat(200)}a == 1${')'.repeat(200)}`);
    expect((ast.body as EventQueryNode).condition.kind).toBe('Comparison');
  });
});
