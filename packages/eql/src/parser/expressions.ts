/**
 * Expression grammar. One function per rule, the rule quoted in its doc comment. Precedence,
 * loosest first: `or` < `and` < `not` < comparison / `in` / `:` / `like` / `regex`
 * < `+ -` < `* / %` < unary `-` < primary.
 */

import type {
  ComparisonOperator,
  Expression,
  FieldNode,
  FunctionCallNode,
  LiteralNode,
  LogicalNode,
  SourceRange,
} from '../ast.js';
import { isKeyword, KEYWORDS, type Token } from '../token.js';
import { type Cursor, ParseAbort } from './cursor.js';

const COMPARISON_OPERATORS: ReadonlySet<string> = new Set(['==', '!=', '<', '<=', '>', '>=']);
const MAX_LONG = 9_223_372_036_854_775_807n;

/** Where an expression that failed to parse may resume. */
function isExpressionSync(token: Token): boolean {
  return (
    isKeyword(token, 'and') ||
    isKeyword(token, 'or') ||
    token.kind === ')' ||
    token.kind === ']' ||
    token.kind === '|' ||
    token.kind === ','
  );
}

/**
 * Parse one operand of a logical chain; on a syntax error, skip to the next `and` / `or` /
 * closing bracket / pipe and stand a `null` literal in for the broken operand.
 */
function recoverOperand(c: Cursor, parseOperand: () => Expression): Expression {
  const start = c.token.start;
  try {
    return parseOperand();
  } catch (error) {
    if (!(error instanceof ParseAbort)) throw error;
    c.skipUntil(isExpressionSync);
    return literal(null, c.rangeFrom(start));
  }
}

function literal(
  value: LiteralNode['value'],
  range: SourceRange,
  numberType?: 'integer' | 'float',
): LiteralNode {
  // Copy the offsets: `range` may be a token, whose other fields must not leak into the tree.
  const loc = { start: range.start, end: range.end };
  return numberType === undefined
    ? { kind: 'Literal', value, loc }
    : { kind: 'Literal', value, numberType, loc };
}

/** Expression : OrExpression */
export function parseExpression(c: Cursor): Expression {
  return parseOrExpression(c);
}

/** OrExpression : AndExpression ( "or" AndExpression )* */
function parseOrExpression(c: Cursor): Expression {
  return parseLogicalChain(c, 'or', () => parseAndExpression(c));
}

/** AndExpression : NotExpression ( "and" NotExpression )* */
function parseAndExpression(c: Cursor): Expression {
  return parseLogicalChain(c, 'and', () => parseNotExpression(c));
}

/** Collects a flat n-ary chain: nested chains of the same operator are merged. */
function parseLogicalChain(c: Cursor, op: 'and' | 'or', parseOperand: () => Expression): Expression {
  const start = c.token.start;
  const first = recoverOperand(c, parseOperand);
  if (!c.atKeyword(op)) return first;
  const operands: Expression[] = [];
  const add = (operand: Expression): void => {
    if (operand.kind === 'Logical' && operand.op === op) operands.push(...operand.operands);
    else operands.push(operand);
  };
  add(first);
  while (c.eatKeyword(op)) add(recoverOperand(c, parseOperand));
  const node: LogicalNode = { kind: 'Logical', op, operands, loc: c.rangeFrom(start) };
  return node;
}

/** NotExpression : "not" NotExpression | PredicateExpression */
function parseNotExpression(c: Cursor): Expression {
  const not = c.eatKeyword('not');
  if (not === null) return parsePredicateExpression(c);
  const operand = parseNotExpression(c);
  return { kind: 'Not', operand, loc: c.rangeFrom(not.start) };
}

/**
 * PredicateExpression :
 *   AdditiveExpression
 *   | AdditiveExpression ComparisonOperator AdditiveExpression
 *   | AdditiveExpression Predicate ( ComparisonOperator AdditiveExpression )?
 *
 * Predicate :
 *   "not"? ( "in" | "in~" ) "(" Expression ( "," Expression )* ")"
 *   | ( ":" | "like" | "like~" | "regex" | "regex~" ) PatternList
 *
 * As in Elasticsearch, a predicate's result may be compared once more (`x in (1, 2) == false`).
 */
function parsePredicateExpression(c: Cursor): Expression {
  const start = c.token.start;
  const left = parseAdditiveExpression(c);
  const predicate = parsePredicate(c, left, start);
  if (predicate !== left) rejectUngroupedOperand(c, left, start);
  const node = parseComparison(c, predicate, start);
  if (node !== left) rejectChainedComparison(c);
  return node;
}

function isComparisonOperator(token: Token): boolean {
  return COMPARISON_OPERATORS.has(token.kind) || token.kind === '=';
}

/** ComparisonOperator AdditiveExpression, if the current token is a comparison operator. */
function parseComparison(c: Cursor, left: Expression, start: number): Expression {
  const token = c.token;
  if (!isComparisonOperator(token)) return left;
  if (token.kind === '=') {
    c.report('Expected a comparison operator, found "=". Use "==" to test equality.', token);
  }
  c.advance();
  const op = (token.kind === '=' ? '==' : token.kind) as ComparisonOperator;
  const right = parseAdditiveExpression(c);
  return { kind: 'Comparison', op, left, right, loc: c.rangeFrom(start) };
}

