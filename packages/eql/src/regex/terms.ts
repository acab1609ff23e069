/**
 * Regular-expression terms with Brzozowski derivatives: the derivative of a term by a character
 * is the term matching what may follow that character. Terms are hash-consed (one object per
 * distinct term, compared by identity) and kept in a normal form (unions and intersections
 * flattened, sorted and deduplicated), so a term has finitely many distinct derivatives — they
 * are the states of a DFA that `automaton.ts` builds lazily. Complement and intersection, which
 * a Thompson NFA cannot express, are just two more term kinds here.
 */

export type Term =
  | TermBase<'empty'>
  | TermBase<'epsilon'>
  | (TermBase<'set'> & { readonly ranges: readonly number[] })
  | (TermBase<'concat'> & { readonly head: Term; readonly tail: Term })
  | (TermBase<'union' | 'inter'> & { readonly items: readonly Term[] })
  | (TermBase<'not' | 'star'> & { readonly operand: Term })
  | (TermBase<'interval'> & IntervalState);

interface TermBase<K extends string> {
  readonly kind: K;
  readonly id: number;
  readonly nullable: boolean;
}

/** A decimal interval `<min-max>` after reading `length` digits whose value is `value`. */
export interface IntervalState {
  readonly min: number;
  readonly max: number;
  /** Required digit count, or 0 when any number of leading zeros is allowed. */
  readonly digits: number;
  readonly value: number;
  readonly length: number;
}

type TermInit = Term extends infer T ? (T extends Term ? Omit<T, 'id'> : never) : never;

export class TermFactory {
  private readonly interned = new Map<string, Term>();
  /**
   * Derivatives already computed, by term id then code point. Terms are hash-consed, so a
   * subterm shared by many states (the tail of a long concatenation) is derived once per
   * character instead of once per path to it, which would be exponential for nested repeats.
   */
  private readonly derivatives = new Map<number, Map<number, Term>>();
  readonly empty: Term;
  readonly epsilon: Term;
  readonly anyChar: Term;
  readonly anyString: Term;

  constructor() {
    this.empty = this.intern('0', { kind: 'empty', nullable: false });
    this.epsilon = this.intern('e', { kind: 'epsilon', nullable: true });
    this.anyChar = this.set([0, 0x10ffff]);
    this.anyString = this.star(this.anyChar);
  }

  /** Number of distinct terms built so far (the automaton's state budget counts these). */
  get size(): number {
    return this.interned.size;
  }

  private intern(key: string, init: TermInit): Term {
    const existing = this.interned.get(key);
    if (existing !== undefined) return existing;
    const term = { ...init, id: this.interned.size } as Term;
    this.interned.set(key, term);
    return term;
  }

  /** A character set from [from, to] pairs (merged and sorted here). */
  set(pairs: readonly number[]): Term {
    const list: Array<[number, number]> = [];
    for (let i = 0; i + 1 < pairs.length; i += 2) list.push([pairs[i] as number, pairs[i + 1] as number]);
    list.sort((a, b) => a[0] - b[0]);
    const merged: number[] = [];
    for (const [from, to] of list) {
      const last = merged.length - 1;
      if (last > 0 && from <= (merged[last] as number) + 1)
        merged[last] = Math.max(merged[last] as number, to);
      else merged.push(from, to);
    }
    if (merged.length === 0) return this.empty;
    return this.intern(`s${merged.join(',')}`, { kind: 'set', ranges: merged, nullable: false });
  }

  concat(head: Term, tail: Term): Term {
    if (head === this.empty || tail === this.empty) return this.empty;
    if (head === this.epsilon) return tail;
    if (tail === this.epsilon) return head;
    if (head.kind === 'concat') return this.concat(head.head, this.concat(head.tail, tail));
    return this.intern(`c${head.id},${tail.id}`, {
      kind: 'concat',
      head,
      tail,
      nullable: head.nullable && tail.nullable,
    });
  }

