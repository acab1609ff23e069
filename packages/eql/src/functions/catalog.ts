/**
 * The EQL function table: what Elasticsearch accepts (names, arity, `~`, argument types), plus
 * the signature and a one-line doc for editor completion and hover. Names match
 * case-insensitively (`cidrmatch` is `cidrMatch`); `name` is Elasticsearch's spelling.
 */

/** What a parameter accepts. `ip` is an IP field (string literals are refused, as in ES). */
export type ParameterKind = 'string' | 'numeric' | 'integer' | 'boolean' | 'ip' | 'any';

/** Static result type. */
export type FunctionReturnType = 'string' | 'integer' | 'numeric' | 'boolean' | 'any';

export interface FunctionParameter {
  readonly name: string;
  readonly kind: ParameterKind;
  /** May be left out (only trailing parameters are optional). */
  readonly optional?: boolean;
  /** Repeats to the end of the argument list (at least once unless `optional`). */
  readonly variadic?: boolean;
  /** Must be a literal (Elasticsearch: "must be a constant"). */
  readonly constant?: boolean;
}

export interface FunctionSignature {
  /** Canonical spelling, e.g. `cidrMatch`. */
  readonly name: string;
  readonly parameters: readonly FunctionParameter[];
  readonly minArgs: number;
  /** `Infinity` for variadic functions. */
  readonly maxArgs: number;
  /** Whether the `name~(…)` case-insensitive form exists. */
  readonly caseInsensitive: boolean;
  readonly returns: FunctionReturnType;
  /** E.g. `startsWith(source, prefix)`. */
  readonly signature: string;
  readonly doc: string;
}

interface Definition {
  readonly name: string;
  readonly parameters: readonly FunctionParameter[];
  readonly caseInsensitive?: boolean;
  readonly returns: FunctionReturnType;
  readonly doc: string;
}

const p = (
  name: string,
  kind: ParameterKind,
  extra: Omit<FunctionParameter, 'name' | 'kind'> = {},
): FunctionParameter => ({
  name,
  kind,
  ...extra,
});

const DEFINITIONS: readonly Definition[] = [
  {
    name: 'add',
    parameters: [p('addend', 'numeric'), p('addend', 'numeric')],
    returns: 'numeric',
    doc: 'Sum of two numbers (integer overflow is an error).',
  },
  {
    name: 'between',
    parameters: [
      p('source', 'string'),
      p('left', 'string'),
      p('right', 'string'),
      p('greedy', 'boolean', { optional: true, constant: true }),
    ],
    caseInsensitive: true,
    returns: 'string',
    doc: 'The text of source between left and right ("" when either is not found); greedy extends to the last right.',
  },
  {
    name: 'cidrMatch',
    parameters: [p('ip', 'ip'), p('cidr', 'string', { variadic: true, constant: true })],
    returns: 'boolean',
    doc: 'True when the IP address falls in any of the CIDR blocks (IPv4 or IPv6).',
  },
  {
    name: 'concat',
    parameters: [p('value', 'any', { variadic: true })],
    returns: 'string',
    doc: 'The values converted to strings and joined; null if any value is null.',
  },
  {
    name: 'divide',
    parameters: [p('dividend', 'numeric'), p('divisor', 'numeric')],
    returns: 'numeric',
    doc: 'Quotient; integer division truncates when both are integers.',
  },
  {
    name: 'endsWith',
    parameters: [p('source', 'string'), p('suffix', 'string')],
    caseInsensitive: true,
    returns: 'boolean',
    doc: 'True when source ends with suffix. Over a field, Elasticsearch reads * ? and \\ in the suffix as wildcard syntax.',
  },
  {
    name: 'indexOf',
    parameters: [p('source', 'string'), p('substring', 'string'), p('start', 'integer', { optional: true })],
    caseInsensitive: true,
    returns: 'integer',
    doc: 'Position of the first substring at or after start (0-based), or null.',
  },
  {
    name: 'length',
    parameters: [p('source', 'string')],
    returns: 'integer',
    doc: 'Number of characters in source.',
  },
  {
    name: 'modulo',
    parameters: [p('dividend', 'numeric'), p('divisor', 'numeric')],
    returns: 'numeric',
    doc: 'Remainder of the division, with the sign of the dividend.',
  },
  {
    name: 'multiply',
    parameters: [p('factor', 'numeric'), p('factor', 'numeric')],
    returns: 'numeric',
    doc: 'Product of two numbers (integer overflow is an error).',
  },
  {
    name: 'number',
    parameters: [p('string', 'string'), p('base', 'integer', { optional: true })],
    returns: 'numeric',
    doc: 'The string parsed as a number, in base 10 or the given base.',
  },
  {
    name: 'startsWith',
    parameters: [p('source', 'string'), p('prefix', 'string')],
    caseInsensitive: true,
    returns: 'boolean',
    doc: 'True when source starts with prefix.',
  },
  {
    name: 'string',
    parameters: [p('value', 'any')],
    returns: 'string',
    doc: 'The value converted to a string.',
  },
  {
    name: 'stringContains',
    parameters: [p('source', 'string'), p('substring', 'string')],
    caseInsensitive: true,
    returns: 'boolean',
    doc: 'True when source contains substring. Over a field, Elasticsearch reads * ? and \\ in it as wildcard syntax.',
  },
  {
    name: 'substring',
    parameters: [p('source', 'string'), p('start', 'integer'), p('end', 'integer', { optional: true })],
    returns: 'string',
    doc: 'The characters from start up to end (0-based; negative counts from the end).',
  },
  {
    name: 'subtract',
    parameters: [p('minuend', 'numeric'), p('subtrahend', 'numeric')],
    returns: 'numeric',
    doc: 'Difference of two numbers (integer overflow is an error).',
  },
];

function formatSignature(definition: Definition): string {
  const parts = definition.parameters.map((parameter) => {
    const text = parameter.variadic ? `${parameter.name}, …` : parameter.name;
    return parameter.optional ? `[${text}]` : text;
  });
  return `${definition.name}(${parts.join(', ')})`;
}

function toSignature(definition: Definition): FunctionSignature {
  const variadic = definition.parameters.some((parameter) => parameter.variadic);
  return {
    name: definition.name,
    parameters: definition.parameters,
    minArgs: definition.parameters.filter((parameter) => !parameter.optional).length,
    maxArgs: variadic ? Number.POSITIVE_INFINITY : definition.parameters.length,
    caseInsensitive: definition.caseInsensitive ?? false,
    returns: definition.returns,
    signature: formatSignature(definition),
    doc: definition.doc,
  };
}

/** Every function, in alphabetical order. */
export const FUNCTIONS: readonly FunctionSignature[] = DEFINITIONS.map(toSignature);

const BY_LOWER_NAME: ReadonlyMap<string, FunctionSignature> = new Map(
  FUNCTIONS.map((signature) => [signature.name.toLowerCase(), signature]),
);

/** The function called `name` in any letter case, or `undefined`. */
export function lookupFunction(name: string): FunctionSignature | undefined {
  return BY_LOWER_NAME.get(name.toLowerCase());
}

/** The parameter an argument at `index` binds to (variadic parameters absorb the rest). */
export function parameterAt(signature: FunctionSignature, index: number): FunctionParameter | undefined {
  const direct = signature.parameters[index];
  if (direct !== undefined) return direct;
  const last = signature.parameters[signature.parameters.length - 1];
  return last?.variadic ? last : undefined;
}
