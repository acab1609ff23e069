/**
 * Query grammar: event queries, `sequence`, `sample`, pipes. One function per rule, the rule
 * quoted in its doc comment. Rejections that Elasticsearch makes while parsing (`join`,
 * `with` before `by`, a maxspan without a unit, …) are reported here with its wording.
 */

import type {
  EventCategoryNode,
  EventQueryNode,
  Expression,
  PipeNode,
  QueryBody,
  QueryNode,
  SampleNode,
  SampleTermNode,
  SequenceNode,
  SequenceTermNode,
  TimeSpanNode,
  TimeUnit,
} from '../ast.js';
import { isKeyword, type Token } from '../token.js';
import { type Cursor, ParseAbort } from './cursor.js';
import { parseExpression } from './expressions.js';

const UNIT_MILLIS: Readonly<Record<TimeUnit, number>> = {
  ms: 1,
  s: 1_000,
  m: 60_000,
  h: 3_600_000,
  d: 86_400_000,
};

/** Query : QueryBody Pipe* <EOF> */
export function parseQuery(c: Cursor): QueryNode {
  const start = c.token.start;
  const body = parseQueryBody(c);
  const pipes: PipeNode[] = [];
  for (;;) {
    if (c.at('EOF')) break;
    if (c.at('|')) {
      const pipe = recoverPipe(c);
      if (pipe !== null) pipes.push(pipe);
      continue;
    }
    const expected = body.kind === 'EventQuery' ? '"and", "or", "|" or end of query' : '"|" or end of query';
    try {
      c.unexpected(expected);
    } catch (error) {
      if (!(error instanceof ParseAbort)) throw error;
      c.advance();
      c.skipUntil((token) => token.kind === '|');
    }
  }
  return { kind: 'Query', body, pipes, loc: c.rangeFrom(start) };
}

/** QueryBody : Sequence | Sample | Join | EventQuery */
function parseQueryBody(c: Cursor): QueryBody {
  if (c.atKeyword('sequence')) return parseSequence(c);
  if (c.atKeyword('sample')) return parseSample(c);
  if (c.atKeyword('join')) {
    const join = c.token;
    c.report('Join is not supported', join, 'EQL_UNSUPPORTED');
    c.advance();
    // Parse the rest as a sequence so later mistakes are still found.
    return parseSequenceRest(c, join.start);
  }
  return parseEventQuery(c);
}

/** EventQuery : EventCategory "where" Expression */
export function parseEventQuery(c: Cursor): EventQueryNode {
  const start = c.token.start;
  const category = parseEventCategory(c);
  c.expectKeyword('where');
  const condition = parseExpression(c);
  return { kind: 'EventQuery', category, condition, loc: c.rangeFrom(start) };
}

/** EventCategory : "any" | Name | String */
function parseEventCategory(c: Cursor): EventCategoryNode {
  const token = c.token;
  if (isKeyword(token, 'any')) {
    c.advance();
    return { kind: 'EventCategory', name: null, loc: rangeOf(token) };
  }
  if ((token.kind === 'Identifier' && !isKeyword(token) && !token.tilde) || token.kind === 'String') {
    c.advance();
    return { kind: 'EventCategory', name: token.value, loc: rangeOf(token) };
  }
  c.unexpected('an event category, "any", "sequence" or "sample"');
}

/**
 * Sequence :
 *   "sequence" ( JoinKeys MaxSpan? | MaxSpan )?
 *   SequenceTerm SequenceTerm+ ( "until" SequenceTerm )?
 */
function parseSequence(c: Cursor): SequenceNode {
  const start = c.expectKeyword('sequence').start;
  return parseSequenceRest(c, start);
}

function parseSequenceRest(c: Cursor, start: number): SequenceNode {
  let by: Expression[] = [];
  let maxspan: TimeSpanNode | null = null;
  if (c.atKeyword('by')) {
    by = parseJoinKeys(c);
    if (c.atKeyword('with')) maxspan = parseMaxSpan(c);
  } else if (c.atKeyword('with')) {
    maxspan = parseMaxSpan(c);
    if (c.atKeyword('by')) {
      const byToken = c.token;
      by = parseJoinKeys(c);
      c.report('Please specify sequence [by] before [with] not after', c.rangeFrom(byToken.start));
    }
  }
  const terms: SequenceTermNode[] = [];
  while (c.at('[') || c.at('![')) terms.push(recoverTerm(c, parseSequenceTerm));
  let until: SequenceTermNode | null = null;
  if (c.eatKeyword('until')) until = recoverTerm(c, parseSequenceTerm);
  if (terms.length === 0) c.unexpected('"[" to start a sequence query');
  const node: SequenceNode = { kind: 'Sequence', by, maxspan, terms, until, loc: c.rangeFrom(start) };
  return node;
}

/** MaxSpan : "with" "maxspan" "=" TimeSpan */
function parseMaxSpan(c: Cursor): TimeSpanNode {
  c.expectKeyword('with');
  c.expectKeyword('maxspan');
  c.expect('=', '"="');
  return parseTimeSpan(c);
}

