/**
 * Parser for Lucene regular expressions as Elasticsearch's `regexp` query reads them (Lucene 9,
 * default flags): `|` union, `&` intersection, concatenation, postfix `? * + {n} {n,} {n,m}`,
 * prefix `~` complement, `[…]`/`[^…]` classes with ranges, `.` any character, `#` the empty
 * language, `@` any string, `"…"` literal strings, `()` the empty string, `<n-m>` decimal
 * intervals, and `\d \D \s \S \w \W` classes (other backslash-letters are errors; a backslash
 * before anything else makes it literal). The structure mirrors Lucene's recursive descent so
 * that its quirks (a leading `*` is a literal, `{` without digits is an error) come out the
 * same. Patterns always match the whole string.
 */

export type RegexNode =
  | { readonly kind: 'empty' }
  | { readonly kind: 'string'; readonly text: string }
  | { readonly kind: 'char'; readonly code: number }
  | { readonly kind: 'class'; readonly ranges: readonly number[] }
  | { readonly kind: 'any' }
  | { readonly kind: 'anyString' }
  | {
      readonly kind: 'union' | 'intersection' | 'concat';
      readonly left: RegexNode;
      readonly right: RegexNode;
    }
  | { readonly kind: 'complement'; readonly operand: RegexNode }
  | { readonly kind: 'negatedClass'; readonly operand: RegexNode }
  | {
      readonly kind: 'repeat';
      readonly operand: RegexNode;
      readonly min: number;
      readonly max: number | null;
    }
  | { readonly kind: 'interval'; readonly min: number; readonly max: number; readonly digits: number };

export class RegexSyntaxError extends Error {
  override readonly name = 'RegexSyntaxError';
  /** Offset in the pattern (UTF-16 code units) where the problem was found. */
  readonly position: number;

  constructor(message: string, position: number) {
    super(message);
    this.position = position;
  }
}

const MAX_CODE_POINT = 0x10ffff;
const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

/** Ranges as flat [from, to, from, to, …] pairs of code points. */
function predefined(letter: string): number[] | undefined {
  const c = (s: string): number => s.codePointAt(0) as number;
  switch (letter) {
    case '\\':
      return [c('\\'), c('\\')];
    case 'd':
      return [c('0'), c('9')];
    case 'D':
      return [0, c('0') - 1, c('9') + 1, MAX_CODE_POINT];
    case 's':
      return [c('\t'), c('\n'), c('\r'), c('\r'), c(' '), c(' ')];
    case 'S':
      return [0, c('\t') - 1, c('\n') + 1, c('\r') - 1, c('\r') + 1, c(' ') - 1, c(' ') + 1, MAX_CODE_POINT];
    case 'w':
      return [c('0'), c('9'), c('A'), c('Z'), c('_'), c('_'), c('a'), c('z')];
    case 'W':
      return [
        0,
        c('0') - 1,
        c('9') + 1,
        c('A') - 1,
        c('Z') + 1,
        c('_') - 1,
        c('_') + 1,
        c('a') - 1,
        c('z') + 1,
        MAX_CODE_POINT,
      ];
    default:
      return undefined;
  }
}

class RegexParser {
  private pos = 0;

  constructor(private readonly text: string) {}

  parse(): RegexNode {
    const node = this.union();
    if (this.pos < this.text.length)
      throw new RegexSyntaxError(`end-of-string expected at position ${this.pos}`, this.pos);
    return node;
  }

  private more(): boolean {
    return this.pos < this.text.length;
  }

  private current(): number {
    return this.text.codePointAt(this.pos) as number;
  }

  private peek(chars: string): boolean {
    return this.more() && chars.includes(String.fromCodePoint(this.current()));
  }

  private match(char: string): boolean {
    if (this.more() && this.current() === char.codePointAt(0)) {
      this.pos += char.length;
      return true;
    }
    return false;
  }

  private next(): number {
    if (!this.more()) throw new RegexSyntaxError('unexpected end-of-string', this.pos);
    const code = this.current();
    this.pos += code > 0xffff ? 2 : 1;
    return code;
  }

  private union(): RegexNode {
    let node = this.intersection();
    while (this.match('|')) node = { kind: 'union', left: node, right: this.intersection() };
    return node;
  }

  private intersection(): RegexNode {
    let node = this.concat();
    while (this.match('&')) node = { kind: 'intersection', left: node, right: this.concat() };
    return node;
  }

  private concat(): RegexNode {
    let node = this.repeat();
    while (this.more() && !this.peek(')|&')) node = { kind: 'concat', left: node, right: this.repeat() };
    return node;
  }

