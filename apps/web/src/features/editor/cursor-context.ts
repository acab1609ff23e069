/**
 * "What is at the cursor": from the query text and a cursor offset, which kind of thing the
 * user is typing (a category, a field, an operator, a value for a field…), the text it would
 * replace, and the function call the cursor sits in. Pure and DOM-free, so completion, hover
 * and signature help share one tested reading of the query.
 *
 * It works on the engine's tokens rather than the AST, because the query being typed is
 * almost never complete enough to parse.
 */

import { KEYWORDS, lex, type Token } from '@rulebench/eql';

export type CursorContextKind =
  /** Inside a comment, or somewhere nothing sensible can be offered. */
  | 'none'
  /** The very start: `sequence`, `sample`, `any` or an event category. */
  | 'query-start'
  /** Right after `[` or `![`: an event category (or `any`). */
  | 'category'
  /** After `<category>`: `where`. */
  | 'after-category'
  /** Where an operand starts: fields, functions, `not`, literals. */
  | 'expression'
  /** After a complete field: comparison operators, `in`, `like`, `regex`, `and`, `or`. */
  | 'operator'
  /** After a complete operand: `and`, `or`, a pipe, and sequence-term words after `]`. */
  | 'after-operand'
  /** The right side of `field ==`, `field :`, `field in (…`: values of `field`. */
  | 'value'
  /** After `|`: a pipe name. */
  | 'pipe'
  /** After `sequence` or `sample`: `by`, `with maxspan=`, `[`. */
  | 'sequence-header';

export interface FunctionCallAtCursor {
  /** The function name as written. */
  readonly name: string;
  /** 0-based index of the argument the cursor is in. */
  readonly argIndex: number;
  /** Offset of the name. */
  readonly start: number;
}

export interface CursorInfo {
  readonly kind: CursorContextKind;
  /** Text between `replace.start` and the cursor: what completion filters on. */
  readonly prefix: string;
  /** The word, path or string content a completion replaces (half-open offsets). */
  readonly replace: { readonly start: number; readonly end: number };
  /** For `value` and `operator`: the field on the left (dotted path), or null if not a field. */
  readonly field: string | null;
  /** For `value`: the operator before it (`==`, `:`, `in`, `like~`, …). */
  readonly operator: string | null;
  /** For `value`: the cursor is inside a string literal (insert raw text, no quotes). */
  readonly inString: boolean;
  /** For `after-operand`: the operand just closed a sequence or sample term (`]`). */
  readonly afterTerm: boolean;
  /** The innermost function call whose parentheses hold the cursor. */
  readonly call: FunctionCallAtCursor | null;
}

const WORD_CHAR = /[A-Za-z0-9_@]/;
const PATH_CHAR = /[A-Za-z0-9_@.]/;
const COMPARISON = new Set(['==', '!=', '<', '<=', '>', '>=', ':']);
const VALUE_KEYWORDS = new Set(['like', 'regex']);
const OPERAND_START_KEYWORDS = new Set(['where', 'and', 'or', 'not', 'by']);
const CONSTANT_WORDS = new Set(['true', 'false', 'null']);

function isKeywordToken(token: Token | undefined, word?: string): boolean {
  if (token?.kind !== 'Identifier' || !KEYWORDS.has(token.value)) return false;
  return word === undefined || token.value === word;
}

function isNameToken(token: Token | undefined): boolean {
  return token?.kind === 'QuotedIdentifier' || (token?.kind === 'Identifier' && !KEYWORDS.has(token.value));
}

/**
 * The dotted path that ends with `tokens[end]`, as `{ path, first }` (index of its first
 * token, `?` included), or null when `tokens[end]` does not end a field path.
 */
export function pathEndingAt(tokens: readonly Token[], end: number): { path: string; first: number } | null {
  const last = tokens[end];
  if (last === undefined || (last.kind !== 'Identifier' && last.kind !== 'QuotedIdentifier')) return null;
  const parts = [last.value];
  let first = end;
  for (;;) {
    const dot = tokens[first - 1];
    const before = tokens[first - 2];
    const current = tokens[first];
    if (dot?.kind !== '.' || current === undefined || dot.end !== current.start) break;
    if (before === undefined || (before.kind !== 'Identifier' && before.kind !== 'QuotedIdentifier')) break;
    if (before.end !== dot.start) break;
    parts.unshift(before.value);
    first -= 2;
  }
  // Later segments may be keywords (`process.in`), the first may not.
  if (!isNameToken(tokens[first])) return null;
  const question = tokens[first - 1];
  if (question?.kind === '?' && question.end === tokens[first]?.start) first -= 1;
  return { path: parts.join('.'), first };
}

