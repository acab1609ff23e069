/**
 * Turns a filter plan into one generated function. Nested closures are slow in the hot loop
 * because every closure made from one literal shares its call-site feedback: the engine sees
 * megamorphic calls and keyed property loads, and inlines nothing. Generated code has its own
 * call sites: field paths become named property loads, `===` tests are inlined, and calls into
 * the remaining per-value tests are monomorphic.
 *
 * Only structure, property names and scalar constants become code (strings through
 * `JSON.stringify`, a valid string literal for any string); other constants and tests are
 * passed in as values. The result must equal `planToClosure(plan)` on every event (events are
 * JSON, but functions and other values along a path are handled too); where `new Function` is
 * not allowed (a Content Security Policy without `unsafe-eval`), `generateFilter` returns
 * undefined and callers use closures.
 */

import { normalizeRaw, slowRaw } from './fields.js';
import type { FilterPlan, Predicate, ValueTest } from './filter-plan.js';
import { valueToString } from './values.js';

/** Longest `equals` list inlined as `===` comparisons; longer ones call the test. */
const MAX_INLINE_EQUALS = 4;
/** Longest `oneOf` list (`in`) inlined as `===` comparisons; longer ones use a `Set`. */
const MAX_INLINE_ONE_OF = 8;

let allowed: boolean | undefined;

function codeGenerationAllowed(): boolean {
  if (allowed === undefined) {
    try {
      allowed = new Function('return 1')() === 1;
    } catch {
      allowed = false;
    }
  }
  return allowed;
}

/**
 * What a value under test is known to be where the test runs: a string, a scalar that is not a
 * string, any scalar, or any value but an array (objects and null are then no value at all).
 */
type Seen = 'string' | 'other' | 'scalar' | 'value';

/** Whether a value test says something special about strings (worth a `typeof` dispatch). */
function hasStringForm(value: ValueTest): boolean {
  return value.strings !== undefined || value.oneOf !== undefined || value.string !== undefined;
}

const PRIMITIVE_PROTOTYPES = [
  String.prototype,
  Number.prototype,
  Boolean.prototype,
  Symbol.prototype,
  BigInt.prototype,
];

/**
 * Whether reading property `name` of any primitive gives undefined (no index, no `length`, no
 * inherited member), so that a primitive needs no check before the read: it then simply has no
 * such field, which sends the test to the accessor as for any other missing field.
 */
function absentFromPrimitives(name: string): boolean {
  return !/^\d/.test(name) && !PRIMITIVE_PROTOTYPES.some((prototype) => name in prototype);
}

/**
 * A scalar constant as source text, or undefined for other values. Strings become literals
 * (through `JSON.stringify`, like property names) because literals are internalized: `===`
 * between two internalized strings is a pointer comparison, while a string built by the parser
 * is compared character by character with every event's value of the same length.
 */
function scalarLiteral(value: unknown): string | undefined {
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'boolean') return String(value);
  // Number to string and back is exact for finite numbers (-0 prints as 0: the same to `===` and `<`).
  if (typeof value === 'number' && Number.isFinite(value)) return value < 0 ? `(${value})` : String(value);
  return undefined;
}

class Generator {
  readonly constants: unknown[] = [];
  readonly declarations: string[] = [];
  private readonly names = new Map<unknown, string>();
  private readonly accessors = new Map<string, string>();
  private readonly sets = new Map<readonly string[], ReadonlySet<string>>();
  private counter = 0;
  /** How many prefix temporaries (`t0`, `t1`…) the inline paths use, declared once in the filter. */
  depth = 0;

  /** Source text for `value`: a literal for a scalar, else a name bound to it (one per value). */
  constant(value: unknown): string {
    const literal = scalarLiteral(value);
    if (literal !== undefined) return literal;
    const known = this.names.get(value);
    if (known !== undefined) return known;
    const name = `c${this.constants.length}`;
    this.declarations.push(`const ${name} = k[${this.constants.length}];`);
    this.constants.push(value);
    this.names.set(value, name);
    return name;
  }

  private fresh(prefix: string): string {
    return `${prefix}${this.counter++}`;
  }

  /** One accessor function per distinct path, mirroring `compileFieldAccessor` branch by branch. */
  accessor(path: readonly string[]): string {
    const id = JSON.stringify(path);
    const known = this.accessors.get(id);
    if (known !== undefined) return known;
    const name = this.fresh('a');
    this.accessors.set(id, name);
    this.declarations.push(`function ${name}(s) {\n${accessorBody(path, this.constant(path))}\n}`);
    return name;
  }