  union(terms: readonly Term[]): Term {
    const items = new Map<number, Term>();
    for (const term of terms) {
      if (term.kind === 'union') for (const item of term.items) items.set(item.id, item);
      else if (term !== this.empty) items.set(term.id, term);
    }
    if (items.has(this.anyString.id)) return this.anyString;
    return this.combine('union', [...items.values()], this.empty);
  }

  inter(terms: readonly Term[]): Term {
    const items = new Map<number, Term>();
    for (const term of terms) {
      if (term === this.empty) return this.empty;
      if (term.kind === 'inter') for (const item of term.items) items.set(item.id, item);
      else if (term !== this.anyString) items.set(term.id, term);
    }
    return this.combine('inter', [...items.values()], this.anyString);
  }

  private combine(kind: 'union' | 'inter', items: Term[], identity: Term): Term {
    if (items.length === 0) return identity;
    if (items.length === 1) return items[0] as Term;
    items.sort((a, b) => a.id - b.id);
    const nullable = kind === 'union' ? items.some((t) => t.nullable) : items.every((t) => t.nullable);
    return this.intern(`${kind === 'union' ? 'u' : 'i'}${items.map((t) => t.id).join(',')}`, {
      kind,
      items,
      nullable,
    });
  }

  not(operand: Term): Term {
    if (operand.kind === 'not') return operand.operand;
    return this.intern(`n${operand.id}`, { kind: 'not', operand, nullable: !operand.nullable });
  }

  star(operand: Term): Term {
    if (operand === this.empty || operand === this.epsilon) return this.epsilon;
    if (operand.kind === 'star') return operand;
    return this.intern(`*${operand.id}`, { kind: 'star', operand, nullable: true });
  }

  interval(state: IntervalState): Term {
    const { min, max, digits, value, length } = state;
    const nullable = length > 0 && value >= min && value <= max && (digits === 0 || length === digits);
    return this.intern(`r${min},${max},${digits},${value},${length}`, {
      kind: 'interval',
      ...state,
      nullable,
    });
  }

  /** The term matching every `s` such that `code + s` matches `term`. */
  derive(term: Term, code: number): Term {
    let byCode = this.derivatives.get(term.id);
    if (byCode === undefined) {
      byCode = new Map();
      this.derivatives.set(term.id, byCode);
    }
    let derivative = byCode.get(code);
    if (derivative === undefined) {
      derivative = this.deriveOnce(term, code);
      byCode.set(code, derivative);
    }
    return derivative;
  }

  private deriveOnce(term: Term, code: number): Term {
    switch (term.kind) {
      case 'empty':
      case 'epsilon':
        return this.empty;
      case 'set':
        return inRanges(term.ranges, code) ? this.epsilon : this.empty;
      case 'concat': {
        const first = this.concat(this.derive(term.head, code), term.tail);
        return term.head.nullable ? this.union([first, this.derive(term.tail, code)]) : first;
      }
      case 'union':
        return this.union(term.items.map((item) => this.derive(item, code)));
      case 'inter':
        return this.inter(term.items.map((item) => this.derive(item, code)));
      case 'not':
        return this.not(this.derive(term.operand, code));
      case 'star':
        return this.concat(this.derive(term.operand, code), term);
      case 'interval':
        return this.deriveInterval(term, code);
    }
  }

  private deriveInterval(term: IntervalState, code: number): Term {
    if (code < 48 || code > 57) return this.empty;
    const value = term.value * 10 + (code - 48);
    const length = term.length + 1;
    if (value > term.max || (term.digits > 0 && length > term.digits)) return this.empty;
    // Without a fixed width, leading zeros only need "at least one digit seen".
    return this.interval({ ...term, value, length: term.digits > 0 ? length : Math.min(length, 1) });
  }
}

function inRanges(ranges: readonly number[], code: number): boolean {
  for (let i = 0; i < ranges.length; i += 2) {
    if (code < (ranges[i] as number)) return false;
    if (code <= (ranges[i + 1] as number)) return true;
  }
  return false;
}