/** Index of the innermost `(` left open before token index `before`, or -1. */
function openParenBefore(tokens: readonly Token[], before: number): number {
  let depth = 0;
  for (let i = before - 1; i >= 0; i -= 1) {
    const kind = tokens[i]?.kind;
    if (kind === ')') depth += 1;
    else if (kind === '(') {
      if (depth === 0) return i;
      depth -= 1;
    }
  }
  return -1;
}

function callAt(tokens: readonly Token[], before: number): FunctionCallAtCursor | null {
  let index = before;
  for (;;) {
    const open = openParenBefore(tokens, index);
    if (open < 0) return null;
    const name = tokens[open - 1];
    if (name?.kind === 'Identifier' && !KEYWORDS.has(name.value)) {
      let argIndex = 0;
      let depth = 0;
      for (let i = open + 1; i < before; i += 1) {
        const kind = tokens[i]?.kind;
        if (kind === '(' || kind === '[') depth += 1;
        else if (kind === ')' || kind === ']') depth -= 1;
        else if (kind === ',' && depth === 0) argIndex += 1;
      }
      return { name: name.value, argIndex, start: name.start };
    }
    // A value list `in (…)` or grouping parentheses: look further out.
    index = open;
  }
}

/** The operator and left field of a value list `field in (… | …)`, if the `(` opens one. */
function valueListAt(
  tokens: readonly Token[],
  open: number,
): { operator: string; field: string | null } | null {
  const op = tokens[open - 1];
  if (op === undefined) return null;
  let operator: string | null = null;
  let leftEnd = open - 2;
  if (op.kind === ':') operator = ':';
  else if (op.kind === 'Identifier' && (op.value === 'in' || VALUE_KEYWORDS.has(op.value))) {
    operator = `${op.value}${op.tilde ? '~' : ''}`;
    if (op.value === 'in' && isKeywordToken(tokens[leftEnd], 'not')) {
      operator = `not ${operator}`;
      leftEnd -= 1;
    }
  }
  if (operator === null) return null;
  return { operator, field: pathEndingAt(tokens, leftEnd)?.path ?? null };
}

/** Whether `offset` falls inside a `//` or `/* … *\/` comment in the gap after `from`. */
function inComment(text: string, from: number, offset: number): boolean {
  let i = from;
  while (i < offset) {
    if (text.startsWith('//', i)) {
      const newline = text.slice(i).search(/[\r\n]/);
      if (newline === -1 || i + newline >= offset) return true;
      i += newline;
    } else if (text.startsWith('/*', i)) {
      const close = text.indexOf('*/', i + 2);
      if (close === -1 || close + 2 > offset) return true;
      i = close + 2;
    } else {
      i += 1;
    }
  }
  return false;
}

function stringQuoteLength(token: Token, text: string): number {
  return token.raw || text.startsWith('"""', token.start) ? 3 : 1;
}

function isTerminated(token: Token, text: string, quote: number): boolean {
  if (token.end - token.start < quote * 2) return false;
  return text.slice(token.end - quote, token.end) === text.slice(token.start, token.start + quote);
}

function base(kind: CursorContextKind, text: string, start: number, end: number, offset: number): CursorInfo {
  return {
    kind,
    prefix: text.slice(start, offset),
    replace: { start, end },
    field: null,
    operator: null,
    inString: false,
    afterTerm: false,
    call: null,
  };
}

/** The value context for the operand after token `prev` (an operator), or null. */
function valueContext(
  tokens: readonly Token[],
  prev: number,
): { operator: string; field: string | null } | null {
  const token = tokens[prev];
  if (token === undefined) return null;
  if (COMPARISON.has(token.kind))
    return { operator: token.kind, field: pathEndingAt(tokens, prev - 1)?.path ?? null };
  if (token.kind === 'Identifier' && VALUE_KEYWORDS.has(token.value)) {
    return {
      operator: `${token.value}${token.tilde ? '~' : ''}`,
      field: pathEndingAt(tokens, prev - 1)?.path ?? null,
    };
  }
  if (token.kind === '(') return valueListAt(tokens, prev);
  if (token.kind === ',') {
    const open = openParenBefore(tokens, prev);
    return open < 0 ? null : valueListAt(tokens, open);
  }
  return null;
}

