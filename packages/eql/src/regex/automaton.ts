/**
 * A lazily built DFA over derivative terms: each state is a term, each transition is computed
 * on first use and cached (an array for ASCII, a map beyond). Matching a string is one cached
 * step per code point, so time is linear in the input whatever the pattern — `(a+)+b` against
 * a long run of `a`s cannot blow up as it does in a backtracking engine. When the number of
 * states passes a cap, the automaton starts over from a fresh factory, keeping memory bounded.
 */

import type { RegexNode } from './syntax.js';
import { type Term, TermFactory } from './terms.js';

const MAX_STATES = 20_000;
const MAX_TERM_NODES = 200_000;
/**
 * Most character positions a pattern may expand to once its repeats are written out. Lucene
 * expands repeats the same way and Elasticsearch rejects a regexp whose automaton would need
 * more than 10,000 states; derivatives get slow per character well before that on overlapping
 * repeats (`a{0,2000}`, `(a{1,100}){1,100}`), so the limit here is lower: far above what
 * detection rules write (`{1,3}`, `{15}`), low enough that no pattern stalls a search.
 */
const MAX_POSITIONS = 1_000;

export class RegexTooComplexError extends Error {
  override readonly name = 'RegexTooComplexError';
}

function isAsciiLetter(code: number): boolean {
  return (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
}

/** Single characters match both ASCII cases under `regex~` (Lucene's ASCII_CASE_INSENSITIVE). */
function charSet(factory: TermFactory, code: number, caseInsensitive: boolean): Term {
  if (caseInsensitive && isAsciiLetter(code)) return factory.set([code, code, code ^ 0x20, code ^ 0x20]);
  return factory.set([code, code]);
}

function build(node: RegexNode, factory: TermFactory, ci: boolean, budget: { nodes: number }): Term {
  if (--budget.nodes < 0) throw new RegexTooComplexError('regular expression is too complex');
  const recurse = (child: RegexNode): Term => build(child, factory, ci, budget);
  switch (node.kind) {
    case 'empty':
      return factory.empty;
    case 'string': {
      let term = factory.epsilon;
      for (const char of [...node.text].reverse())
        term = factory.concat(charSet(factory, char.codePointAt(0) as number, ci), term);
      return term;
    }
    case 'char':
      return charSet(factory, node.code, ci);
    case 'class': {
      const pairs: number[] = [];
      for (let i = 0; i < node.ranges.length; i += 2) {
        const from = node.ranges[i] as number;
        const to = node.ranges[i + 1] as number;
        pairs.push(from, to);
        if (ci && from === to && isAsciiLetter(from)) pairs.push(from ^ 0x20, from ^ 0x20);
      }
      return factory.set(pairs);
    }
    case 'any':
      return factory.anyChar;
    case 'anyString':
      return factory.anyString;
    case 'union':
      return factory.union([recurse(node.left), recurse(node.right)]);
    case 'intersection':
      return factory.inter([recurse(node.left), recurse(node.right)]);
    case 'concat':
      return factory.concat(recurse(node.left), recurse(node.right));
    case 'complement':
      return factory.not(recurse(node.operand));
    case 'negatedClass':
      return factory.inter([factory.anyChar, factory.not(recurse(node.operand))]);
    case 'repeat': {
      const operand = recurse(node.operand);
      const { min, max } = node;
      budget.nodes -= max === null ? min : max;
      if (budget.nodes < 0) throw new RegexTooComplexError('regular expression is too complex');
      const optional = factory.union([operand, factory.epsilon]);
      let tail = max === null ? factory.star(operand) : factory.epsilon;
      if (max !== null) for (let i = min; i < max; i++) tail = factory.concat(optional, tail);
      for (let i = 0; i < min; i++) tail = factory.concat(operand, tail);
      return tail;
    }
    case 'interval':
      return factory.interval({ min: node.min, max: node.max, digits: node.digits, value: 0, length: 0 });
  }
}

/** Positions of `node` with every repeat written out (saturating: stops counting past the cap). */
function expandedPositions(node: RegexNode): number {
  switch (node.kind) {
    case 'empty':
      return 0;
    case 'string':
      return node.text.length;
    case 'char':
    case 'class':
    case 'any':
    case 'anyString':
    case 'interval':
      return 1;
    case 'union':
    case 'intersection':
    case 'concat':
      return Math.min(expandedPositions(node.left) + expandedPositions(node.right), MAX_POSITIONS + 1);
    case 'complement':
    case 'negatedClass':
      return expandedPositions(node.operand);
    case 'repeat': {
      const copies = Math.max(node.max ?? node.min + 1, 1);
      return Math.min(expandedPositions(node.operand) * copies, MAX_POSITIONS + 1);
    }
  }
}

interface State {
  readonly term: Term;
  readonly ascii: Array<State | undefined>;
  readonly other: Map<number, State>;
}

export class LazyDfa {
  private factory = new TermFactory();
  private states = new Map<Term, State>();
  private start: State;

  constructor(
    private readonly node: RegexNode,
    private readonly caseInsensitive: boolean,
  ) {
    if (expandedPositions(node) > MAX_POSITIONS) {
      throw new RegexTooComplexError(
        `regular expression is too complex: its repeats expand to more than ${MAX_POSITIONS} positions`,
      );
    }
    this.start = this.reset();
  }

  private reset(): State {
    this.factory = new TermFactory();
    this.states = new Map();
    this.start = this.state(build(this.node, this.factory, this.caseInsensitive, { nodes: MAX_TERM_NODES }));
    return this.start;
  }

  private state(term: Term): State {
    let state = this.states.get(term);
    if (state === undefined) {
      state = { term, ascii: [], other: new Map() };
      this.states.set(term, state);
    }
    return state;
  }

  private step(state: State, code: number): State {
    const cached = code < 128 ? state.ascii[code] : state.other.get(code);
    if (cached !== undefined) return cached;
    const next = this.state(this.factory.derive(state.term, code));
    if (code < 128) state.ascii[code] = next;
    else state.other.set(code, next);
    return next;
  }

  /** Whether the whole of `text` matches. */
  matches(text: string): boolean {
    if (this.factory.size > MAX_STATES) this.reset();
    const { empty, anyString } = this.factory;
    let state = this.start;
    for (let i = 0; i < text.length; i++) {
      let code = text.charCodeAt(i);
      if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
        const low = text.charCodeAt(i + 1);
        if (low >= 0xdc00 && low <= 0xdfff) {
          code = ((code - 0xd800) << 10) + (low - 0xdc00) + 0x10000;
          i++;
        }
      }
      state = this.step(state, code);
      if (state.term === empty) return false;
      if (state.term === anyString) return true;
    }
    return state.term.nullable;
  }
}
