/**
 * Query-level checks Elasticsearch makes: sequence and sample shape (term counts, join key
 * counts, `runs`, missing events need a maxspan), join keys are fields, pipes are `head`/`tail`
 * with one non-negative integer.
 */

import type {
  EventQueryNode,
  Expression,
  PipeNode,
  QueryNode,
  SampleNode,
  SampleTermNode,
  SequenceNode,
  SequenceTermNode,
} from '../ast.js';
import { pipeLimit } from '../evaluate/pipe-limit.js';
import type { Diagnostics } from './diagnostics.js';
import { verifyCondition, verifyExpression } from './expressions.js';
import { didYouMean, suggestionList } from './suggest.js';

/** Pipes Elasticsearch recognises; only head and tail run. */
const KNOWN_PIPES = ['count', 'filter', 'head', 'sort', 'tail', 'unique', 'unique_count'];
const RUNNABLE_PIPES = new Set(['head', 'tail']);
/** Elasticsearch caps `with runs=N`. */
export const MAX_RUNS = 100;

export function verifyQuery(d: Diagnostics, query: QueryNode): void {
  const { body } = query;
  switch (body.kind) {
    case 'EventQuery':
      verifyEventQuery(d, body);
      break;
    case 'Sequence':
      verifySequence(d, body);
      break;
    case 'Sample':
      verifySample(d, body);
      break;
  }
  for (const pipe of query.pipes) verifyPipe(d, pipe);
}

function verifyEventQuery(d: Diagnostics, query: EventQueryNode): void {
  verifyCondition(d, query.condition);
}

function verifySequence(d: Diagnostics, sequence: SequenceNode): void {
  verifyJoinKeys(d, sequence.by);
  const all = sequence.until === null ? sequence.terms : [...sequence.terms, sequence.until];
  for (const term of all) {
    verifyEventQuery(d, term.query);
    verifyJoinKeys(d, term.by);
    verifyRuns(d, term);
  }
  verifyJoinKeyCounts(d, all);

  const stages = sequence.terms.reduce((total, term) => total + Math.max(1, term.runs ?? 1), 0);
  if (stages < 2) {
    d.add('EQL_QUERY_SHAPE', `A sequence requires a minimum of 2 queries, found [${stages}]`, sequence.loc);
  }
  const missing = sequence.terms.filter((term) => term.missing);
  if (missing.length > 0 && missing.length === sequence.terms.length) {
    d.add(
      'EQL_MISSING_EVENT',
      'A sequence requires at least one positive event query; found none',
      sequence.loc,
    );
  }
  const first = missing[0];
  if (first !== undefined && sequence.maxspan === null) {
    d.add(
      'EQL_MISSING_EVENT',
      'Sequences with missing events ![…] require a [maxspan]; found none',
      first.loc,
    );
  }
  if (sequence.until?.missing) {
    d.add('EQL_MISSING_EVENT', 'The [until] query cannot be a missing event', sequence.until.loc);
  }
}

function verifyRuns(d: Diagnostics, term: SequenceTermNode): void {
  if (term.runs === null) return;
  if (term.runs <= 0) {
    d.add('EQL_RUNS', `A positive runs value is required; found [${term.runs}]`, term.loc);
  } else if (term.runs > MAX_RUNS) {
    d.add(
      'EQL_RUNS',
      `A query cannot be repeated more than ${MAX_RUNS} times; found [${term.runs}]`,
      term.loc,
    );
  }
}

function verifySample(d: Diagnostics, sample: SampleNode): void {
  verifyJoinKeys(d, sample.by);
  for (const term of sample.terms) {
    verifyEventQuery(d, term.query);
    verifyJoinKeys(d, term.by);
  }
  verifyJoinKeyCounts(d, sample.terms);
  if (sample.terms.length < 2) {
    d.add(
      'EQL_QUERY_SHAPE',
      `A sample requires a minimum of 2 queries, found [${sample.terms.length}]`,
      sample.loc,
    );
  }
}

/** Join keys are field names: Elasticsearch resolves them to attributes. */
function verifyJoinKeys(d: Diagnostics, keys: readonly Expression[]): void {
  for (const key of keys) {
    verifyExpression(d, key);
    if (key.kind !== 'Field') {
      d.add('EQL_JOIN_KEYS', `Join keys must be fields, found [${d.text(key)}]`, key.loc);
    }
  }
}

/** Every term of a sequence or sample must add the same number of keys to the shared ones. */
function verifyJoinKeyCounts(d: Diagnostics, terms: readonly (SequenceTermNode | SampleTermNode)[]): void {
  const [first, ...rest] = terms;
  if (first === undefined) return;
  for (const term of rest) {
    if (term.by.length === first.by.length) continue;
    const at = term.by[0] !== undefined ? { start: term.by[0].loc.start, end: term.loc.end } : term.loc;
    d.add(
      'EQL_JOIN_KEYS',
      `Inconsistent number of join keys specified; expected [${first.by.length}] but found [${term.by.length}]`,
      at,
    );
  }
}

function verifyPipe(d: Diagnostics, pipe: PipeNode): void {
  const nameRange = pipeNameRange(d, pipe);
  if (!KNOWN_PIPES.includes(pipe.name)) {
    const hint = didYouMean(suggestionList(pipe.name, KNOWN_PIPES));
    d.add('EQL_UNSUPPORTED_PIPE', `Unrecognized pipe [${pipe.name}]${hint}`, nameRange);
    return;
  }
  if (!RUNNABLE_PIPES.has(pipe.name)) {
    d.add('EQL_UNSUPPORTED_PIPE', `Pipe [${pipe.name}] is not supported`, pipe.loc);
    return;
  }
  if (pipe.args.length !== 1) {
    d.add(
      'EQL_PIPE_ARGUMENT',
      `Pipe [${pipe.name}] expects exactly one argument but found [${pipe.args.length}]`,
      pipe.loc,
    );
    return;
  }
  const arg = pipe.args[0] as Expression;
  if (pipeLimit(arg) === undefined) {
    d.add(
      'EQL_PIPE_ARGUMENT',
      `Pipe [${pipe.name}] expects a positive integer but found [${d.text(arg)}]`,
      arg.loc,
    );
  }
}

function pipeNameRange(d: Diagnostics, pipe: PipeNode): { start: number; end: number } {
  const start = d.source === null ? -1 : d.source.indexOf(pipe.name, pipe.loc.start);
  return start < 0 ? pipe.loc : { start, end: start + pipe.name.length };
}
