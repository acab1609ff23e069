/**
 * Property tests: the parser only ever throws `EqlError`s and always terminates, whatever the
 * input; `format` round-trips generated trees.
 */

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Expression, QueryNode } from '../src/ast.js';
import { check, EqlError, FUNCTIONS, format, KEYWORDS, parse, parseWithDiagnostics } from '../src/index.js';
import { PUNCTUATORS } from '../src/token.js';
import { stripLoc } from './ast-utils.js';

const LOC = { start: 0, end: 0 };

const EQL_WORDS = [
  ...PUNCTUATORS,
  'process',
  'any',
  'where',
  'sequence',
  'sample',
  'by',
  'with',
  'maxspan',
  '5s',
  'runs',
  'until',
  'and',
  'or',
  'not',
  'in',
  'in~',
  'like',
  'like~',
  'regex',
  'regex~',
  'head',
  'tail',
  'true',
  'false',
  'null',
  '1',
  '2.5',
  '"s"',
  '"""r"""',
  "'q'",
  '`b q`',
  'a.b',
  '@timestamp',
  'length',
  'startsWith~',
  'join',
  'of',
  'descendant',
  '//c\n',
  '/*',
  '*/',
  '"',
  '\\',
  '\n',
];

describe('parser robustness', () => {
  it('throws nothing but EqlError on arbitrary text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (source) => {
        const result = parseWithDiagnostics(source);
        expect(Array.isArray(result.errors)).toBe(true);
        try {
          parse(source);
        } catch (error) {
          expect(error).toBeInstanceOf(EqlError);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('throws nothing but EqlError on near-EQL token soup, and verifies what parses', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...EQL_WORDS), { maxLength: 60 }),
        fc.boolean(),
        (words, spaced) => {
          const source = words.join(spaced ? ' ' : '');
          const { errors } = check(source);
          for (const error of errors) {
            expect(error).toBeInstanceOf(EqlError);
            expect(error.line).toBeGreaterThanOrEqual(1);
            expect(error.range.start).toBeLessThanOrEqual(source.length);
          }
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('stays fast on large input', () => {
    const source = `process where ${Array.from({ length: 5000 }, (_, index) => `f${index} == ${index}`).join(' or ')}`;
    const started = performance.now();
    const { errors } = parseWithDiagnostics(source);
    expect(errors).toEqual([]);
    expect(performance.now() - started).toBeLessThan(2000);
  });
});

// ── Generated trees ─────────────────────────────────────────────────────────

const identifier = fc.stringMatching(/^[a-z_][a-z0-9_]{0,6}$/).filter((name) => !KEYWORDS.has(name));
const segment = fc.oneof(
  identifier,
  fc.string({ minLength: 1, maxLength: 6 }),
  fc.constantFrom('@timestamp', 'sequence', 'and'),
);

const literal: fc.Arbitrary<Expression> = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 8 }).map((value) => ({ kind: 'Literal' as const, value, loc: LOC })),
  fc
    .integer()
    .map((value) => ({ kind: 'Literal' as const, value, numberType: 'integer' as const, loc: LOC })),
  fc
    .double({ noNaN: true, noDefaultInfinity: true })
    .filter((value) => !Object.is(value, -0))
    .map((value) => ({ kind: 'Literal' as const, value, numberType: 'float' as const, loc: LOC })),
  fc.constantFrom(true, false, null).map((value) => ({ kind: 'Literal' as const, value, loc: LOC })),
);

/** Patterns are constants in the grammar (no unary minus): strings in practice. */
const pattern: fc.Arbitrary<Expression> = fc
  .string({ unit: 'binary', maxLength: 8 })
  .map((value) => ({ kind: 'Literal' as const, value, loc: LOC }));

const field: fc.Arbitrary<Expression> = fc
  .record({ path: fc.array(segment, { minLength: 1, maxLength: 3 }), optional: fc.boolean() })
  .map(({ path, optional }) => ({ kind: 'Field' as const, path, optional, loc: LOC }));

const functionName = fc.oneof(fc.constantFrom(...FUNCTIONS.map((signature) => signature.name)), identifier);

/** The parser flattens `a or (b or c)`: generated chains must already be flat. */
function flatten(op: 'and' | 'or', operands: readonly Expression[]): Expression[] {
  return operands.flatMap((operand) =>
    operand.kind === 'Logical' && operand.op === op ? operand.operands : [operand],
  );
}

