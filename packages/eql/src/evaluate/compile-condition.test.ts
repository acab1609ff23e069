import { describe, expect, it } from 'vitest';
import { parseExpression } from '../parser.js';
import { compileCondition } from './compile-condition.js';
import { createCompileContext } from './context.js';

function matches(condition: string, source: Record<string, unknown>, fieldTypes = {}): boolean {
  return compileCondition(
    parseExpression(condition),
    createCompileContext({ source: condition, fieldTypes }),
  )(source);
}

describe('filter semantics', () => {
  const missing = { other: 1 };
  const cases: Array<[string, boolean]> = [
    ['f == "x"', false],
    ['f != "x"', true],
    ['not f == "x"', true],
    ['f : "x*"', false],
    ['not f : "x*"', true],
    ['n > 1', false],
    ['not (n > 1)', true],
    ['f in ("a", "b")', false],
    ['f not in ("a", "b")', true],
    ['cidrMatch(ip, "10.0.0.0/8")', false],
    ['not cidrMatch(ip, "10.0.0.0/8")', true],
    ['f == null', true],
    ['f != null', false],
    ['f', false],
  ];
  for (const [condition, expected] of cases) {
    it(`${condition} on an event without the field is ${expected}`, () => {
      expect(matches(condition, missing)).toBe(expected);
    });
  }

  it('treats an explicit null like an absent field', () => {
    expect(matches('f == null', { f: null })).toBe(true);
    expect(matches('f != "x"', { f: null })).toBe(true);
  });

  it('matches when any value of a multi-valued field does; negation only when none does', () => {
    const source = { f: ['a', 'b'], n: [1, 10] };
    expect(matches('f == "b"', source)).toBe(true);
    expect(matches('f != "b"', source)).toBe(false);
    expect(matches('f != "c"', source)).toBe(true);
    expect(matches('n > 5', source)).toBe(true);
    expect(matches('n < 5', source)).toBe(true);
    expect(matches('not (n > 5)', source)).toBe(false);
    expect(matches('f : "B"', source)).toBe(true);
    expect(matches('f not in ("a")', source)).toBe(false);
    expect(matches('startsWith(f, "b")', source)).toBe(true);
  });

  it('compares case-sensitively with ==, insensitively with :', () => {
    expect(matches('f == "ABC"', { f: 'abc' })).toBe(false);
    expect(matches('f : "ABC"', { f: 'abc' })).toBe(true);
    expect(matches('f : "a?c"', { f: 'ABC' })).toBe(true);
    expect(matches('f : ("x", "*B*")', { f: 'abc' })).toBe(true);
    expect(matches('f like "A*"', { f: 'abc' })).toBe(false);
    expect(matches('f like~ "A*"', { f: 'abc' })).toBe(true);
    expect(matches('f in~ ("ABC")', { f: 'abc' })).toBe(true);
    expect(matches('f in ("ABC")', { f: 'abc' })).toBe(false);
  });

  it('coerces constants to the field type, as a term query does', () => {
    expect(matches('f == 5', { f: '5' })).toBe(true);
    expect(matches('f == "5"', { f: 5 })).toBe(true);
    expect(matches('f in ("5", "6")', { f: 6 })).toBe(true);
    expect(matches('f == "abc"', { f: 5 })).toBe(false);
    expect(matches('f < 10', { f: '9' })).toBe(false); // keyword range: "9" > "10"
  });

  it('orders strings lexicographically and numbers numerically', () => {
    expect(matches('f > "System"', { f: 'System Idle Process' })).toBe(true);
    expect(matches('n >= 3.1', { n: 4 })).toBe(true);
    expect(matches('3 < n', { n: 4 })).toBe(true);
  });

  it('compares dates on the timestamp field and version fields semantically', () => {
    expect(matches('@timestamp < "2017-08-30T20:47:32Z"', { '@timestamp': 1504126051000 })).toBe(true);
    expect(
      matches('@timestamp == "2017-08-30T20:47:31Z"', { '@timestamp': '2017-08-30T20:47:31.000Z' }),
    ).toBe(true);
    expect(matches('v > "1.5.0"', { v: '1.11.3' }, { v: 'version' })).toBe(true);
    expect(matches('v > "1.5.0"', { v: '1.11.3' })).toBe(false);
    expect(matches('v < "1.5.0"', { v: 'bad' }, { v: 'version' })).toBe(false);
  });

  it('evaluates computed comparisons with three-valued logic', () => {
    expect(matches('null == (exit_code > -1)', {})).toBe(true);
    expect(matches('null == (exit_code > -1)', { exit_code: 0 })).toBe(false);
    expect(matches('length(f) > 2', {})).toBe(false);
    expect(matches('not length(f) > 2', {})).toBe(true);
    expect(matches('add(n, 1) == 3', { n: 2 })).toBe(true);
    expect(matches('n / 2 == 41', { n: 83 })).toBe(true);
    expect(matches('n / 2.0 == 41', { n: 83 })).toBe(false);
  });

  it('tries every value of a multi-valued field inside a script (ES multi-value aware scripts)', () => {
    expect(matches('length(f) == 1', { f: ['ccc', 'a'] })).toBe(true);
    expect(matches('length(f) == 3', { f: ['ccc', 'a'] })).toBe(true);
    expect(matches('not length(f) == 3', { f: ['ccc', 'a'] })).toBe(false);
  });

  it('fails, located, rather than try more combinations than Painless would loop', () => {
    const many = Array.from({ length: 1001 }, (_, i) => `v${i}`);
    // 1001 × 1001 = 1,002,001 combinations: over the limit of 1,000,000.
    expect(() => matches('length(f) + length(f) == -1', { f: many })).toThrow(
      /would try 1002001 combinations of multi-valued fields; the limit is 1000000/,
    );
    // 1000 × 1000 is within it, and the answer is exact.
    expect(matches('length(f) + length(f) == 8', { f: many.slice(0, 1000) })).toBe(true);
  });
});