function classify(tokens: readonly Token[], prevIndex: number): CursorContextKind {
  const prev = tokens[prevIndex];
  if (prev === undefined) return 'query-start';
  const before = tokens[prevIndex - 1];
  const termStart = before === undefined || before.kind === '[' || before.kind === '![';
  // A quoted category: `"process" where …`.
  if (prev.kind === 'String' && termStart) return 'after-category';
  switch (prev.kind) {
    case '|':
      return 'pipe';
    case '[':
    case '![':
      return 'category';
    case '(':
    case ',':
    case '!':
    case '+':
    case '-':
    case '*':
    case '/':
    case '%':
      return 'expression';
    case ')':
    case ']':
    case 'String':
    case 'Integer':
    case 'Decimal':
      return 'after-operand';
    case '=':
    case '.':
    case '?':
    case '~':
      return 'none';
    default:
      break;
  }
  if (COMPARISON.has(prev.kind)) return 'expression';
  if (prev.kind === 'Identifier' && KEYWORDS.has(prev.value)) {
    if (prev.value === 'sequence' || prev.value === 'sample') return 'sequence-header';
    if (prev.value === 'any' && termStart) return 'after-category';
    if (OPERAND_START_KEYWORDS.has(prev.value) || prev.value === 'in' || VALUE_KEYWORDS.has(prev.value)) {
      return 'expression';
    }
    if (CONSTANT_WORDS.has(prev.value)) return 'after-operand';
    return 'none';
  }
  // A lone name at the start of the query or of a term is an event category.
  if (prev.kind === 'Identifier' && termStart) return 'after-category';
  if (pathEndingAt(tokens, prevIndex) !== null)
    return inJoinKeys(tokens, prevIndex) ? 'after-operand' : 'operator';
  return 'none';
}

/** Whether the path ending at `end` is one of the join keys after a `by`. */
function inJoinKeys(tokens: readonly Token[], end: number): boolean {
  let index = end;
  for (;;) {
    const path = pathEndingAt(tokens, index);
    if (path === null) return false;
    const before = tokens[path.first - 1];
    if (isKeywordToken(before, 'by')) return true;
    if (before?.kind !== ',') return false;
    index = path.first - 2;
  }
}

/** Reads the query at `offset` (a UTF-16 offset into `text`). */
export function cursorContext(text: string, offset: number): CursorInfo {
  const cursor = Math.max(0, Math.min(offset, text.length));
  let tokens: readonly Token[];
  try {
    tokens = lex(text, { maxTokens: 20_000 }).tokens;
  } catch {
    return base('none', text, cursor, cursor, cursor);
  }

  // Inside a string literal: only a value context has anything to offer.
  const stringIndex = tokens.findIndex((t) => t.kind === 'String' && t.start < cursor && cursor < t.end + 1);
  const stringToken = stringIndex >= 0 ? tokens[stringIndex] : undefined;
  if (stringToken !== undefined) {
    const quote = stringQuoteLength(stringToken, text);
    const terminated = isTerminated(stringToken, text, quote);
    const contentStart = stringToken.start + quote;
    const contentEnd = terminated ? stringToken.end - quote : stringToken.end;
    if (cursor >= contentStart && cursor <= contentEnd && !(terminated && cursor === stringToken.end)) {
      const value = valueContext(tokens, stringIndex - 1);
      const info = base(value ? 'value' : 'none', text, contentStart, contentEnd, cursor);
      return {
        ...info,
        field: value?.field ?? null,
        operator: value?.operator ?? null,
        inString: true,
        call: callAt(tokens, stringIndex),
      };
    }
  }

  // The word or dotted path around the cursor is what a completion replaces.
  let start = cursor;
  while (start > 0 && PATH_CHAR.test(text.charAt(start - 1))) start -= 1;
  let end = cursor;
  while (end < text.length && WORD_CHAR.test(text.charAt(end))) end += 1;
  // A number being typed (`maxspan=5`) is not a word to complete.
  if (/^\d/.test(text.slice(start, cursor))) return base('none', text, start, end, cursor);

  let prevIndex = -1;
  for (let i = 0; i < tokens.length; i += 1) {
    const token = tokens[i];
    if (token === undefined || token.kind === 'EOF' || token.end > start) break;
    prevIndex = i;
  }
  // `?field`: the `?` belongs to the path being typed.
  if (tokens[prevIndex]?.kind === '?' && tokens[prevIndex]?.end === start) prevIndex -= 1;

  const gapStart = tokens[prevIndex]?.end ?? 0;
  if (inComment(text, gapStart, start)) return base('none', text, cursor, cursor, cursor);

  const kind = classify(tokens, prevIndex);
  const info = base(kind, text, start, end, cursor);
  const call = callAt(tokens, prevIndex + 1);
  const prev = tokens[prevIndex];

  if (kind === 'expression' || kind === 'after-operand') {
    const value = kind === 'expression' ? valueContext(tokens, prevIndex) : null;
    if (value) return { ...info, kind: 'value', field: value.field, operator: value.operator, call };
    const afterTerm = prev?.kind === ']' || (prev !== undefined && inJoinKeys(tokens, prevIndex));
    return { ...info, afterTerm, call };
  }
  if (kind === 'operator') {
    return { ...info, field: pathEndingAt(tokens, prevIndex)?.path ?? null, call };
  }
  return { ...info, call };
}
