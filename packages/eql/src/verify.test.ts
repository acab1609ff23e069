import { describe, expect, it } from 'vitest';
import { readToml, sharedPath } from '../test/shared.js';
import { EqlVerificationError } from './errors.js';
import { parse, parseExpression } from './parser.js';
import { check, parseAndVerify, verify, verifyExpression } from './verify.js';

function problems(source: string): { code: string; message: string; line: number; column: number }[] {
  return check(source).errors.map(({ code, message, line, column }) => ({ code, message, line, column }));
}

function messages(source: string): string[] {
  return check(source).errors.map((error) => error.message);
}

describe('verify: functions', () => {
  it('accepts every function in any letter case, with ~ where it exists', () => {
    expect(
      messages(
        'any where cidrmatch(source.ip, "10.0.0.0/8", "::1/128") and STARTSWITH~(a, "x") and endsWith~(a, "x") and ' +
          'stringContains~(a, "x") and indexOf~(a, "x", 1) > 0 and between~(a, "x", "y", true) == "z" and ' +
          'add(1, 2) == subtract(5, 2) and multiply(2, 3) == divide(12, 2) and modulo(7, 4) == 3 and ' +
          'length(concat(a, 1, true)) > number("10", 16) and string(1) == substring("abc", 0, 1)',
      ),
    ).toEqual([]);
  });

  it('rejects unknown functions with suggestions', () => {
    expect(problems('any where startWith(a, "x")')).toEqual([
      {
        code: 'EQL_UNKNOWN_FUNCTION',
        message: 'Unknown function [startWith], did you mean [startsWith]?',
        line: 1,
        column: 11,
      },
    ]);
    expect(messages('any where lenght(a) > 1')).toEqual([
      'Unknown function [lenght], did you mean [length]?',
    ]);
    expect(messages('any where wildcard(a, "x*")')).toEqual(['Unknown function [wildcard]']);
  });

  it('rejects ~ on functions without a case-insensitive form', () => {
    expect(problems('any where cidrMatch~(ip, "10.0.0.0/8")')).toEqual([
      {
        code: 'EQL_FUNCTION_CASE_INSENSITIVE',
        message: 'Function [cidrMatch] has no case-insensitive form; remove the [~]',
        line: 1,
        column: 11,
      },
    ]);
  });

  it('checks arity', () => {
    expect(messages('any where length() == 1')).toEqual([
      'error building [length]: expects exactly one argument',
    ]);
    expect(messages('any where stringContains(a)')).toEqual([
      'error building [stringcontains]: expects exactly two arguments',
    ]);
    expect(messages('any where substring(a) == "x"')).toEqual([
      'error building [substring]: expects two or three arguments',
    ]);
    expect(messages('any where between(a, "b") == "x"')).toEqual([
      'error building [between]: expects three or four arguments',
    ]);
    expect(messages('any where cidrMatch(ip)')).toEqual([
      'error building [cidrmatch]: expects at least two arguments',
    ]);
    expect(messages('any where concat() == "x"')).toEqual([
      'error building [concat]: expects at least one argument',
    ]);
  });

  it('checks argument types of literals and function results', () => {
    expect(messages('any where number(1) == 1')).toEqual([
      // ES names the argument of a function that can take two (QueryFolderFailTests.testNumberFunctionAlreadyNumber).
      'first argument of [number(1)] must be [string], found value [1] type [integer]',
    ]);
    expect(messages('any where startsWith(a, 123)')).toEqual([
      'second argument of [startsWith(a, 123)] must be [string], found value [123] type [integer]',
    ]);
    expect(messages('any where length(length("a")) == 1')).toEqual([
      'argument of [length(length("a"))] must be [string], found value [length("a")] type [integer]',
    ]);
    expect(messages('any where substring(a, 1.5) == "x"')).toEqual([
      'second argument of [substring(a, 1.5)] must be [integer], found value [1.5] type [double]',
    ]);
    expect(messages('any where cidrMatch("10.0.0.1", "10.0.0.0/8")')).toEqual([
      'first argument of [cidrMatch("10.0.0.1", "10.0.0.0/8")] must be [ip], found value ["10.0.0.1"] type [keyword]',
    ]);
    expect(messages('any where add(a, null) == 1 and length(null) == 1')).toEqual([]);
  });

  it('requires constants where Elasticsearch does', () => {
    expect(messages('any where cidrMatch(ip, other.field)')).toEqual([
      'second argument of [cidrMatch(ip, other.field)] must be a constant, received [other.field]',
    ]);
    expect(messages('any where between(a, "x", "y", flag) == "z"')).toEqual([
      'fourth argument of [between(a, "x", "y", flag)] must be a constant, received [flag]',
    ]);
  });
});