/** `in` / `:` / `like` / `regex` applied to `left`, if one follows. */
function parsePredicate(c: Cursor, left: Expression, start: number): Expression {
  const token = c.token;
  if (isInKeyword(token) || isKeyword(token, 'not')) {
    const negated = c.eatKeyword('not') !== null;
    const inToken = c.token;
    if (!isInKeyword(inToken)) c.unexpected('"in" after "not"');
    c.advance();
    const list = parseExpressionList(c);
    return {
      kind: 'In',
      value: left,
      list,
      negated,
      caseInsensitive: inToken.tilde,
      loc: c.rangeFrom(start),
    };
  }
  if (token.kind === ':' || isMatchKeyword(token)) {
    c.advance();
    const op = token.kind === ':' ? ':' : (token.value as 'like' | 'regex');
    const patterns = parsePatternList(c);
    return {
      kind: 'StringMatch',
      op,
      caseInsensitive: op === ':' || token.tilde,
      value: left,
      patterns,
      loc: c.rangeFrom(start),
    };
  }
  return left;
}

/**
 * Elasticsearch binds a predicate to the nearest operand: `a + b in (1)` means `a + (b in (1))`
 * there, a type error. Ask for the parentheses that make the intent explicit instead.
 */
function rejectUngroupedOperand(c: Cursor, left: Expression, start: number): void {
  const grouped = left.loc.start > start;
  if (grouped || (left.kind !== 'Arithmetic' && left.kind !== 'Negate')) return;
  c.report(
    'Put the arithmetic in parentheses: Elasticsearch applies "in", ":", "like" and "regex" to the nearest operand only.',
    left.loc,
  );
}

/** `in` or `in~`. */
function isInKeyword(token: Token): boolean {
  return token.kind === 'Identifier' && token.value === 'in';
}

/** `like`, `like~`, `regex` or `regex~`. */
function isMatchKeyword(token: Token): boolean {
  return token.kind === 'Identifier' && (token.value === 'like' || token.value === 'regex');
}

/** `a < b < c` is not EQL: report it, then skip the extra comparison to keep going. */
function rejectChainedComparison(c: Cursor): void {
  const token = c.token;
  const chained =
    isComparisonOperator(token) || token.kind === ':' || isMatchKeyword(token) || isInKeyword(token);
  if (!chained) return;
  c.report('Chained comparisons are not supported; join the comparisons with "and".', token);
  c.advance();
  if (c.at('(')) parseExpressionList(c);
  else parseAdditiveExpression(c);
}

/** ExpressionList : "(" Expression ( "," Expression )* ")" */
function parseExpressionList(c: Cursor): Expression[] {
  c.expect('(');
  const items = [parseExpression(c)];
  while (c.eat(',')) items.push(parseExpression(c));
  c.expect(')', '"," or ")"');
  return items;
}

/** PatternList : Constant | "(" Constant ( "," Constant )* ")" */
function parsePatternList(c: Cursor): Expression[] {
  if (!c.eat('(')) return [parseConstant(c)];
  const items = [parseConstant(c)];
  while (c.eat(',')) items.push(parseConstant(c));
  c.expect(')', '"," or ")"');
  return items;
}

/** Constant : String | Number | "true" | "false" | "null" */
function parseConstant(c: Cursor): LiteralNode {
  const constant = tryParseConstant(c);
  if (constant === null) c.unexpected('a string, number, boolean or null');
  return constant;
}

function tryParseConstant(c: Cursor): LiteralNode | null {
  const token = c.token;
  switch (token.kind) {
    case 'String':
      c.advance();
      return literal(token.value, token);
    case 'Integer':
    case 'Decimal':
      c.advance();
      return numberLiteral(token, false, token);
    case 'Identifier':
      if (token.tilde) return null;
      if (token.value === 'true' || token.value === 'false') {
        c.advance();
        return literal(token.value === 'true', token);
      }
      if (token.value === 'null') {
        c.advance();
        return literal(null, token);
      }
      return null;
    default:
      return null;
  }
}

/**
 * Integers that fit a signed 64-bit long are `integer`; larger ones quietly become `float`, as
 * in Elasticsearch.
 */
function numberLiteral(token: Token, negative: boolean, loc: SourceRange): LiteralNode {
  const magnitude = Number(token.value);
  const value = negative ? -magnitude : magnitude;
  if (token.kind === 'Decimal') return literal(value, loc, 'float');
  const big = BigInt(token.value);
  const fits = negative ? big <= MAX_LONG + 1n : big <= MAX_LONG;
  return literal(value, loc, fits ? 'integer' : 'float');
}

/** AdditiveExpression : MultiplicativeExpression ( ( "+" | "-" ) MultiplicativeExpression )* */
function parseAdditiveExpression(c: Cursor): Expression {
  const start = c.token.start;
  let left = parseMultiplicativeExpression(c);
  while (c.at('+') || c.at('-')) {
    const op = c.advance().kind as '+' | '-';
    const right = parseMultiplicativeExpression(c);
    left = { kind: 'Arithmetic', op, left, right, loc: c.rangeFrom(start) };
  }
  return left;
}

