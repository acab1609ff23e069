/**
 * Where each key of a TOML document is written. smol-toml returns values without positions, so
 * errors about a field ("risk_score must be a number") and query diagnostics (mapped from the
 * `'''` block back into the file) need this second, position-only pass over the text.
 *
 * Paths are dotted, with array-of-tables indices: `rule.threat[0].technique[1].id`.
 */

export interface TextPosition {
  /** 0-based offset in the text. */
  readonly offset: number;
  /** 1-based. */
  readonly line: number;
  /** 1-based, in UTF-16 code units. */
  readonly column: number;
}

export interface KeyLocation {
  readonly key: TextPosition;
  readonly value: TextPosition;
  /** Offset just past the value's last character. */
  readonly valueEnd: number;
}

export interface TomlLocations {
  /** The key's location, or that of the nearest enclosing table header or key. */
  find(path: string): KeyLocation | undefined;
  /** Exact lookup only. */
  get(path: string): KeyLocation | undefined;
  position(offset: number): TextPosition;
  readonly paths: readonly string[];
}

export function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) starts.push(i + 1);
  return starts;
}

export function positionAt(starts: readonly number[], offset: number): TextPosition {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((starts[mid] ?? 0) <= offset) lo = mid;
    else hi = mid - 1;
  }
  return { offset, line: lo + 1, column: offset - (starts[lo] ?? 0) + 1 };
}

export function locateTomlKeys(text: string): TomlLocations {
  const starts = lineStarts(text);
  const at = (offset: number) => positionAt(starts, offset);
  const found = new Map<string, KeyLocation>();
  const scanner = new Scanner(text);
  const arrayCounts = new Map<string, number>();
  let table = '';

  const concrete = (segments: readonly string[], arrayLast: boolean): string => {
    let path = '';
    segments.forEach((segment, i) => {
      path = path ? `${path}.${segment}` : segment;
      const isLast = i === segments.length - 1;
      if (isLast && arrayLast) {
        const next = (arrayCounts.get(path) ?? -1) + 1;
        arrayCounts.set(path, next);
        path = `${path}[${next}]`;
      } else if (arrayCounts.has(path)) {
        path = `${path}[${arrayCounts.get(path)}]`;
      }
    });
    return path;
  };

  while (!scanner.done()) {
    scanner.skipBlankAndComments();
    if (scanner.done()) break;
    const start = scanner.pos;
    if (scanner.peek() === '[') {
      const isArray = scanner.peek(1) === '[';
      scanner.pos += isArray ? 2 : 1;
      const segments = scanner.readKey();
      scanner.skipToLineEnd();
      table = concrete(segments, isArray);
      if (!found.has(table)) {
        const pos = at(start);
        found.set(table, { key: pos, value: pos, valueEnd: scanner.pos });
      }
      continue;
    }
    const segments = scanner.readKey();
    if (segments.length === 0 || scanner.peek() !== '=') {
      scanner.skipToLineEnd();
      continue;
    }
    scanner.pos++;
    scanner.skipSpaces();
    const valueStart = scanner.pos;
    scanner.skipValue();
    const path = [table, ...segments].filter((s) => s !== '').join('.');
    found.set(path, { key: at(start), value: at(valueStart), valueEnd: scanner.pos });
    scanner.skipToLineEnd();
  }

  const get = (path: string) => found.get(path);
  return {
    get,
    find(path: string) {
      let probe = path;
      for (;;) {
        const hit = found.get(probe);
        if (hit) return hit;
        const cut = Math.max(probe.lastIndexOf('.'), probe.lastIndexOf('['));
        if (cut <= 0) return undefined;
        probe = probe.slice(0, cut);
      }
    },
    position: at,
    paths: [...found.keys()],
  };
}

class Scanner {
  pos = 0;
  constructor(private readonly text: string) {}

  done(): boolean {
    return this.pos >= this.text.length;
  }

  peek(ahead = 0): string {
    return this.text[this.pos + ahead] ?? '';
  }

  skipSpaces(): void {
    while (this.peek() === ' ' || this.peek() === '\t') this.pos++;
  }

  skipBlankAndComments(): void {
    for (;;) {
      const c = this.peek();
      if (c === ' ' || c === '\t' || c === '\r' || c === '\n') this.pos++;
      else if (c === '#') this.skipToLineEnd();
      else return;
    }
  }

  skipToLineEnd(): void {
    const nl = this.text.indexOf('\n', this.pos);
    this.pos = nl < 0 ? this.text.length : nl + 1;
  }

  /** A (possibly dotted, possibly quoted) key; stops before `=` or `]`. */
  readKey(): string[] {
    const segments: string[] = [];
    for (;;) {
      this.skipSpaces();
      const c = this.peek();
      if (c === '"' || c === "'") {
        segments.push(this.readQuotedKey(c));
      } else {
        const begin = this.pos;
        while (/[A-Za-z0-9_-]/.test(this.peek())) this.pos++;
        if (this.pos === begin) return segments;
        segments.push(this.text.slice(begin, this.pos));
      }
      this.skipSpaces();
      if (this.peek() !== '.') return segments;
      this.pos++;
    }
  }

  private readQuotedKey(quote: string): string {
    this.pos++;
    let out = '';
    while (!this.done() && this.peek() !== quote && this.peek() !== '\n') {
      if (quote === '"' && this.peek() === '\\') {
        out += this.peek(1);
        this.pos += 2;
      } else {
        out += this.peek();
        this.pos++;
      }
    }
    this.pos++;
    return out;
  }

  /** Moves past one value, including multi-line strings and arrays spanning lines. */
  skipValue(): void {
    let depth = 0;
    let end = this.pos;
    while (!this.done()) {
      const c = this.peek();
      if (c === '"' || c === "'") {
        this.skipString(c);
        end = this.pos;
      } else if (c === '[' || c === '{') {
        depth++;
        this.pos++;
        end = this.pos;
      } else if (c === ']' || c === '}') {
        depth--;
        this.pos++;
        end = this.pos;
        if (depth <= 0) break;
      } else if (c === '#') {
        const nl = this.text.indexOf('\n', this.pos);
        this.pos = nl < 0 ? this.text.length : nl;
      } else if (c === '\n') {
        if (depth <= 0) break;
        this.pos++;
      } else {
        this.pos++;
        if (c !== ' ' && c !== '\t' && c !== '\r' && c !== ',') end = this.pos;
      }
    }
    this.pos = end;
  }

  private skipString(quote: string): void {
    const triple = quote.repeat(3);
    if (this.text.startsWith(triple, this.pos)) {
      let i = this.pos + 3;
      for (;;) {
        const close = this.text.indexOf(triple, i);
        if (close < 0) {
          this.pos = this.text.length;
          return;
        }
        if (quote === '"' && isEscaped(this.text, close)) {
          i = close + 1;
          continue;
        }
        // Up to two quotes may sit right before the closing delimiter.
        let stop = close + 3;
        while (this.text[stop] === quote && stop < close + 5) stop++;
        this.pos = stop;
        return;
      }
    }
    let i = this.pos + 1;
    while (i < this.text.length && this.text[i] !== quote && this.text[i] !== '\n') {
      if (quote === '"' && this.text[i] === '\\') i++;
      i++;
    }
    this.pos = i + 1;
  }
}

function isEscaped(text: string, at: number): boolean {
  let slashes = 0;
  for (let i = at - 1; i >= 0 && text[i] === '\\'; i--) slashes++;
  return slashes % 2 === 1;
}