  /**
   * The inline read of a field: every segment but the last must hold a value that can have
   * members, and the last must not be undefined, which then is in `v`. A prefix value may be
   * anything but null, undefined, a function or an array: a primitive needs no check because
   * reading a segment of it gives undefined, as for any missing field (see
   * `absentFromPrimitives`; other names are checked where read). Not testing
   * `typeof t === 'object'` matters: on event-sized heaps it costs more than the rest of a test
   * (measured; it seems to hold back the loads of the next events).
   */
  private inlinePath(path: readonly string[]): string {
    const checks: string[] = [];
    let holder = 's';
    for (let i = 0; i < path.length - 1; i++) {
      const temp = `t${i}`;
      checks.push(
        `(${temp} = ${this.read(holder, path[i] as string, i > 0)}) != null`,
        `typeof ${temp} !== 'function'`,
        `!Array.isArray(${temp})`,
      );
      holder = temp;
    }
    this.depth = Math.max(this.depth, path.length - 1);
    checks.push(`(v = ${this.read(holder, path[path.length - 1] as string, path.length > 1)}) !== undefined`);
    return checks.join(' && ');
  }

  /** Reads `key` of `holder`; a prefix value (maybe a primitive) is checked first where needed. */
  private read(holder: string, key: string, prefix: boolean): string {
    const read = `${holder}[${JSON.stringify(key)}]`;
    return prefix && !absentFromPrimitives(key)
      ? `(typeof ${holder} === 'object' ? ${read} : undefined)`
      : read;
  }

  /** A test of the value in `name`: `seen` says what it can be there (see `Seen`). */
  private scalar(value: ValueTest, name: string, seen: Seen): string {
    const test = (): string => `${this.constant(value.test)}(${name})`;
    // Objects and null are no value: only what is not an object reaches `test`.
    const guard = (expression: string): string =>
      seen === 'value' ? `(typeof ${name} !== 'object' && ${expression})` : expression;
    const { equals, number } = value;
    if (equals !== undefined && equals.length > 0 && equals.length <= MAX_INLINE_EQUALS) {
      // `===` with a scalar is false for objects and null; a string never equals a number or a
      // boolean: keep only the constants that can match.
      const candidates = equals.filter(
        (item) => seen === 'scalar' || seen === 'value' || (typeof item === 'string') === (seen === 'string'),
      );
      if (candidates.length === 0) return 'false';
      return `(${candidates.map((item) => `${name} === ${this.constant(item)}`).join(' || ')})`;
    }
    if (seen !== 'string' && number !== undefined && Number.isFinite(number.value)) {
      const { op, value: n } = number;
      return `(typeof ${name} === 'number' ? ${name} ${op === '==' ? '===' : op} ${this.constant(n)} : ${guard(test())})`;
    }
    if (hasStringForm(value) && (seen === 'scalar' || seen === 'value')) {
      const onString = this.scalar(value, name, 'string');
      return `(typeof ${name} === 'string' ? ${onString} : ${guard(this.scalar(value, name, 'other'))})`;
    }
    if (value.strings !== undefined)
      return `${this.constant(value.strings)}(${seen === 'string' ? name : `str(${name})`})`;
    if (seen === 'string' && (value.oneOf !== undefined || value.string !== undefined))
      return this.stringTest(value, name);
    return guard(test());
  }

  /** The `oneOf` / `string` form of a test, for a string in `name`. */
  private stringTest(value: ValueTest, name: string): string {
    const { oneOf } = value;
    if (oneOf === undefined) return `${this.constant(value.string)}(${name})`;
    if (oneOf.length === 0) return 'false';
    if (oneOf.length <= MAX_INLINE_ONE_OF)
      return `(${oneOf.map((item) => `${name} === ${this.constant(item)}`).join(' || ')})`;
    let set = this.sets.get(oneOf);
    if (set === undefined) {
      set = new Set(oneOf);
      this.sets.set(oneOf, set);
    }
    return `${this.constant(set)}.has(${name})`;
  }

  /**
   * A function testing every value of a raw array in the order `normalizeRaw` flattens it
   * (nested arrays depth first, nulls and objects skipped), so it needs no flattened copy and
   * also takes the accessor's multi-values.
   */
  private multi(value: ValueTest): string {
    const name = this.fresh('m');
    this.declarations.push(
      [
        `function ${name}(a) {`,
        '  for (let i = 0; i < a.length; i++) {',
        '    const v = a[i];',
        `    if (typeof v === 'string') { if (${this.scalar(value, 'v', 'string')}) return true; }`,
        `    else if (typeof v === 'number' || typeof v === 'boolean') { if (${this.scalar(value, 'v', 'other')}) return true; }`,
        `    else if (Array.isArray(v) && ${name}(v)) return true;`,
        '  }',
        '  return false;',
        '}',
      ].join('\n'),
    );
    return name;
  }

  /**
   * `some`: true when a value of the field passes. The common shapes are read inline (see
   * `inlinePath`): then the accessor would return `v` normalized exactly as tested here: an
   * array (one string inline, others through the multi-value loop), a scalar, or null or an
   * object (no value). Any other shape (absent, arrays of objects, flat dotted keys) goes
   * through the accessor.
   */
  private some(path: readonly string[], value: ValueTest): string {
    const multi = this.multi(value);
    const general = `((v = ${this.accessor(path)}(s)) !== undefined && (Array.isArray(v) ? ${multi}(v) : ${this.scalar(value, 'v', 'scalar')}))`;
    // Plain property reads would find inherited members (`constructor`): the accessor's walk only.
    if (path.some((segment) => segment in Object.prototype)) return general;
    const found = `(Array.isArray(v) ? (v.length === 1 && typeof (x = v[0]) === 'string' ? ${this.scalar(value, 'x', 'string')} : ${multi}(v)) : ${this.scalar(value, 'v', 'value')})`;
    // A top-level key that is undefined leaves nothing for the accessor to find.
    if (path.length === 1) return `(${this.inlinePath(path)} && ${found})`;
    return `(${this.inlinePath(path)} ? ${found} : ${general})`;
  }