/** MultiplicativeExpression : UnaryExpression ( ( "*" | "/" | "%" ) UnaryExpression )* */
function parseMultiplicativeExpression(c: Cursor): Expression {
  const start = c.token.start;
  let left = parseUnaryExpression(c);
  while (c.at('*') || c.at('/') || c.at('%')) {
    const op = c.advance().kind as '*' | '/' | '%';
    const right = parseUnaryExpression(c);
    left = { kind: 'Arithmetic', op, left, right, loc: c.rangeFrom(start) };
  }
  return left;
}

/**
 * UnaryExpression : "-" UnaryExpression | "+" UnaryExpression | PrimaryExpression
 *
 * A minus written directly before a number is part of the literal (`-1` is the literal -1).
 */
function parseUnaryExpression(c: Cursor): Expression {
  const token = c.token;
  if (token.kind === '-') {
    c.advance();
    const next = c.token;
    if (next.kind === 'Integer' || next.kind === 'Decimal') {
      c.advance();
      return numberLiteral(next, true, c.rangeFrom(token.start));
    }
    const operand = parseUnaryExpression(c);
    return { kind: 'Negate', operand, loc: c.rangeFrom(token.start) };
  }
  if (token.kind === '+') {
    c.advance();
    return parseUnaryExpression(c);
  }
  return parsePrimaryExpression(c);
}

/**
 * PrimaryExpression :
 *   Constant | FunctionCall | FieldReference | "(" Expression ")"
 */
function parsePrimaryExpression(c: Cursor): Expression {
  const token = c.token;
  if (token.kind === '(') {
    c.advance();
    const inner = parseExpression(c);
    c.expect(')');
    return inner;
  }
  const constant = tryParseConstant(c);
  if (constant !== null) return constant;
  if (token.kind === 'Identifier' && !KEYWORDS.has(token.value)) {
    if (c.peek().kind === '(' || token.tilde) return parseFunctionCall(c);
    if (isKeyword(c.peek(), 'of')) return rejectLineage(c);
  }
  if (token.kind === 'Identifier' || token.kind === 'QuotedIdentifier' || token.kind === '?') {
    if (token.kind !== 'Identifier' || !KEYWORDS.has(token.value)) return parseFieldReference(c);
  }
  if (token.kind === '!') c.fail('Expected an expression, found "!". Use "not" to negate.', token);
  c.unexpected('an expression');
}

/** FunctionCall : ( Name | Name "~" ) "(" ( Expression ( "," Expression )* )? ")" */
function parseFunctionCall(c: Cursor): FunctionCallNode {
  const name = c.advance();
  c.expect('(', `"(" after "${name.value}${name.tilde ? '~' : ''}"`);
  const args: Expression[] = [];
  if (!c.at(')')) {
    args.push(parseExpression(c));
    while (c.eat(',')) args.push(parseExpression(c));
  }
  c.expect(')', '"," or ")"');
  return {
    kind: 'FunctionCall',
    name: name.value,
    caseInsensitive: name.tilde,
    args,
    loc: c.rangeFrom(name.start),
  };
}

/**
 * FieldReference : "?"? FieldSegment ( "." FieldSegment | "[" Integer+ "]" )*
 * FieldSegment : Name | QuotedName
 *
 * Array indexes parse (so the error can point at them) but are rejected, as in Elasticsearch.
 * Reserved words are accepted after a dot (`event.sequence`), where they cannot be misread.
 */
function parseFieldReference(c: Cursor): FieldNode {
  const start = c.token.start;
  const optional = c.eat('?') !== null;
  const path = [parseFieldSegment(c, true)];
  for (;;) {
    if (c.eat('.')) {
      path.push(parseFieldSegment(c, false));
    } else if (c.at('[') && c.peek().kind === 'Integer') {
      c.advance();
      const index = c.token;
      c.report('Array indexes are not supported', index);
      while (c.eat('Integer')) {}
      c.expect(']');
    } else {
      break;
    }
  }
  return { kind: 'Field', path, optional, loc: c.rangeFrom(start) };
}

function parseFieldSegment(c: Cursor, first: boolean): string {
  const token = c.token;
  if (token.kind === 'QuotedIdentifier') {
    c.advance();
    return token.value;
  }
  if (token.kind === 'Identifier' && !token.tilde && (!first || !KEYWORDS.has(token.value))) {
    c.advance();
    return token.value;
  }
  if (token.kind === 'Identifier' && token.tilde) {
    c.unexpected(`"(" after "${token.value}~"`, c.peek(1));
  }
  c.unexpected('a field name');
}

/** `descendant of [...]`, `child of [...]`, `event of [...]`: parsed to be rejected. */
function rejectLineage(c: Cursor): Expression {
  const relation = c.advance();
  c.report('Process relationships are not supported', relation);
  c.advance();
  if (c.eat('[')) {
    c.skipUntil((token) => token.kind === ']');
    c.eat(']');
  }
  return literal(null, c.rangeFrom(relation.start));
}