describe('verify: expressions', () => {
  it('rejects comparing a field to a field', () => {
    expect(problems('process where process.name == process.parent.name')).toEqual([
      {
        code: 'EQL_FIELD_COMPARISON',
        message:
          'Comparisons against fields are not (currently) supported; offender [process.parent.name] in [==]',
        line: 1,
        column: 31,
      },
    ]);
    expect(messages('any where a in ("x", b)')).toEqual([
      'Comparisons against fields are not (currently) supported; offender [b] in [a in ("x", b)]',
    ]);
    expect(messages('any where length(a) > length(b) + 1')).toEqual([
      'Comparisons against fields are not (currently) supported; offender [length(b) + 1] in [>]',
    ]);
  });

  it('allows a constant on either side', () => {
    expect(messages('any where 1 < a and length(a) == 3 and a == 1 + 2 and a in (1, 2 * 3)')).toEqual([]);
  });

  it('allows optional fields on either side (unmapped ones turn into null)', () => {
    expect(messages('any where ?x == ?y and a == ?b')).toEqual([]);
  });

  it('reports every invalid regular expression at its pattern', () => {
    const source = 'any where a regex ("ok.*", "bad\\\\q") and b regex~ """x{2"""';
    const { errors } = check(source);
    expect(errors.map(({ code, message }) => ({ code, message }))).toEqual([
      {
        code: 'EQL_INVALID_REGEX',
        message: 'Invalid regular expression [bad\\q]: invalid character class \\q',
      },
      { code: 'EQL_INVALID_REGEX', message: expect.stringMatching(/^Invalid regular expression \[x\{2\]: /) },
    ]);
    expect(errors.map((error) => source.slice(error.range.start, error.range.end))).toEqual([
      '"bad\\\\q"',
      '"""x{2"""',
    ]);
    expect(errors[0]).toMatchObject({ line: 1, column: 28 });
    expect(messages('any where a regex ("a+", "[a-z]{2,3}") or b like "[*"')).toEqual([]);
  });

  it('types nested minuses in linear time (60 minuses used to take 2^60 steps)', () => {
    expect(problems(`any where ${'-'.repeat(60)}a == 1`)).toEqual([]);
    expect(problems(`any where length(${'-'.repeat(60)}1) == 1`)).toEqual([
      {
        code: 'EQL_ARGUMENT_TYPE',
        message: `argument of [length(${'-'.repeat(60)}1)] must be [string], found value [${'-'.repeat(60)}1] type [integer]`,
        line: 1,
        column: 18,
      },
    ]);
  });

  it('requires boolean conditions and operands, numeric arithmetic', () => {
    expect(messages('any where length(a)')).toEqual([
      // Upper-case type name, as VerifierTests.testQueryCondition ("found [LONG]").
      'Condition expression needs to be boolean, found [INTEGER]',
    ]);
    expect(messages('any where a == 1 and "x"')).toEqual([
      'second argument of [a == 1 and "x"] must be [boolean], found value ["x"] type [keyword]',
    ]);
    expect(messages('any where "a" + 1 == 2')).toEqual([
      'first argument of ["a" + 1] must be [numeric], found value ["a"] type [keyword]',
    ]);
    expect(messages('any where not 1')).toEqual([
      'argument of [not 1] must be [boolean], found value [1] type [integer]',
    ]);
  });
});

describe('verify: queries', () => {
  it('accepts the full sequence grammar', () => {
    expect(
      messages(
        'sequence by host.id with maxspan=5m [process where true] by a with runs=3 ![file where true] by b [any where true] by c until [network where true] by d | tail 3',
      ),
    ).toEqual([]);
  });

  it('rejects inconsistent join key counts', () => {
    expect(problems('sequence [a where true] by x [b where true] by y, z')).toEqual([
      {
        code: 'EQL_JOIN_KEYS',
        message: 'Inconsistent number of join keys specified; expected [1] but found [2]',
        line: 1,
        column: 48,
      },
    ]);
    expect(messages('sample [a where true] by x [b where true]')).toEqual([
      'Inconsistent number of join keys specified; expected [1] but found [0]',
    ]);
    expect(messages('sequence [a where true] by x [b where true] by y until [c where true]')).toEqual([
      'Inconsistent number of join keys specified; expected [1] but found [0]',
    ]);
  });

  it('requires join keys to be fields', () => {
    expect(messages('sequence by length(a) [a where true] [b where true]')).toEqual([
      'Join keys must be fields, found [length(a)]',
    ]);
  });

  it('needs two queries, counting runs', () => {
    expect(messages('sequence [a where true]')).toEqual([
      'A sequence requires a minimum of 2 queries, found [1]',
    ]);
    expect(messages('sequence [a where true] with runs=2')).toEqual([]);
    expect(messages('sample by x [a where true]')).toEqual([
      'A sample requires a minimum of 2 queries, found [1]',
    ]);
  });

  it('bounds runs', () => {
    expect(messages('sequence [a where true] with runs=0 [b where true]')).toEqual([
      'A positive runs value is required; found [0]',
    ]);
    expect(messages('sequence [a where true] with runs=101 [b where true]')).toEqual([
      'A query cannot be repeated more than 100 times; found [101]',
    ]);
  });

  it('requires maxspan for missing events, and a positive event', () => {
    expect(problems('sequence [a where true] ![b where true]')).toEqual([
      {
        code: 'EQL_MISSING_EVENT',
        message: 'Sequences with missing events ![…] require a [maxspan]; found none',
        line: 1,
        column: 25,
      },
    ]);
    expect(messages('sequence with maxspan=1s ![a where true] ![b where true]')).toEqual([
      'A sequence requires at least one positive event query; found none',
    ]);
    expect(messages('sequence with maxspan=1s [a where true] [b where true] until ![c where true]')).toEqual([
      'The [until] query cannot be a missing event',
    ]);
  });

  it('accepts head and tail with one non-negative integer only', () => {
    expect(messages('any where true | head 0 | tail 5')).toEqual([]);
    expect(problems('any where true | head -1')).toEqual([
      {
        code: 'EQL_PIPE_ARGUMENT',
        message: 'Pipe [head] expects a positive integer but found [-1]',
        line: 1,
        column: 23,
      },
    ]);
    expect(messages('any where true | head')).toEqual([
      'Pipe [head] expects exactly one argument but found [0]',
    ]);
    expect(messages('any where true | tail 1, 2')).toEqual([
      'Pipe [tail] expects exactly one argument but found [2]',
    ]);
    expect(messages('any where true | head 1.5')).toEqual([
      'Pipe [head] expects a positive integer but found [1.5]',
    ]);
    expect(messages('any where true | tail a')).toEqual([
      'Pipe [tail] expects a positive integer but found [a]',
    ]);
    // Constant integer expressions fold (LogicalPlanBuilder.pipeIntArgument); the rest do not.
    expect(messages('any where true | head 1 + 1 | tail 10 / 3 | head length("ab")')).toEqual([]);
    expect(messages('any where true | head 1 - 2')).toEqual([
      'Pipe [head] expects a positive integer but found [1 - 2]',
    ]);
    expect(messages('any where true | head 4 / 2.0')).toEqual([
      'Pipe [head] expects a positive integer but found [4 / 2.0]',
    ]);
    expect(messages('any where true | head pid + 1')).toEqual([
      'Pipe [head] expects a positive integer but found [pid + 1]',
    ]);
    expect(messages('any where true | head 2147483647 + 1')).toEqual([
      'Pipe [head] expects a positive integer but found [2147483647 + 1]',
    ]);
  });

  it('rejects other pipes', () => {
    expect(problems('any where true | sort a')).toEqual([
      { code: 'EQL_UNSUPPORTED_PIPE', message: 'Pipe [sort] is not supported', line: 1, column: 16 },
    ]);
    expect(problems('any where true | uniq a')).toEqual([
      {
        code: 'EQL_UNSUPPORTED_PIPE',
        message: 'Unrecognized pipe [uniq], did you mean [unique]?',
        line: 1,
        column: 18,
      },
    ]);
    expect(messages('any where true | hed 1')).toEqual(['Unrecognized pipe [hed], did you mean [head]?']);
  });

  it('verifies a tree without its source, quoting formatted nodes', () => {
    const ast = parse('any where   length( a , b )  ==  1');
    expect(verify(ast).map((error) => error.message)).toEqual([
      'error building [length]: expects exactly one argument',
    ]);
    expect(verify(parse('any where x == y')).map((error) => error.message)).toEqual([
      'Comparisons against fields are not (currently) supported; offender [y] in [==]',
    ]);
    expect(verify(parse('any where number(1) == 1')).map((error) => error.message)).toEqual([
      // ES names the argument of a function that can take two (QueryFolderFailTests.testNumberFunctionAlreadyNumber).
      'first argument of [number(1)] must be [string], found value [1] type [integer]',
    ]);
  });

  it('throws the first error from parseAndVerify', () => {
    expect(() => parseAndVerify('any where foo(1)')).toThrow(EqlVerificationError);
    expect(() => parseAndVerify('any where foo(1)')).toThrow('Unknown function [foo]');
    expect(parseAndVerify('any where true').body.kind).toBe('EventQuery');
  });

  it('runs only on trees that parsed cleanly', () => {
    expect(messages('any where foo( and')).toEqual([
      'Expected an expression, found keyword "and".',
      'Expected an expression, found end of query.',
    ]);
  });
});

const stringFunctions = sharedPath('eql-conformance', 'es-unit', 'test_string_functions.toml');

describe.skipIf(stringFunctions === null)('verify: verifier.failures of test_string_functions.toml', () => {
  const failures: string[] = [];
  const folds: string[] = [];
  if (stringFunctions !== null) {
    for (const table of Object.values(readToml(stringFunctions))) {
      const { verifier, fold } = table as {
        verifier?: { failures?: { expression: string }[] };
        fold?: { tests?: { expression: string }[] };
      };
      for (const failure of verifier?.failures ?? []) failures.push(failure.expression);
      for (const test of fold?.tests ?? []) folds.push(test.expression);
    }
  }

  it('finds the cases', () => {
    expect(failures).toHaveLength(7);
    expect(folds.length).toBe(83);
  });

  for (const expression of failures) {
    it(`rejects ${expression}`, () => {
      const errors = verifyExpression(parseExpression(expression), expression);
      expect(errors.length).toBeGreaterThan(0);
      expect(errors.every((error) => error instanceof EqlVerificationError)).toBe(true);
    });
  }

  it('accepts every fold expression', () => {
    const rejected = folds.filter(
      (expression) => verifyExpression(parseExpression(expression), expression).length > 0,
    );
    expect(rejected).toEqual([]);
  });
});
