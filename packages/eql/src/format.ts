/**
 * Canonical EQL printing: lower-case keywords, one space around binary operators, the fewest
 * parentheses precedence allows, strings re-escaped. `parse(format(ast))` gives back `ast`
 * (modulo `loc`) for every tree the parser produces.
 */

import type {
  Expression,
  FieldNode,
  LiteralNode,
  Node,
  PipeNode,
  QueryBody,
  QueryNode,
  SampleTermNode,
  SequenceTermNode,
} from './ast.js';
import { KEYWORDS } from './token.js';

/** Binding strength, loosest first. Parentheses are needed when a child binds looser. */
const Precedence = {
  Lowest: 0,
  Or: 1,
  And: 2,
  Not: 3,
  Predicate: 4,
  Additive: 5,
  Multiplicative: 6,
  Unary: 7,
  Primary: 8,
} as const;

type Precedence = (typeof Precedence)[keyof typeof Precedence];

const BARE_NAME = /^[A-Za-z_@][A-Za-z0-9_]*$/;
const MAX_LONG = 9_223_372_036_854_775_807n;

/** Print any node (a query, a term, an expression…) as EQL text. */
export function format(node: Node): string {
  switch (node.kind) {
    case 'Query':
      return formatQuery(node);
    case 'EventQuery':
      return `${formatCategory(node.category.name)} where ${formatExpression(node.condition)}`;
    case 'EventCategory':
      return formatCategory(node.name);
    case 'Sequence':
    case 'Sample':
      return formatBody(node);
    case 'SequenceTerm':
    case 'SampleTerm':
      return formatTerm(node);
    case 'TimeSpan':
      return `${node.value}${node.unit}`;
    case 'Pipe':
      return formatPipe(node);
    default:
      return formatExpression(node);
  }
}

function formatQuery(query: QueryNode): string {
  const body = formatBody(query.body);
  if (query.pipes.length === 0) return body;
  const separator = query.body.kind === 'EventQuery' ? ' ' : '\n';
  return [body, ...query.pipes.map(formatPipe)].join(separator);
}

function formatBody(body: QueryBody): string {
  switch (body.kind) {
    case 'EventQuery':
      return format(body);
    case 'Sequence': {
      let header = 'sequence';
      if (body.by.length > 0) header += ` by ${formatList(body.by)}`;
      if (body.maxspan !== null) header += ` with maxspan=${format(body.maxspan)}`;
      const lines = [header, ...body.terms.map((term) => `  ${formatTerm(term)}`)];
      if (body.until !== null) lines.push(`until ${formatTerm(body.until)}`);
      return lines.join('\n');
    }
    case 'Sample': {
      const header = body.by.length > 0 ? `sample by ${formatList(body.by)}` : 'sample';
      return [header, ...body.terms.map((term) => `  ${formatTerm(term)}`)].join('\n');
    }
  }
}

function formatTerm(term: SequenceTermNode | SampleTermNode): string {
  const open = term.kind === 'SequenceTerm' && term.missing ? '![' : '[';
  let text = `${open}${format(term.query)}]`;
  if (term.by.length > 0) text += ` by ${formatList(term.by)}`;
  if (term.kind === 'SequenceTerm' && term.runs !== null) text += ` with runs=${term.runs}`;
  return text;
}

function formatPipe(pipe: PipeNode): string {
  return pipe.args.length === 0 ? `| ${pipe.name}` : `| ${pipe.name} ${formatList(pipe.args)}`;
}

function formatCategory(name: string | null): string {
  if (name === null) return 'any';
  return BARE_NAME.test(name) && !KEYWORDS.has(name) ? name : formatString(name);
}

function formatList(items: readonly Expression[]): string {
  return items.map((item) => formatExpression(item)).join(', ');
}

/** Print an expression; wraps it in parentheses when it binds looser than `context`. */
export function formatExpression(node: Expression, context: number = Precedence.Lowest): string {
  const own = precedence(node);
  const text = formatUnwrapped(node);
  return own < context ? `(${text})` : text;
}

function precedence(node: Expression): Precedence {
  switch (node.kind) {
    case 'Logical':
      return node.op === 'or' ? Precedence.Or : Precedence.And;
    case 'Not':
      return Precedence.Not;
    case 'Comparison':
    case 'In':
    case 'StringMatch':
      return Precedence.Predicate;
    case 'Arithmetic':
      return node.op === '+' || node.op === '-' ? Precedence.Additive : Precedence.Multiplicative;
    case 'Negate':
      return Precedence.Unary;
    case 'Literal':
    case 'Field':
    case 'FunctionCall':
      return Precedence.Primary;
  }
}

