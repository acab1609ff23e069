/**
 * The words of Elasticsearch EQL as the editor needs them: for highlighting now, for
 * completion and hover later. Semantics live in `@rulebench/eql`; this is presentation only.
 */

export const EQL_KEYWORDS = [
  'and',
  'any',
  'by',
  'in',
  'like',
  'maxspan',
  'not',
  'of',
  'or',
  'regex',
  'runs',
  'sample',
  'sequence',
  'until',
  'where',
  'with',
] as const;

export const EQL_CONSTANTS = ['true', 'false', 'null'] as const;

export const EQL_PIPES = ['head', 'tail'] as const;

export interface EqlFunctionDoc {
  readonly name: string;
  readonly signature: string;
  readonly summary: string;
  /** Accepts the `~` suffix for case-insensitive matching. */
  readonly caseInsensitive: boolean;
}

export const EQL_FUNCTIONS: readonly EqlFunctionDoc[] = [
  { name: 'add', signature: 'add(<addend>, <addend>)', summary: 'Sum of two numbers.', caseInsensitive: false },
  {
    name: 'between',
    signature: 'between(<source>, <left>, <right>[, <greedy_matching>])',
    summary: 'Substring of source between left and right.',
    caseInsensitive: true,
  },
  {
    name: 'cidrMatch',
    signature: 'cidrMatch(<ip_address>, <cidr_block>[, …])',
    summary: 'True if the IP address is in one of the CIDR blocks.',
    caseInsensitive: false,
  },
  { name: 'concat', signature: 'concat(<value>[, <value>, …])', summary: 'Concatenation of the values as strings.', caseInsensitive: false },
  { name: 'divide', signature: 'divide(<dividend>, <divisor>)', summary: 'Quotient of two numbers.', caseInsensitive: false },
  {
    name: 'endsWith',
    signature: 'endsWith(<source>, <substring>)',
    summary: 'True if source ends with substring.',
    caseInsensitive: true,
  },
  {
    name: 'indexOf',
    signature: 'indexOf(<source>, <substring>[, <start_pos>])',
    summary: 'Position of the first occurrence of substring, or null.',
    caseInsensitive: true,
  },
  { name: 'length', signature: 'length(<string>)', summary: 'Number of characters in the string.', caseInsensitive: false },
  { name: 'modulo', signature: 'modulo(<dividend>, <divisor>)', summary: 'Remainder of a division.', caseInsensitive: false },
  { name: 'multiply', signature: 'multiply(<factor>, <factor>)', summary: 'Product of two numbers.', caseInsensitive: false },
  { name: 'number', signature: 'number(<string>[, <base>])', summary: 'Parses a string as a number.', caseInsensitive: false },
  {
    name: 'startsWith',
    signature: 'startsWith(<source>, <substring>)',
    summary: 'True if source starts with substring.',
    caseInsensitive: true,
  },
  { name: 'string', signature: 'string(<value>)', summary: 'The value as a string.', caseInsensitive: false },
  {
    name: 'stringContains',
    signature: 'stringContains(<source>, <substring>)',
    summary: 'True if source contains substring.',
    caseInsensitive: true,
  },
  {
    name: 'substring',
    signature: 'substring(<source>, <start_pos>[, <end_pos>])',
    summary: 'Part of source between two positions (negative positions count from the end).',
    caseInsensitive: false,
  },
  { name: 'subtract', signature: 'subtract(<minuend>, <subtrahend>)', summary: 'Difference of two numbers.', caseInsensitive: false },
];
