import { describe, expect, it } from 'vitest';
import { failure, value } from '../../test/evaluate-expression.js';

describe('arithmetic with Java semantics', () => {
  it('divides integers by truncation and floats exactly', () => {
    expect(value('7 / 2')).toBe(3);
    expect(value('-7 / 2')).toBe(-3);
    expect(value('7 / 2.0')).toBe(3.5);
    expect(value('n / 2', { n: 83 })).toBe(41);
    expect(value('n / 2', { n: 83.5 })).toBe(41.75);
  });

  it('takes the sign of the dividend for %', () => {
    expect(value('-7 % 3')).toBe(-1);
    expect(value('7 % -3')).toBe(1);
    expect(value('7.5 % 2')).toBe(1.5);
  });

  it('fails on int overflow and integer division by zero; doubles give Infinity', () => {
    expect(failure('2147483647 + 1')).toBe('integer overflow');
    expect(failure('-2147483647 - 2')).toBe('integer overflow');
    expect(value('-2147483648 - 1')).toBe(-2147483649); // the literal is a long
    expect(value('n + 1', { n: 2147483647 })).toBe(2147483648); // a field is a long
    expect(failure('n * n', { n: 9007199254740991 })).toBe('long overflow');
    expect(failure('1 / 0')).toBe('/ by zero');
    expect(failure('n % 0', { n: 3 })).toBe('/ by zero');
    expect(value('1.0 / 0')).toBe(Number.POSITIVE_INFINITY);
    const longMin = -(2 ** 63);
    expect(value('n / -1', { n: longMin })).toBe(longMin); // Java wraps Long.MIN_VALUE / -1
  });

  it('propagates null and rejects non-numbers', () => {
    expect(value('n + 1')).toBeNull();
    expect(value('-n')).toBeNull();
    expect(failure('n + 1', { n: 'x' })).toBe('A number is required; received [x]');
    expect(value('-n', { n: 5 })).toBe(-5);
  });
});

describe('three-valued logic', () => {
  it('follows Kleene logic for and/or/not', () => {
    expect(value('x == 1 and false')).toBe(false);
    expect(value('x == 1 and true')).toBeNull();
    expect(value('x == 1 or true')).toBe(true);
    expect(value('x == 1 or false')).toBeNull();
    expect(value('not x == 1')).toBeNull();
  });

  it('tests null with == null, whatever the operand', () => {
    expect(value('x == null')).toBe(true);
    expect(value('null != x', { x: 1 })).toBe(true);
    expect(value('null == (x > 1)')).toBe(true);
  });

  it('compares mixed types as null: neither equal, unequal nor ordered (Java Comparisons.compare)', () => {
    expect(value('x == "1"', { x: 1 })).toBeNull();
    expect(value('x != "1"', { x: 1 })).toBeNull();
    expect(value('length(x) != "7"', { x: 'abc' })).toBeNull();
    expect(value('x == true', { x: 1 })).toBeNull();
    expect(value('x < "1"', { x: 1 })).toBeNull();
    expect(value('x != 2', { x: 1 })).toBe(true);
    expect(value('x in ("1", 2)', { x: 1 })).toBeNull();
    expect(value('x in ("1", 1)', { x: 1 })).toBe(true);
    expect(value('x in ("a", null)', { x: 'b' })).toBeNull();
    expect(value('x in ("a", null)', { x: 'a' })).toBe(true);
    expect(value('x in~ ("A")', { x: 'a' })).toBe(true);
  });
});

describe('functions', () => {
  const cases: Array<[string, Record<string, unknown>, unknown]> = [
    ['concat(n, ":", 2.0, ":", true)', { n: 5 }, '5:2.0:true'],
    ['string(1.0E10)', {}, '1.0E10'],
    ['cidrMatch(ip, "10.0.0.0/8", "192.168.0.0/16")', { ip: '192.168.1.7' }, true],
    ['cidrMatch(ip, "2001:db8::/32")', { ip: '2001:db8:0:0:1::1' }, true],
    ['cidrMatch(ip, "2001:db8::/32")', { ip: '2001:db9::1' }, false],
    ['cidrMatch(ip, "10.0.0.0/8")', { ip: '::ffff:10.1.2.3' }, true],
    ['cidrMatch(ip, "10.0.0.0/8")', {}, null],
    ['number("ff", 16)', {}, 255],
    ['number("0x1F")', {}, 31],
    ['number("-3.5")', {}, -3.5],
    ['modulo(7, 3)', {}, 1],
    ['divide(7, 2)', {}, 3],
    ['multiply(n, 2)', { n: 2.5 }, 5],
    ['subtract(1, n)', {}, null],
    ['indexOf~("FooBar", "bar")', {}, 3],
    ['stringContains~("FooBar", "OBA")', {}, true],
    ['stringContains("FooBar", "OBA")', {}, false],
    ['endsWith~(s, ".EXE")', { s: 'a.exe' }, true],
    ['substring("hello", -3)', {}, 'llo'],
    ['length(s)', { s: 'héllo' }, 5],
    ['between("a:b:c", ":", ":", true)', {}, 'b'],
    ['CIDRMATCH(ip, "1.2.3.4")', { ip: '1.2.3.4' }, true],
  ];
  for (const [expression, source, expected] of cases) {
    it(`${expression} → ${JSON.stringify(expected)}`, () => {
      expect(value(expression, source)).toEqual(expected);
    });
  }

  it('fails where Elasticsearch fails the search', () => {
    expect(failure('number("12abc")')).toBe('Unable to convert [12abc] to number of base [10]');
    expect(failure('number(s, 2)', { s: '102' })).toBe('Unable to convert [102] to number of base [2]');
    expect(failure('length(n)', { n: 5 })).toBe('A string/char is required; received [5]');
  });
});