function formatUnwrapped(node: Expression): string {
  switch (node.kind) {
    case 'Literal':
      return formatLiteral(node);
    case 'Field':
      return formatField(node);
    case 'Logical': {
      // Operands of the same operator are parenthesised: the parser would flatten them.
      const operandContext = node.op === 'or' ? Precedence.And : Precedence.Not;
      return node.operands.map((operand) => formatExpression(operand, operandContext)).join(` ${node.op} `);
    }
    case 'Not':
      return `not ${formatExpression(node.operand, Precedence.Not)}`;
    case 'Comparison':
      return `${formatComparisonLeft(node.left)} ${node.op} ${formatExpression(node.right, Precedence.Additive)}`;
    case 'In': {
      const op = `${node.negated ? 'not ' : ''}in${node.caseInsensitive ? '~' : ''}`;
      return `${formatPredicateOperand(node.value)} ${op} (${formatList(node.list)})`;
    }
    case 'StringMatch': {
      const op = node.op === ':' ? ':' : `${node.op}${node.caseInsensitive ? '~' : ''}`;
      const [only] = node.patterns;
      const patterns =
        node.patterns.length === 1 && only !== undefined && only.kind === 'Literal'
          ? formatExpression(only)
          : `(${formatList(node.patterns)})`;
      return `${formatPredicateOperand(node.value)} ${op} ${patterns}`;
    }
    case 'Arithmetic': {
      const own = precedence(node);
      // Left-associative: a right operand of the same precedence needs parentheses.
      return `${formatExpression(node.left, own)} ${node.op} ${formatExpression(node.right, own + 1)}`;
    }
    case 'Negate': {
      const operand = formatExpression(node.operand, Precedence.Unary);
      // `-1` would read back as the literal -1, and `--x` as a decrement: keep them apart.
      const ambiguous =
        operand.startsWith('-') ||
        (node.operand.kind === 'Literal' && typeof node.operand.value === 'number');
      return ambiguous ? `-(${operand})` : `-${operand}`;
    }
    case 'FunctionCall':
      return `${node.name}${node.caseInsensitive ? '~' : ''}(${formatList(node.args)})`;
  }
}

/** A predicate may stand bare on the left of a comparison (`a in (1) == false`). */
function formatComparisonLeft(node: Expression): string {
  const predicate = node.kind === 'In' || node.kind === 'StringMatch';
  return formatExpression(node, predicate ? Precedence.Predicate : Precedence.Additive);
}

/** The parser asks for parentheses around arithmetic before a predicate: print them. */
function formatPredicateOperand(node: Expression): string {
  const grouped = node.kind === 'Arithmetic' || node.kind === 'Negate';
  return formatExpression(node, grouped ? Precedence.Primary : Precedence.Additive);
}

function formatLiteral(node: LiteralNode): string {
  const { value } = node;
  if (value === null) return 'null';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'string') return formatString(value);
  return formatNumber(value, node.numberType ?? (Number.isInteger(value) ? 'integer' : 'float'));
}

function formatNumber(value: number, numberType: 'integer' | 'float'): string {
  if (!Number.isFinite(value)) return value > 0 ? '1e999' : '-1e999';
  if (Object.is(value, -0)) return numberType === 'integer' ? '-0' : '-0.0';
  if (Number.isInteger(value) && !Number.isSafeInteger(value)) {
    const digits = BigInt(value).toString();
    if (numberType === 'integer') return digits;
    // A float with an integral value must not read back as an integer.
    const magnitude = BigInt(value) < 0n ? -BigInt(value) : BigInt(value);
    return magnitude > MAX_LONG ? digits : `${digits}.0`;
  }
  const text = String(value);
  if (numberType === 'float' && !/[.eE]/.test(text)) return `${text}.0`;
  if (numberType === 'integer' && /[.eE]/.test(text)) return String(Math.trunc(value));
  return text;
}

const ESCAPES: Readonly<Record<string, string>> = {
  '\\': '\\\\',
  '"': '\\"',
  '\n': '\\n',
  '\r': '\\r',
  '\t': '\\t',
  '\b': '\\b',
  '\f': '\\f',
};

/**
 * A string literal. Strings holding backslashes (Windows paths, regular expressions) print as
 * raw `"""…"""` when that is exact, since that is how people write them.
 */
export function formatString(value: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what we look for
  const hasControl = /[\u0000-\u001f\u007f]/.test(value);
  if (value.includes('\\') && !value.includes('"') && !hasControl) return `"""${value}"""`;
  let text = '"';
  for (const char of value) {
    const escaped = ESCAPES[char];
    if (escaped !== undefined) text += escaped;
    else if (char < ' ' || char === '\u007f')
      text += `\\u{${char.charCodeAt(0).toString(16).padStart(2, '0')}}`;
    else text += char;
  }
  return `${text}"`;
}

function formatField(node: FieldNode): string {
  const path = node.path.map((segment, index) => {
    const bare = BARE_NAME.test(segment) && (index > 0 || !KEYWORDS.has(segment));
    return bare ? segment : `\`${segment.replaceAll('`', '``')}\``;
  });
  return `${node.optional ? '?' : ''}${path.join('.')}`;
}

/**
 * Fully parenthesised form of an expression, for tests and debugging: every operator
 * application is wrapped, so `a or b and c` prints `(a or (b and c))`.
 */
export function formatGrouped(node: Expression): string {
  switch (node.kind) {
    case 'Literal':
    case 'Field':
      return formatUnwrapped(node);
    case 'Logical':
      return `(${node.operands.map(formatGrouped).join(` ${node.op} `)})`;
    case 'Not':
      return `(not ${formatGrouped(node.operand)})`;
    case 'Negate':
      return `(-${formatGrouped(node.operand)})`;
    case 'Comparison':
    case 'Arithmetic':
      return `(${formatGrouped(node.left)} ${node.op} ${formatGrouped(node.right)})`;
    case 'In':
      return `(${formatGrouped(node.value)} ${node.negated ? 'not ' : ''}in${node.caseInsensitive ? '~' : ''} (${node.list.map(formatGrouped).join(', ')}))`;
    case 'StringMatch': {
      const op = node.op === ':' ? ':' : `${node.op}${node.caseInsensitive ? '~' : ''}`;
      return `(${formatGrouped(node.value)} ${op} (${node.patterns.map(formatGrouped).join(', ')}))`;
    }
    case 'FunctionCall':
      return `${node.name}${node.caseInsensitive ? '~' : ''}(${node.args.map(formatGrouped).join(', ')})`;
  }
}