  expression(plan: FilterPlan): string {
    switch (plan.kind) {
      case 'constant':
        return plan.value ? 'true' : 'false';
      case 'and':
      case 'or':
        return `(${plan.operands.map((operand) => this.expression(operand)).join(plan.kind === 'and' ? ' && ' : ' || ')})`;
      case 'not':
        return `!${this.expression(plan.operand)}`;
      case 'predicate':
        return `${this.constant(plan.predicate)}(s)`;
      case 'absent':
        return `(${this.accessor(plan.path)}(s) === undefined)`;
      case 'some':
        return this.some(plan.path, plan.value);
    }
  }
}

const PLAIN = (x: string): string => `typeof ${x} === 'object' && ${x} !== null && !isArray(${x})`;
// A one-element array of a string (`event.category: ["process"]`) is common enough to skip the call.
const LEAF = (x: string): string =>
  `return typeof ${x} !== 'object' ? ${x} : isArray(${x}) && ${x}.length === 1 && typeof ${x}[0] === 'string' ? ${x}[0] : norm(${x});`;

function accessorBody(path: readonly string[], segments: string): string {
  const key = (i: number): string => JSON.stringify(path[i] as string);
  const joined = (from: number, to: number): string => JSON.stringify(path.slice(from, to).join('.'));
  const slow = `return slow(s, ${segments});`;
  if (path.some((segment) => segment in Object.prototype)) return slow;
  if (path.length === 1) return `const x = s[${key(0)}];\n${LEAF('x')}`;
  if (path.length === 2) {
    return [
      `const o = s[${key(0)}];`,
      `if (${PLAIN('o')}) { const x = o[${key(1)}]; if (x !== undefined) ${LEAF('x')} }`,
      `else if (isArray(o)) ${slow}`,
      `const f = s[${joined(0, 2)}];`,
      LEAF('f'),
    ].join('\n');
  }
  if (path.length === 3) {
    return [
      `const o = s[${key(0)}];`,
      `if (${PLAIN('o')}) {`,
      `  const p = o[${key(1)}];`,
      `  if (${PLAIN('p')}) { const x = p[${key(2)}]; if (x !== undefined) ${LEAF('x')} }`,
      `  else if (isArray(p)) ${slow}`,
      `  if (!own(o, ${joined(1, 3)}) && !own(s, ${joined(0, 2)}) && !own(s, ${joined(0, 3)})) return undefined;`,
      `} else if (o === undefined && !own(s, ${joined(0, 2)}) && !own(s, ${joined(0, 3)})) return undefined;`,
      slow,
    ].join('\n');
  }
  const last = path.length - 1;
  const lines = ['let n = s;'];
  for (let i = 0; i < last; i++) lines.push(`n = n[${key(i)}];`, `if (!(${PLAIN('n')})) ${slow}`);
  lines.push(`const x = n[${key(last)}];`, `if (x === undefined) ${slow}`, LEAF('x'));
  return lines.join('\n');
}

const HELPERS = {
  norm: normalizeRaw,
  slow: slowRaw,
  own: Object.hasOwn,
  isArray: Array.isArray,
  str: (value: string | number | boolean): string => valueToString(value),
};

/** The plan as one generated function, or undefined where code generation is not allowed. */
export function generateFilter(plan: FilterPlan): Predicate | undefined {
  if (plan.kind === 'constant' || plan.kind === 'predicate' || !codeGenerationAllowed()) return undefined;
  const generator = new Generator();
  const body = generator.expression(plan);
  const source = [
    "'use strict';",
    'const { norm, slow, own, isArray, str } = h;',
    ...generator.declarations,
    `return function eqlFilter(s) {\n  let ${['v', 'x', ...Array.from({ length: generator.depth }, (_, i) => `t${i}`)].join(', ')};\n  return ${body};\n};`,
  ].join('\n');
  try {
    return new Function('k', 'h', source)(generator.constants, HELPERS) as Predicate;
  } catch {
    return undefined;
  }
}

/** The generated accessor for one path (for tests: it must agree with `compileFieldAccessor`). */
export function generateAccessor(
  path: readonly string[],
): ((source: Record<string, unknown>) => unknown) | undefined {
  if (!codeGenerationAllowed()) return undefined;
  const generator = new Generator();
  const name = generator.accessor(path);
  const source = [
    "'use strict';",
    'const { norm, slow, own, isArray, str } = h;',
    ...generator.declarations,
    `return ${name};`,
  ].join('\n');
  return new Function('k', 'h', source)(generator.constants, HELPERS) as (
    source: Record<string, unknown>,
  ) => unknown;
}
