/**
 * fast-check arbitraries for differential tests of the condition evaluators: EQL condition text
 * over a small field vocabulary, and events over the same vocabulary, so that generated
 * conditions and events meet often (present, absent, null, multi-valued, nested, flat dotted).
 *
 * Conditions are generated as text (not trees) so that they go through the parser and the
 * verifier like a user's query; most of them verify, the rest are discarded by the caller.
 */

import fc from 'fast-check';

// ── Vocabulary ──────────────────────────────────────────────────────────────

/** Field references as written in a query; `?` marks optional fields, backquotes quote a name. */
export const FIELDS = [
  'a',
  'b',
  'n',
  's',
  't',
  'arr',
  'a.b',
  'a.b.c',
  'x.y',
  '`x.y`',
  '?opt',
  '?a.b',
  '?n',
  // Names that are also properties of every JavaScript object.
  'constructor',
  'a.constructor',
  '`toString`',
  '`ü`',
] as const;

/** Strings with case variants, wildcard and regex characters, Unicode that folds oddly. */
const STRINGS = [
  '',
  'foo',
  'FOO',
  'Foo',
  'foobar',
  'fo*',
  'f?o',
  'a.b',
  'a\\b',
  'C:\\Windows',
  '10',
  '9',
  '1.5',
  '-0',
  'true',
  'false',
  'null',
  '10.0.0.1',
  '::1',
  '1.2.3',
  'é',
  'É',
  'ß',
  'SS',
  'İ',
  'i̇',
  'ǅ',
  'Σ',
  'ς',
  '😀',
  'a😀b',
  ' foo',
];

/** Numbers: integers around the int/long/safe-integer edges, floats, negative zero. */
const NUMBERS = [
  0, -0, 1, -1, 2, 3, 9, 10, 1.5, -2.5, 0.1, 2147483647, 2147483648, -2147483648, 9007199254740992,
  9007199254740994, 1e21, -1e-7,
];

export const scalarValue: fc.Arbitrary<string | number | boolean | null> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...STRINGS) },
  { weight: 3, arbitrary: fc.constantFrom(...NUMBERS) },
  { weight: 1, arbitrary: fc.boolean() },
  { weight: 1, arbitrary: fc.constant(null) },
);

const leafValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 5, arbitrary: scalarValue },
  { weight: 2, arbitrary: fc.array(scalarValue, { maxLength: 3 }) },
  { weight: 1, arbitrary: fc.array(fc.array(scalarValue, { maxLength: 2 }), { maxLength: 2 }) },
);

/** An object under `a` or `x`: nested keys, flat dotted keys, arrays of objects. */
const innerObject: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', maxDepth: 3 },
    leafValue,
    fc.dictionary(fc.constantFrom('b', 'c', 'y', 'b.c', 'constructor'), tie('node'), { maxKeys: 3 }),
    fc.array(fc.dictionary(fc.constantFrom('b', 'c', 'y'), tie('node'), { maxKeys: 2 }), { maxLength: 2 }),
  ),
})).node;

const TOP_KEYS = [
  'a',
  'b',
  'n',
  's',
  't',
  'arr',
  'opt',
  'x',
  'a.b',
  'a.b.c',
  'x.y',
  'constructor',
  'toString',
  'ü',
] as const;

export const eventSource: fc.Arbitrary<Record<string, unknown>> = fc.dictionary(
  fc.constantFrom(...TOP_KEYS),
  fc.oneof({ weight: 3, arbitrary: leafValue }, { weight: 2, arbitrary: innerObject }),
  { maxKeys: 6 },
) as fc.Arbitrary<Record<string, unknown>>;

// ── Conditions ──────────────────────────────────────────────────────────────

function quote(text: string): string {
  return `"${text.replaceAll('\\', '\\\\').replaceAll('"', '\\"')}"`;
}

/** A number as EQL text; negatives through unary minus or a negative literal. */
function numberText(value: number): string {
  if (Object.is(value, -0)) return '-0';
  if (Number.isInteger(value) && Math.abs(value) >= 1e21) return value < 0 ? '-1e21' : '1e21';
  return String(value);
}

