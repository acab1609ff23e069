import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseExpression } from '../parser.js';
import { compileCondition, compileFilter } from './compile-condition.js';
import { createCompileContext } from './context.js';
import { compileFieldAccessor } from './fields.js';
import { generateAccessor, generateFilter } from './filter-codegen.js';
import { type FilterPlan, planToClosure, type ValueTest } from './filter-plan.js';
import { valueToString } from './values.js';

// `length` and `0` are members of strings and arrays: generated reads must not see them there.
const KEYS = ['a', 'b', 'c', 'a.b', 'b.c', 'a.b.c', 'constructor', 'length', '0'];

const scalar = fc.oneof(
  fc.constantFrom('x', 'X', 'xy', 'Xyz', '1', 'true', '', 'ab*', 'C:\\Windows\\a.exe'),
  // Case folding beyond ASCII: the Kelvin sign lower-cases to "k", "ß" upper-cases to "SS".
  fc.constantFrom('WINWORD.EXE', 'winword.exe', '\u212A', 'k', 'K', 'Straße', 'STRASSE', '10', 'İx'),
  fc.constantFrom(0, -0, 1, 2.5, -3, 10),
  fc.boolean(),
  fc.constant(null),
);

const value: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    scalar,
    // Arrays of anything, nested arrays included (flattened depth first).
    fc.array(tie('node'), { maxLength: 3 }),
    tie('object'),
  ),
  object: fc.dictionary(fc.constantFrom(...KEYS), tie('node'), { maxKeys: 4 }),
})).node;

const source = fc.dictionary(fc.constantFrom(...KEYS), value, { maxKeys: 5 }) as fc.Arbitrary<
  Record<string, unknown>
>;

const PATHS = [
  ['a'],
  ['a', 'b'],
  ['a', 'b', 'c'],
  ['a', 'b', 'c', 'a'],
  ['b', 'constructor'],
  ['constructor'],
];

describe('generated accessors', () => {
  it('read what compileFieldAccessor reads, for every shape of source', () => {
    const pairs = PATHS.map((path) => ({
      path,
      generated: generateAccessor(path),
      reference: compileFieldAccessor(path),
    }));
    for (const { generated } of pairs) expect(generated).toBeTypeOf('function');
    fc.assert(
      fc.property(source, (event) => {
        for (const { path, generated, reference } of pairs) {
          expect(generated?.(event), path.join('.')).toEqual(reference(event));
        }
      }),
      { numRuns: 600 },
    );
  });
});

const CONDITIONS = [
  'a == "x"',
  'a.b == "1"',
  'a.b.c != "x"',
  'a == 1 or b == true',
  'a : ("x*", "XY", "*z")',
  'a.b like~ "x?"',
  'not a in ("x", "1", true)',
  'a in~ ("XY", "xyz")',
  'a.b.c regex "[xX].*"',
  'startsWith(a, "x") and not endsWith~(b, "Z")',
  'a == null or b.c != null',
  '?a.b.c == ?b and a',
  'length(a) > 1 or c',
  'a.b.c.a == "x" and constructor == "x"',
  'stringContains(a, "y") or a < "y" or a >= 1',
  'cidrMatch(b, "10.0.0.0/8")',
  'a > 1 or a.b <= -3 or a.b.c == 2.5',
  'a != 1 and b.c >= 0 and not a.b < 2',
  'a != "1" or b != "true"',
  // `in` over strings: inline `===` up to 8 strings, a Set beyond; numbers and booleans coerce.
  'a in ("x", "1", "xy", "Xyz", "true", "p", "q", "r", "s", "t")',
  'not a.b in ("X", "k", 10) and b.c in (1, "2.5", false)',
  'a.b.c in~ ("winword.exe", "\u212A", "straße", "ix")',
  // `:` and `like`: exact, prefix, suffix, contains and general patterns, alone and combined.
  'a : ("winword.exe", "*ss*", "k")',
  'a.b : "*Word*" or b : "C:\\\\Windows\\\\*"',
  'a like ("X*", "*z") or a.b like "x"',
  'b.c : "?y*" or a.b like~ ("x", "*e", "*\u212A*")',
  'a.b.c : ("x", "*Y*", "*.EXE", "?")',
  // Members of primitives and arrays are not fields; numbers against literals, -0 included.
  'a.length == 3 or a.b.length > 1 or b.length == "x"',
  'a.b == 0 or a.b.c == 10 or a > -3',
];