/** TimeSpan : Number Name?   (e.g. `5s`, `30 m`) */
function parseTimeSpan(c: Cursor): TimeSpanNode {
  const number = c.token;
  if (number.kind !== 'Integer' && number.kind !== 'Decimal') c.unexpected('a time span such as 5m');
  c.advance();
  const unitToken = c.token.kind === 'Identifier' && !isKeyword(c.token) ? c.advance() : null;
  const loc = c.rangeFrom(number.start);
  const text = c.source.slice(loc.start, loc.end);
  if (number.kind === 'Decimal') {
    c.report(`Decimal time interval [${number.value}] not supported; please use an positive integer`, number);
  }
  const value = Number(number.value);
  if (number.kind === 'Integer' && value <= 0) {
    c.report(`A positive maxspan value is required; found [${value}]`, number);
  }
  let unit: TimeUnit = 's';
  if (unitToken === null) {
    c.report(`No time unit specified, did you mean [s] as in [${text}s]?`, loc);
  } else if (unitToken.value in UNIT_MILLIS && !unitToken.tilde) {
    unit = unitToken.value as TimeUnit;
  } else {
    c.report(
      `Unrecognized time unit [${unitToken.value}] in [${text}], please specify one of [ms, s, m, h, d]`,
      unitToken,
    );
  }
  return { kind: 'TimeSpan', value, unit, millis: value * UNIT_MILLIS[unit], loc };
}

/** JoinKeys : "by" Expression ( "," Expression )* */
function parseJoinKeys(c: Cursor): Expression[] {
  c.expectKeyword('by');
  const keys = [parseExpression(c)];
  while (c.eat(',')) keys.push(parseExpression(c));
  return keys;
}

/**
 * SequenceTerm : ( "[" | "![" ) EventQuery "]" JoinKeys? ( "with" Name "=" Number )?
 *
 * The only option Elasticsearch knows is `runs`; others are reported.
 */
function parseSequenceTerm(c: Cursor): SequenceTermNode {
  const open = c.token;
  const missing = open.kind === '![';
  c.advance();
  const query = parseEventQuery(c);
  c.expect(']', '"]"');
  const by = c.atKeyword('by') ? parseJoinKeys(c) : [];
  let runs: number | null = null;
  if (c.atKeyword('with')) {
    c.advance();
    const key = c.token;
    if (key.kind !== 'Identifier' || key.value !== 'runs') c.unexpected('"runs"');
    c.advance();
    c.expect('=', '"="');
    const value = c.token;
    if (value.kind !== 'Integer') c.unexpected('a whole number of runs');
    c.advance();
    runs = Number(value.value);
  }
  return { kind: 'SequenceTerm', query, by, runs, missing, loc: c.rangeFrom(open.start) };
}

/** Sample : "sample" JoinKeys? SampleTerm+ */
function parseSample(c: Cursor): SampleNode {
  const start = c.expectKeyword('sample').start;
  const by = c.atKeyword('by') ? parseJoinKeys(c) : [];
  const terms: SampleTermNode[] = [];
  while (c.at('[') || c.at('![')) terms.push(recoverTerm(c, parseSampleTerm));
  if (terms.length === 0) c.unexpected('"[" to start a sample query');
  return { kind: 'Sample', by, terms, loc: c.rangeFrom(start) };
}

/** SampleTerm : "[" EventQuery "]" JoinKeys? */
function parseSampleTerm(c: Cursor): SampleTermNode {
  const open = c.token;
  if (open.kind === '![') c.report('Missing events are not supported in samples', open, 'EQL_UNSUPPORTED');
  c.advance();
  const query = parseEventQuery(c);
  c.expect(']', '"]"');
  const by = c.atKeyword('by') ? parseJoinKeys(c) : [];
  return { kind: 'SampleTerm', query, by, loc: c.rangeFrom(open.start) };
}

/**
 * Run a term parser; on a syntax error skip to the term's closing `]` (or the next term, pipe or
 * `until`) and return a placeholder term so the rest of the query is still checked.
 */
function recoverTerm<T extends SequenceTermNode | SampleTermNode>(c: Cursor, parseTerm: (c: Cursor) => T): T {
  const open = c.token;
  try {
    return parseTerm(c);
  } catch (error) {
    if (!(error instanceof ParseAbort)) throw error;
    c.skipUntil((token) => token.kind === ']' || token.kind === '|' || isKeyword(token, 'until'));
    c.eat(']');
    c.skipUntil(
      (token) => token.kind === '[' || token.kind === '![' || token.kind === '|' || isKeyword(token, 'until'),
    );
    const loc = c.rangeFrom(open.start);
    const query: EventQueryNode = {
      kind: 'EventQuery',
      category: { kind: 'EventCategory', name: null, loc },
      condition: { kind: 'Literal', value: null, loc },
      loc,
    };
    const term: SequenceTermNode = { kind: 'SequenceTerm', query, by: [], runs: null, missing: false, loc };
    return term as T;
  }
}

/** Pipe : "|" Name ( Expression ( "," Expression )* )? */
function parsePipe(c: Cursor): PipeNode {
  const bar = c.expect('|');
  const name = c.token;
  if (name.kind !== 'Identifier' || isKeyword(name) || name.tilde)
    c.unexpected('a pipe name such as head or tail');
  c.advance();
  const args: Expression[] = [];
  if (!c.at('|') && !c.at('EOF')) {
    args.push(parseExpression(c));
    while (c.eat(',')) args.push(parseExpression(c));
  }
  return { kind: 'Pipe', name: name.value, args, loc: c.rangeFrom(bar.start) };
}

function recoverPipe(c: Cursor): PipeNode | null {
  try {
    return parsePipe(c);
  } catch (error) {
    if (!(error instanceof ParseAbort)) throw error;
    c.skipUntil((token) => token.kind === '|');
    return null;
  }
}

function rangeOf(token: Token): { start: number; end: number } {
  return { start: token.start, end: token.end };
}
