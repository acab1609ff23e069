import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseExpression } from '../parser.js';
import { compileCondition, compileFilter } from './compile-condition.js';
import { createCompileContext } from './context.js';
import { compileFieldAccessor } from './fields.js';
import { generateAccessor, generateFilter } from './filter-codegen.js';

const KEYS = ['a', 'b', 'c', 'a.b', 'b.c', 'a.b.c', 'constructor'];

const scalar = fc.oneof(
  fc.constantFrom('x', 'X', 'xy', 'Xyz', '1', 'true', '', 'ab*', 'C:\\Windows\\a.exe'),
  fc.constantFrom(0, 1, 2.5, -3),
  fc.boolean(),
  fc.constant(null),
);

const value: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    scalar,
    fc.array(fc.oneof(scalar, tie('object')), { maxLength: 3 }),
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

  it('keep property names as data, whatever they hold', () => {
    const name = 'x"]; throw new Error("injected"); //';
    const filter = generateFilter({ kind: 'absent', path: [name, '\u2028'] });
    expect(filter?.({ [name]: { '\u2028': 1 } })).toBe(false);
    expect(filter?.({})).toBe(true);
  });
});