const { expression } = fc.letrec<{ expression: Expression }>((tie) => {
  const sub = tie('expression');
  return {
    expression: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      literal,
      field,
      sub.map((operand) => ({ kind: 'Not' as const, operand, loc: LOC })),
      sub.map((operand) => ({ kind: 'Negate' as const, operand, loc: LOC })),
      fc
        .record({
          op: fc.constantFrom('and' as const, 'or' as const),
          operands: fc.array(sub, { minLength: 2, maxLength: 3 }),
        })
        .map(({ op, operands }) => ({
          kind: 'Logical' as const,
          op,
          operands: flatten(op, operands),
          loc: LOC,
        })),
      fc
        .record({
          op: fc.constantFrom(
            '==' as const,
            '!=' as const,
            '<' as const,
            '<=' as const,
            '>' as const,
            '>=' as const,
          ),
          left: sub,
          right: sub,
        })
        .map((node) => ({ kind: 'Comparison' as const, ...node, loc: LOC })),
      fc
        .record({
          op: fc.constantFrom('+' as const, '-' as const, '*' as const, '/' as const, '%' as const),
          left: sub,
          right: sub,
        })
        .map((node) => ({ kind: 'Arithmetic' as const, ...node, loc: LOC })),
      fc
        .record({
          value: sub,
          list: fc.array(sub, { minLength: 1, maxLength: 3 }),
          negated: fc.boolean(),
          caseInsensitive: fc.boolean(),
        })
        .map((node) => ({ kind: 'In' as const, ...node, loc: LOC })),
      fc
        .record({
          op: fc.constantFrom(':' as const, 'like' as const, 'regex' as const),
          value: sub,
          patterns: fc.array(pattern, { minLength: 1, maxLength: 3 }),
          caseInsensitive: fc.boolean(),
        })
        .map((node) => ({
          kind: 'StringMatch' as const,
          ...node,
          caseInsensitive: node.op === ':' || node.caseInsensitive,
          loc: LOC,
        })),
      fc
        .record({ name: functionName, caseInsensitive: fc.boolean(), args: fc.array(sub, { maxLength: 3 }) })
        .map((node) => ({ kind: 'FunctionCall' as const, ...node, loc: LOC })),
    ),
  };
});

const category = fc.oneof(fc.constant(null), identifier, fc.string({ maxLength: 8 }));

const eventQuery = fc.record({ name: category, condition: expression }).map(({ name, condition }) => ({
  kind: 'EventQuery' as const,
  category: { kind: 'EventCategory' as const, name, loc: LOC },
  condition,
  loc: LOC,
}));

const keys = fc.array(field, { maxLength: 2 });

const sequenceTerm = fc
  .record({
    query: eventQuery,
    by: keys,
    runs: fc.option(fc.integer({ min: 1, max: 100 })),
    missing: fc.boolean(),
  })
  .map((term) => ({ kind: 'SequenceTerm' as const, ...term, loc: LOC }));

const timeSpan = fc
  .record({
    value: fc.integer({ min: 1, max: 1000 }),
    unit: fc.constantFrom('ms' as const, 's' as const, 'm' as const, 'h' as const, 'd' as const),
  })
  .map(({ value, unit }) => ({
    kind: 'TimeSpan' as const,
    value,
    unit,
    millis: value * { ms: 1, s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000 }[unit],
    loc: LOC,
  }));

const pipe = fc
  .record({ name: identifier, args: fc.array(expression, { maxLength: 2 }) })
  .map((node) => ({ kind: 'Pipe' as const, ...node, loc: LOC }));

const query: fc.Arbitrary<QueryNode> = fc
  .record({
    body: fc.oneof(
      eventQuery,
      fc
        .record({
          by: keys,
          maxspan: fc.option(timeSpan),
          terms: fc.array(sequenceTerm, { minLength: 1, maxLength: 3 }),
          until: fc.option(sequenceTerm),
        })
        .map((node) => ({ kind: 'Sequence' as const, ...node, loc: LOC })),
      fc
        .record({
          by: keys,
          terms: fc.array(fc.record({ query: eventQuery, by: keys }), { minLength: 1, maxLength: 3 }),
        })
        .map(({ by, terms }) => ({
          kind: 'Sample' as const,
          by,
          terms: terms.map((term) => ({ kind: 'SampleTerm' as const, ...term, loc: LOC })),
          loc: LOC,
        })),
    ),
    pipes: fc.array(pipe, { maxLength: 2 }),
  })
  .map(({ body, pipes }) => ({ kind: 'Query' as const, body, pipes, loc: LOC }));

describe('format round trip on generated trees', () => {
  it('parse(format(ast)) equals ast', () => {
    fc.assert(
      fc.property(query, (ast) => {
        const printed = format(ast);
        const { ast: reparsed, errors } = parseWithDiagnostics(printed);
        expect(
          errors.map((error) => error.message),
          printed,
        ).toEqual([]);
        expect(stripLoc(reparsed), printed).toEqual(stripLoc(ast));
      }),
      { numRuns: 1500 },
    );
  });
});
