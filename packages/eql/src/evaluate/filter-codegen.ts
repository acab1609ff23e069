/**
 * Turns a filter plan into one generated function. Nested closures are slow in the hot loop
 * because every closure made from one literal shares its call-site feedback: the engine sees
 * megamorphic calls and keyed property loads, and inlines nothing. Generated code has its own
 * call sites: field paths become named property loads, `===` tests are inlined, and calls into
 * the remaining per-value tests are monomorphic.
 *
 * Only structure and property names become code (names through `JSON.stringify`, a valid string
 * literal for any string); constants and tests are passed in as values. The result must equal
 * `planToClosure(plan)` on every event; where `new Function` is not allowed (a Content Security
 * Policy without `unsafe-eval`), `generateFilter` returns undefined and callers use closures.
 */

import { normalizeRaw, slowRaw } from './fields.js';
import type { FilterPlan, Predicate, ValueTest } from './filter-plan.js';
import { valueToString } from './values.js';

/** Longest `equals` list inlined as `===` comparisons; longer ones call the test. */
const MAX_INLINE_EQUALS = 4;

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

class Generator {
  readonly constants: unknown[] = [];
  readonly declarations: string[] = [];
  private readonly accessors = new Map<string, string>();
  private counter = 0;

  /** A name bound to `value` in the generated scope. */
  constant(value: unknown): string {
    const name = `c${this.constants.length}`;
    this.declarations.push(`const ${name} = k[${this.constants.length}];`);
    this.constants.push(value);
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

  /** Temporaries the inline paths use (`t0`, `t1`…), declared once in the filter. */
  depth = 0;

  /**
   * The common case of a field test without a call: every segment but the last a plain object
   * and the last a scalar (or a one-string array), which then is in `v`. Exactly then does the
   * accessor return that scalar, so any other shape (absent, null, arrays, flat dotted keys)
   * falls back to the accessor. Saves a call per test, which matters once a rule has more tests
   * than the engine inlines.
   */
  private inlinePath(path: readonly string[]): string | undefined {
    if (path.some((segment) => segment in Object.prototype)) return undefined;
    const parts: string[] = [];
    let node = 's';
    for (let i = 0; i < path.length - 1; i++) {
      const temp = `t${i}`;
      parts.push(
        `typeof (${temp} = ${node}[${JSON.stringify(path[i])}]) === 'object'`,
        `${temp} !== null`,
        `!isArray(${temp})`,
      );
      node = temp;
    }
    this.depth = Math.max(this.depth, path.length - 1);
    // A one-string array (`event.category: ["process"]`) is as common as a scalar.
    parts.push(
      `(v = ${node}[${JSON.stringify(path[path.length - 1])}]) !== undefined`,
      `(typeof v !== 'object' || (isArray(v) && v.length === 1 && typeof (v = v[0]) === 'string'))`,
    );
    return `(${parts.join(' && ')})`;
  }

  /** A boolean expression over `v` (one scalar value) for a value test. */
  private valueExpression(value: ValueTest): string {
    const { equals } = value;
    if (equals !== undefined && equals.length > 0 && equals.length <= MAX_INLINE_EQUALS) {
      return `(${equals.map((item) => `v === ${this.constant(item)}`).join(' || ')})`;
    }
    if (value.number !== undefined && Number.isFinite(value.number.value)) {
      const { op, value: n } = value.number;
      return `(typeof v === 'number' ? v ${op === '==' ? '===' : op} ${this.constant(n)} : ${this.constant(value.test)}(v))`;
    }
    if (value.strings !== undefined)
      return `${this.constant(value.strings)}(typeof v === 'string' ? v : str(v))`;
    return `${this.constant(value.test)}(v)`;
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
      case 'some': {
        const access = this.accessor(plan.path);
        const test = this.valueExpression(plan.value);
        const multi = this.fresh('m');
        this.declarations.push(
          `function ${multi}(a) {\n  for (let i = 0; i < a.length; i++) { const v = a[i]; if (${test}) return true; }\n  return false;\n}`,
        );
        const general = `((v = ${access}(s)) === undefined ? false : typeof v !== 'object' ? ${test} : ${multi}(v))`;
        const inline = this.inlinePath(plan.path);
        return inline === undefined ? general : `(${inline} ? ${test} : ${general})`;
      }
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
    `return function eqlFilter(s) {\n  let ${['v', ...Array.from({ length: generator.depth }, (_, i) => `t${i}`)].join(', ')};\n  return ${body};\n};`,
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