const stringConstant = fc.constantFrom(...STRINGS).map(quote);
const numberConstant = fc.oneof(
  fc.constantFrom(...NUMBERS).map(numberText),
  fc.constantFrom('1.0', '2.0', '-0.0', '1e3', '10.5', '0.0'),
);
export const constant: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: stringConstant },
  { weight: 3, arbitrary: numberConstant },
  { weight: 1, arbitrary: fc.constantFrom('true', 'false') },
  { weight: 1, arbitrary: fc.constant('null') },
);

const field = fc.constantFrom(...FIELDS);
const comparisonOp = fc.constantFrom('==', '!=', '<', '<=', '>', '>=');

/** Wildcard patterns for `:`/`like`, regexes for `regex` (Lucene syntax). */
const wildcardPattern = fc.constantFrom(
  '*',
  'foo',
  'FOO',
  'f*',
  'F*',
  '*o',
  'f?o',
  '?',
  '*bar',
  'fo\\*',
  'é',
  'É',
  'ß',
  'ss',
  '10*',
  '1?',
  'a.b',
  '😀',
  '*😀*',
  'a?b',
  'İ',
  'i*',
  'true',
  '',
);
const regexPattern = fc.constantFrom(
  'foo',
  'FOO',
  'f.*',
  '.*o',
  '[a-z]+',
  '[A-Z]+',
  '\\d+',
  '1.*',
  '(foo|bar)',
  'fo{2}',
  '.',
  '..',
  'é',
  'É',
  '.*😀.*',
  'ß',
  'a~b',
  '',
);

function patternList(pattern: fc.Arbitrary<string>): fc.Arbitrary<string> {
  return fc.oneof(
    pattern.map(quote),
    fc.array(pattern, { minLength: 1, maxLength: 3 }).map((items) => `(${items.map(quote).join(', ')})`),
  );
}

const stringMatch = fc
  .oneof(
    fc.tuple(field, fc.constantFrom(':', 'like', 'like~'), patternList(wildcardPattern)),
    fc.tuple(field, fc.constantFrom('regex', 'regex~'), patternList(regexPattern)),
  )
  .map(([f, op, patterns]) => `${f} ${op} ${patterns}`);

const inList = fc
  .tuple(
    field,
    fc.constantFrom('in', 'in~', 'not in', 'not in~'),
    fc.array(constant, { minLength: 1, maxLength: 7 }),
  )
  .map(([f, op, items]) => `${f} ${op} (${items.join(', ')})`);

const fieldComparison = fc.oneof(
  fc.tuple(field, comparisonOp, constant).map(([f, op, c]) => `${f} ${op} ${c}`),
  fc.tuple(constant, comparisonOp, field).map(([c, op, f]) => `${c} ${op} ${f}`),
);

const stringFunctionFilter = fc
  .tuple(
    fc.constantFrom('startsWith', 'endsWith', 'stringContains'),
    fc.boolean(),
    field,
    fc.constantFrom(...STRINGS),
  )
  .map(([name, ci, f, s]) => `${name}${ci ? '~' : ''}(${f}, ${quote(s)})`);

const cidrFilter = fc
  .tuple(
    field,
    fc.array(fc.constantFrom('10.0.0.0/8', '10.0.0.1/32', '::1/128', '0.0.0.0/0', '192.168.0.0/16'), {
      minLength: 1,
      maxLength: 2,
    }),
  )
  .map(([f, blocks]) => `cidrMatch(${f}, ${blocks.map(quote).join(', ')})`);

