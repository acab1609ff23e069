import { describe, expect, it } from 'vitest';
import { stripLoc } from '../test/ast-utils.js';
import { qaQueries, ruleQueries } from '../test/queries.js';
import { format, formatString } from './format.js';
import { parse, parseExpression } from './parser.js';

function roundTrip(source: string): void {
  const ast = parse(source);
  const printed = format(ast);
  const reparsed = parse(printed);
  expect(stripLoc(reparsed), printed).toEqual(stripLoc(ast));
  expect(format(reparsed)).toBe(printed);
}

describe('format', () => {
  it('prints canonical event queries', () => {
    expect(format(parse('PROCESS   where  process.name=="a"AND(x>1 or y<2)'.replace('AND', 'and')))).toBe(
      'PROCESS where process.name == "a" and (x > 1 or y < 2)',
    );
    expect(format(parse('"my cat" where ?`a b`.c : ("x*","y") and not z in~ (1,2) | head 5'))).toBe(
      '"my cat" where ?`a b`.c : ("x*", "y") and not z in~ (1, 2) | head 5',
    );
    expect(
      format(parse('any where startsWith~(a,"x") and a not in ("b") and b like~ "c" and c regex "d"')),
    ).toBe('any where startsWith~(a, "x") and a not in ("b") and b like~ "c" and c regex "d"');
  });

  it('prints sequences and samples on several lines', () => {
    expect(
      format(
        parse(
          'sequence by host.id with maxspan=5m [process where true] by a with runs=2 ![file where true] until [any where true] | tail 2',
        ),
      ),
    ).toBe(
      [
        'sequence by host.id with maxspan=5m',
        '  [process where true] by a with runs=2',
        '  ![file where true]',
        'until [any where true]',
        '| tail 2',
      ].join('\n'),
    );
    expect(format(parse('sample by x [a where true] [b where true] by y'))).toBe(
      ['sample by x', '  [a where true]', '  [b where true] by y'].join('\n'),
    );
  });

  it('uses the fewest parentheses', () => {
    const cases: [string, string][] = [
      ['(a and b) or c', 'a and b or c'],
      // As the Python eql library renders: `and` binds tighter, so it needs none inside `or`.
      ['(a and b) or (c and d)', 'a and b or c and d'],
      ['(a or b) and c', '(a or b) and c'],
      ['a and (b or c)', 'a and (b or c)'],
      ['not (a and b)', 'not (a and b)'],
      ['(not a) and b', 'not a and b'],
      ['((a == 1))', 'a == 1'],
      ['(1 + 2) * 3', '(1 + 2) * 3'],
      ['1 + (2 * 3)', '1 + 2 * 3'],
      ['1 - (2 - 3)', '1 - (2 - 3)'],
      ['(1 - 2) - 3', '1 - 2 - 3'],
      ['-(a + b)', '-(a + b)'],
      ['- -a', '-(-a)'],
      ['-(-1)', '-(-1)'],
      ['(a == 1) == true', '(a == 1) == true'],
      ['f((a or b), c)', 'f(a or b, c)'],
      ['(a + 1) in (2)', '(a + 1) in (2)'],
      ['(-a) like "x"', '(-a) like "x"'],
      ['(a in (1)) == false', 'a in (1) == false'],
      ['(a == 1) in (true)', '(a == 1) in (true)'],
    ];
    for (const [source, expected] of cases) expect(format(parseExpression(source)), source).toBe(expected);
  });

  it('re-escapes strings and prefers raw strings for backslashes', () => {
    expect(formatString('a"b\n\tc')).toBe('"a\\"b\\n\\tc"');
    expect(formatString('C:\\Windows\\*')).toBe('"""C:\\Windows\\*"""');
    expect(formatString('say "C:\\"')).toBe('"say \\"C:\\\\\\""');
    expect(formatString('\u0001')).toBe('"\\u{01}"');
    expect(formatString('😀')).toBe('"😀"');
  });

  it('keeps number types', () => {
    expect(format(parseExpression('1.0'))).toBe('1.0');
    expect(format(parseExpression('1e3'))).toBe('1000.0');
    expect(format(parseExpression('-0'))).toBe('-0');
    expect(format(parseExpression('12345678901234567890'))).toBe('12345678901234567168');
  });

  it('quotes names that need it', () => {
    expect(format(parseExpression('`and`.`x-y`.`sequence`.ok'))).toBe('`and`.`x-y`.sequence.ok');
  });

  it('round-trips hand-written queries', () => {
    for (const source of [
      'any where a == "x\\ty" and b != 1.5 and c < -2 and d <= 3 and e > 4 and f >= 5',
      'any where a + b * c - d / e % f == -g',
      'any where not not a and not (b or c) or d : "x" or e like~ ("a", "b") or f regex~ "[a-z]+"',
      'any where concat(a, "b", 1, true, null) == "x" and cidrMatch(ip, "10.0.0.0/8", "::1/128")',
      '"quoted category" where ?opt.`weird name` in~ ("A", "B") and x not in (1, 2)',
      'sequence by a, b with maxspan=1h [process where true] by c with runs=3 ![file where x] by d [any where y] by e until [network where z] by f | head 1 | tail 1',
      'sample by h [a where true] by x [b where true] by y [c where true] by z',
      'any where """C:\\Windows\\""" : "x"',
    ]) {
      roundTrip(source);
    }
  });

  const corpus = [...ruleQueries(), ...qaQueries()];
  it.skipIf(corpus.length === 0)('round-trips every real rule and QA query', () => {
    for (const { query } of corpus) roundTrip(query);
  });
});