describe('ip fields', () => {
  const types = { ip: 'ip' as const };
  it('matches CIDR blocks and normalised addresses with == and in', () => {
    expect(matches('ip == "10.0.0.0/8"', { ip: '10.1.2.3' }, types)).toBe(true);
    expect(matches('ip == "10.0.0.0/8"', { ip: '11.1.2.3' }, types)).toBe(false);
    expect(matches('ip == "::1"', { ip: '0:0:0:0:0:0:0:1' }, types)).toBe(true);
    expect(matches('ip in ("192.168.0.0/16", "10.0.0.0/8")', { ip: ['8.8.8.8', '10.0.0.1'] }, types)).toBe(
      true,
    );
    expect(matches('not ip in ("192.168.0.0/16", "10.0.0.0/8")', { ip: '8.8.8.8' }, types)).toBe(true);
    expect(matches('ip > "10.0.0.1"', { ip: '10.0.0.2' }, types)).toBe(true);
    expect(matches('ip == "10.0.0.0/8"', { ip: '10.1.2.3' })).toBe(false); // without the mapping: a string
  });
});

describe('optional fields without a value are the literal null', () => {
  const cases: Array<[string, Record<string, unknown>, boolean]> = [
    ['?x == ?y', {}, true],
    ['?x != ?y', {}, false],
    ['not ?x == ?y', {}, false],
    ['?x == ?y', { x: 'a' }, false],
    ['?x != ?y', { x: 'a' }, true],
    ['?x == ?y', { x: 'a', y: 'a' }, true],
    ['?x == ?y', { x: 'a', y: 'b' }, false],
    ['?x == null', { x: null }, true],
    ['length(?x) == length(?y)', {}, true],
    ['concat(?x, "a") == null', {}, true], // concat is null when an argument is
    ['?x < ?y', {}, false],
    ['?x == (n > 1)', { n: 0 }, false],
    ['?x == (n > 1)', {}, true],
    ['null == (n > 1)', {}, true],
    // A non-optional field is a field: a comparison with a null operand is null, so false.
    ['length(x) == length(?y)', {}, true],
    ['?x in (?y, "a")', {}, false],
    ['?x : "a*"', {}, false],
  ];
  for (const [condition, source, expected] of cases) {
    it(`${condition} on ${JSON.stringify(source)} is ${expected}`, () => {
      expect(matches(condition, source)).toBe(expected);
    });
  }
});

describe('regular expressions in queries', () => {
  it('run in linear time: (a+)+b over 100 000 a’s, through the compiled filter', () => {
    const text = 'a'.repeat(100_000);
    const started = performance.now();
    expect(matches('f regex "(a+)+b"', { f: text })).toBe(false);
    expect(matches('f regex~ "(A+)+B"', { f: `${text}b` })).toBe(true);
    expect(matches('f regex ("(a|aa)*c", "(.*a){12}x")', { f: text })).toBe(false);
    // A backtracking engine takes longer than the age of the universe here; an automaton, well
    // under a second even on a busy machine.
    expect(performance.now() - started).toBeLessThan(5000);
  });
});