/** Value expressions: fields, constants, arithmetic and every function. */
const valueExpression: fc.Arbitrary<string> = fc.letrec<{ value: string }>((tie) => {
  const sub = tie('value');
  return {
    value: fc.oneof(
      { depthSize: 'small', maxDepth: 2, withCrossShrink: true },
      field,
      numberConstant,
      stringConstant,
      fc
        .tuple(sub, fc.constantFrom('+', '-', '*', '/', '%'), fc.oneof(numberConstant, sub))
        .map(([l, op, r]) => `(${l} ${op} ${r})`),
      sub.map((v) => `-(${v})`),
      fc
        .tuple(fc.constantFrom('add', 'subtract', 'multiply', 'divide', 'modulo'), sub, numberConstant)
        .map(([name, l, r]) => `${name}(${l}, ${r})`),
      sub.map((v) => `length(${v})`),
      sub.map((v) => `number(${v})`),
      sub.map((v) => `string(${v})`),
      fc.tuple(sub, sub).map(([l, r]) => `concat(${l}, ${r})`),
      fc
        .tuple(sub, fc.integer({ min: -3, max: 4 }), fc.option(fc.integer({ min: -3, max: 6 })))
        .map(([v, start, end]) => `substring(${v}, ${start}${end === null ? '' : `, ${end}`})`),
      fc
        .tuple(fc.boolean(), sub, stringConstant, fc.option(fc.integer({ min: 0, max: 3 })))
        .map(([ci, v, s, from]) => `indexOf${ci ? '~' : ''}(${v}, ${s}${from === null ? '' : `, ${from}`})`),
      fc
        .tuple(fc.boolean(), sub, stringConstant, stringConstant, fc.boolean())
        .map(([ci, v, l, r, greedy]) => `between${ci ? '~' : ''}(${v}, ${l}, ${r}, ${greedy})`),
      fc
        .tuple(
          fc.constantFrom('startsWith', 'endsWith', 'stringContains'),
          fc.boolean(),
          sub,
          fc.oneof(stringConstant, sub),
        )
        .map(([name, ci, l, r]) => `${name}${ci ? '~' : ''}(${l}, ${r})`),
    ),
  };
}).value;

const computedComparison = fc
  .tuple(valueExpression, comparisonOp, constant)
  .map(([v, op, c]) => `${v} ${op} ${c}`);

const computedPredicate = fc.oneof(
  fc
    .tuple(valueExpression, fc.constantFrom(':', 'like', 'like~'), patternList(wildcardPattern))
    .map(([v, op, p]) => `${v} ${op} ${p}`),
  fc
    .tuple(
      valueExpression,
      fc.constantFrom('in', 'in~', 'not in'),
      fc.array(constant, { minLength: 1, maxLength: 3 }),
    )
    .map(([v, op, items]) => `${v} ${op} (${items.join(', ')})`),
);

const nullTest = fc
  .tuple(field, fc.constantFrom('== null', '!= null'), fc.boolean())
  .map(([f, test, flipped]) => (flipped ? `null ${test.slice(0, 2)} ${f}` : `${f} ${test}`));

const atom: fc.Arbitrary<string> = fc.oneof(
  { weight: 6, arbitrary: fieldComparison },
  { weight: 3, arbitrary: inList },
  { weight: 4, arbitrary: stringMatch },
  { weight: 2, arbitrary: stringFunctionFilter },
  { weight: 1, arbitrary: cidrFilter },
  { weight: 4, arbitrary: computedComparison },
  { weight: 2, arbitrary: computedPredicate },
  { weight: 2, arbitrary: nullTest },
  { weight: 1, arbitrary: field },
  { weight: 1, arbitrary: fc.constantFrom('true', 'false') },
);

/** A condition: atoms under `and`/`or`/`not`, and boolean sub-conditions compared as values. */
export const condition: fc.Arbitrary<string> = fc.letrec<{ cond: string }>((tie) => {
  const sub = tie('cond');
  return {
    cond: fc.oneof(
      { depthSize: 'small', maxDepth: 3, withCrossShrink: true },
      atom,
      sub.map((c) => `not (${c})`),
      fc
        .tuple(fc.constantFrom('and', 'or'), fc.array(sub, { minLength: 2, maxLength: 3 }))
        .map(([op, items]) => `(${items.join(` ${op} `)})`),
      fc
        .tuple(sub, fc.constantFrom('==', '!='), fc.constantFrom('true', 'false', 'null'))
        .map(([c, op, b]) => `(${c}) ${op} ${b}`),
    ),
  };
}).cond;