/** The result, or the error message: both runners must also fail alike. */
function outcome(run: () => boolean): boolean | string {
  try {
    return run();
  } catch (error) {
    return (error as Error).message;
  }
}

describe('generated filters', () => {
  it('agree with the closures on every event', () => {
    const ctx = createCompileContext();
    const compiled = CONDITIONS.map((condition) => {
      const ast = parseExpression(condition);
      return { condition, generated: compileFilter(ast, ctx), reference: compileCondition(ast, ctx) };
    });
    fc.assert(
      fc.property(source, (event) => {
        for (const { condition, generated, reference } of compiled) {
          expect(
            outcome(() => generated(event)),
            condition,
          ).toEqual(outcome(() => reference(event)));
        }
      }),
      { numRuns: 600 },
    );
  });

  it('are generated functions, not the closures', () => {
    const plan = {
      kind: 'some',
      path: ['a'],
      value: { test: (v: unknown) => v === 'x', equals: ['x'] },
    } as const;
    const filter = generateFilter(plan);
    expect(filter?.name).toBe('eqlFilter');
    expect(filter?.({ a: ['y', 'x'] })).toBe(true);
    expect(filter?.({ a: 'y' })).toBe(false);
  });

  it('read no members of functions, strings or arrays as fields', () => {
    const ctx = createCompileContext();
    const condition = parseExpression('a.b == "x" or a.length == 3 or a.name == "f" or c.length == 1');
    const generated = compileFilter(condition, ctx);
    const reference = compileCondition(condition, ctx);
    const named = Object.assign(() => undefined, { b: 'x' });
    const events: Record<string, unknown>[] = [
      { a: named },
      { a: 'xyz' },
      { a: ['x', 'y', 'z'] },
      { a: { length: 3 } },
      { a: { b: ['y', ['x']] } },
      { 'a.b': 'x' },
      { c: { length: [1] } },
      { c: 'x' },
    ];
    const expected = [false, false, false, true, true, true, true, false];
    expect(events.map((event) => reference(event))).toEqual(expected);
    expect(events.map((event) => generated(event))).toEqual(expected);
  });

  it('use the string forms of a value test exactly as the test itself', () => {
    const strings = ['x', 'y', 'z', '1', 'p', 'q', 'r', 's', 't'];
    const number = (v: unknown): boolean => v === 1 || v === true;
    const forms: ValueTest[] = [
      {
        test: (v) => (typeof v === 'string' ? strings.slice(0, 2).includes(v) : number(v)),
        oneOf: strings.slice(0, 2),
      },
      { test: (v) => (typeof v === 'string' ? strings.includes(v) : number(v)), oneOf: strings },
      {
        test: (v) => (typeof v === 'string' ? v.toLowerCase() === 'x' : number(v)),
        string: (v) => v.toLowerCase() === 'x',
      },
      { test: (v) => valueToString(v).startsWith('1'), strings: (v) => v.startsWith('1') },
    ];
    const plans: FilterPlan[] = forms.flatMap((value) => [
      { kind: 'some', path: ['a'], value },
      { kind: 'some', path: ['a', 'b'], value },
      { kind: 'not', operand: { kind: 'some', path: ['a', '0'], value } },
    ]);
    const runners = plans.map((plan) => ({
      generated: generateFilter(plan),
      reference: planToClosure(plan),
    }));
    for (const { generated } of runners) expect(generated?.name).toBe('eqlFilter');
    fc.assert(
      fc.property(source, (event) => {
        for (const { generated, reference } of runners) expect(generated?.(event)).toBe(reference(event));
      }),
      { numRuns: 400 },
    );
  });

  it('keep property names as data, whatever they hold', () => {
    const name = 'x"]; throw new Error("injected"); //';
    const filter = generateFilter({ kind: 'absent', path: [name, '\u2028'] });
    expect(filter?.({ [name]: { '\u2028': 1 } })).toBe(false);
    expect(filter?.({})).toBe(true);
  });
});