  private repeat(): RegexNode {
    let node = this.complement();
    while (this.peek('?*+{')) {
      if (this.match('?')) node = { kind: 'repeat', operand: node, min: 0, max: 1 };
      else if (this.match('*')) node = { kind: 'repeat', operand: node, min: 0, max: null };
      else if (this.match('+')) node = { kind: 'repeat', operand: node, min: 1, max: null };
      else if (this.match('{')) {
        const n = this.integer();
        let m: number | null = n;
        if (this.match(',')) m = this.peek('0123456789') ? this.integer() : null;
        if (!this.match('}')) throw new RegexSyntaxError(`expected '}' at position ${this.pos}`, this.pos);
        if (m !== null && n > m)
          throw new RegexSyntaxError(`invalid repetition range(out of order): ${n}..${m}`, this.pos);
        node = { kind: 'repeat', operand: node, min: n, max: m };
      }
    }
    return node;
  }

  private integer(): number {
    const start = this.pos;
    while (this.peek('0123456789')) this.next();
    if (start === this.pos) throw new RegexSyntaxError(`integer expected at position ${this.pos}`, this.pos);
    return Number(this.text.slice(start, this.pos));
  }

  private complement(): RegexNode {
    if (this.match('~')) return { kind: 'complement', operand: this.complement() };
    return this.charClass();
  }

  private charClass(): RegexNode {
    if (!this.match('[')) return this.simple();
    const negate = this.match('^');
    const ranges: number[] = [];
    do {
      if (this.match('\\')) {
        if (this.peek(`\\${LETTERS}`)) ranges.push(...this.predefinedClass());
        else {
          const code = this.next();
          ranges.push(code, code);
        }
      } else {
        const from = this.charExp();
        const to = this.match('-') ? this.charExp() : from;
        if (from > to)
          throw new RegexSyntaxError(`invalid range: from (${from}) cannot be > to (${to})`, this.pos);
        ranges.push(from, to);
      }
    } while (this.more() && !this.peek(']'));
    if (!this.match(']')) throw new RegexSyntaxError(`expected ']' at position ${this.pos}`, this.pos);
    const node: RegexNode = { kind: 'class', ranges };
    return negate ? { kind: 'negatedClass', operand: node } : node;
  }

  /** After a backslash, at a letter or backslash: a predefined class, an escaped `\`, or an error. */
  private predefinedClass(): number[] {
    const at = this.pos;
    const letter = String.fromCodePoint(this.next());
    const ranges = predefined(letter);
    if (ranges === undefined) throw new RegexSyntaxError(`invalid character class \\${letter}`, at);
    return ranges;
  }

  private simple(): RegexNode {
    if (this.match('.')) return { kind: 'any' };
    if (this.match('#')) return { kind: 'empty' };
    if (this.match('@')) return { kind: 'anyString' };
    if (this.match('"')) {
      const start = this.pos;
      while (this.more() && !this.peek('"')) this.next();
      if (!this.match('"')) throw new RegexSyntaxError(`expected '"' at position ${this.pos}`, this.pos);
      return { kind: 'string', text: this.text.slice(start, this.pos - 1) };
    }
    if (this.match('(')) {
      if (this.match(')')) return { kind: 'string', text: '' };
      const inner = this.union();
      if (!this.match(')')) throw new RegexSyntaxError(`expected ')' at position ${this.pos}`, this.pos);
      return inner;
    }
    if (this.match('<')) return this.interval();
    if (this.match('\\')) {
      if (this.peek(`\\${LETTERS}`)) return { kind: 'class', ranges: this.predefinedClass() };
      return { kind: 'char', code: this.next() };
    }
    return { kind: 'char', code: this.next() };
  }

  private interval(): RegexNode {
    const start = this.pos;
    while (this.more() && !this.peek('>')) this.next();
    if (!this.match('>')) throw new RegexSyntaxError(`expected '>' at position ${this.pos}`, this.pos);
    const body = this.text.slice(start, this.pos - 1);
    const dash = body.indexOf('-');
    const fail = (): never => {
      throw new RegexSyntaxError(`interval syntax error at position ${this.pos - 1}`, this.pos - 1);
    };
    // Named automata (`<name>`) need a provider Elasticsearch does not give.
    if (dash <= 0 || dash === body.length - 1 || dash !== body.lastIndexOf('-')) return fail();
    const low = body.slice(0, dash);
    const high = body.slice(dash + 1);
    if (!/^\d+$/.test(low) || !/^\d+$/.test(high)) return fail();
    let min = Number(low);
    let max = Number(high);
    if (min > 2147483647 || max > 2147483647) return fail();
    if (min > max) [min, max] = [max, min];
    return { kind: 'interval', min, max, digits: low.length === high.length ? low.length : 0 };
  }

  private charExp(): number {
    this.match('\\');
    return this.next();
  }
}

/** Parses a Lucene regular expression; throws `RegexSyntaxError` with the offending position. */
export function parseLuceneRegex(pattern: string): RegexNode {
  return new RegexParser(pattern).parse();
}
