/**
 * Where a JSON text stops being valid, for error reports that name a column. JSON.parse says
 * where only in its message, and differently from one Node version to the next ("at position
 * 12", "(line 1 column 13)", or nothing at all for "Unexpected end of JSON input"), so the
 * fault is found here, by a scan run only on text JSON.parse already refused.
 */

const OBJECT = 1;
const ARRAY = 2;
const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const HEX4 = /[0-9a-fA-F]{4}/y;

function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d;
}

/**
 * Offset (0-based, in UTF-16 units) of the first character that breaks the JSON grammar in
 * `text`, `text.length` when the text ends before the value does, or -1 when it is one valid
 * JSON value. Iterative, so any nesting depth is fine.
 */
export function jsonFaultOffset(text: string): number {
  const n = text.length;
  const stack: number[] = [];
  let i = 0;
  const skipSpace = () => {
    while (i < n && isSpace(text.charCodeAt(i))) i++;
  };
  /** Reads a string starting at `i` (a quote); false with `i` at the fault. */
  const readString = (): boolean => {
    i++;
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c === 0x22) {
        i++;
        return true;
      }
      if (c < 0x20) return false;
      if (c === 0x5c) {
        const e = text[i + 1];
        if (e === undefined) {
          i = n;
          return false;
        }
        if (e === 'u') {
          HEX4.lastIndex = i + 2;
          if (!HEX4.test(text)) {
            i += 2;
            while (i < n && /[0-9a-fA-F]/.test(text[i] as string)) i++;
            return false;
          }
          i += 6;
          continue;
        }
        if (!'"\\/bfnrt'.includes(e)) {
          i++;
          return false;
        }
        i += 2;
        continue;
      }
      i++;
    }
    return false;
  };
  /** A key and its colon, after "{" or ","; false with `i` at the fault. */
  const readKey = (): boolean => {
    skipSpace();
    if (text.charCodeAt(i) !== 0x22 || !readString()) return false;
    skipSpace();
    if (text.charCodeAt(i) !== 0x3a) return false;
    i++;
    return true;
  };

  let wantValue = true;
  for (;;) {
    skipSpace();
    if (i >= n) return wantValue || stack.length > 0 ? n : -1;
    const c = text.charCodeAt(i);
    if (wantValue) {
      if (c === 0x7b || c === 0x5b) {
        // "{" or "[": empty, or opened (an object then wants its first key).
        const kind = c === 0x7b ? OBJECT : ARRAY;
        i++;
        skipSpace();
        if (text.charCodeAt(i) === (kind === OBJECT ? 0x7d : 0x5d)) {
          i++;
          wantValue = false;
          continue;
        }
        stack.push(kind);
        if (kind === OBJECT && !readKey()) return Math.min(i, n);
        continue;
      }
      if (c === 0x22) {
        if (!readString()) return Math.min(i, n);
      } else if (text.startsWith('true', i)) i += 4;
      else if (text.startsWith('false', i)) i += 5;
      else if (text.startsWith('null', i)) i += 4;
      else {
        NUMBER.lastIndex = i;
        if (!NUMBER.test(text)) return i;
        i = NUMBER.lastIndex;
      }
      wantValue = false;
      continue;
    }
    const top = stack[stack.length - 1];
    if (top === undefined) return i;
    if (c === 0x2c) {
      i++;
      if (top === OBJECT && !readKey()) return Math.min(i, n);
      wantValue = true;
      continue;
    }
    if ((c === 0x7d && top === OBJECT) || (c === 0x5d && top === ARRAY)) {
      i++;
      stack.pop();
      continue;
    }
    return i;
  }
}

/**
 * JSON.parse's message without the position it may carry (the report gives line and column) and
 * without the copy of the text newer V8s quote (`, "{"a": tru}" is not valid JSON`, `"…"... is
 * not valid JSON`), which can span lines, carry binary bytes, and repeats what the position shows.
 */
export function jsonParseMessage(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message
    .replace(/ (?:in JSON )?at position \d+(?: \(line \d+ column \d+\))?$/, '')
    .replace(/, [\s\S]* is not valid JSON$/, '')
    .replace(/\s+/g, ' ');
}

/** 1-based line and column of `offset` in `text`, counting from `start` (where `text` begins). */
export function lineColumnAt(
  text: string,
  offset: number,
  start: { readonly line: number; readonly column: number },
): { line: number; column: number } {
  let line = start.line;
  let lineStart = -1;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i;
  }
  return { line, column: lineStart < 0 ? start.column + offset : offset - lineStart };
}
