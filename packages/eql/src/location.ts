/**
 * Offsets → human positions. Offsets are UTF-16 code-unit indexes (what JavaScript strings and
 * Monaco use); lines and columns are 1-based, columns counted in code units as well so that an
 * editor can place a marker without re-measuring.
 */

import type { SourceRange } from './ast.js';

export interface SourcePosition {
  /** 1-based line number. */
  readonly line: number;
  /** 1-based column number. */
  readonly column: number;
}

const LINE_BREAK = /\r\n|[\n\r]/g;

/** Line and column of `offset` in `source` (offsets past the end clamp to the end). */
export function getLocation(source: string, offset: number): SourcePosition {
  const target = Math.max(0, Math.min(offset, source.length));
  let line = 1;
  let lineStart = 0;
  LINE_BREAK.lastIndex = 0;
  for (let match = LINE_BREAK.exec(source); match !== null; match = LINE_BREAK.exec(source)) {
    if (match.index >= target) break;
    line += 1;
    lineStart = match.index + match[0].length;
  }
  return { line, column: target - lineStart + 1 };
}

/** Offset of a 1-based line/column (the inverse of `getLocation`), clamped to the source. */
export function getOffset(source: string, position: SourcePosition): number {
  let lineStart = 0;
  LINE_BREAK.lastIndex = 0;
  for (let line = 1; line < position.line; line += 1) {
    const match = LINE_BREAK.exec(source);
    if (match === null) return source.length;
    lineStart = match.index + match[0].length;
  }
  return Math.min(source.length, lineStart + Math.max(0, position.column - 1));
}

/**
 * The source line(s) around `range` with a caret line under the range, prefixed with line
 * numbers, e.g.
 *
 * ```
 * 1 | process where name = "x"
 *   |                    ^
 * ```
 *
 * One line of context is shown before the first line of the range. Ranges spanning several
 * lines underline only their first line, so the frame stays short.
 */
export function printCodeFrame(source: string, range: SourceRange): string {
  const lines = source.split(/\r\n|[\n\r]/);
  const { line, column } = getLocation(source, range.start);
  const lineText = lines[line - 1] ?? '';
  const end = getLocation(source, Math.max(range.end, range.start));
  const caretEnd = end.line === line ? end.column : lineText.length + 1;
  const caretWidth = Math.max(1, caretEnd - column);
  const first = Math.max(1, line - 1);
  const gutterWidth = String(line).length;
  const rows: string[] = [];
  for (let number = first; number <= line; number += 1) {
    rows.push(`${String(number).padStart(gutterWidth)} | ${lines[number - 1] ?? ''}`.trimEnd());
  }
  const padding = lineText.slice(0, column - 1).replace(/[^\t]/g, ' ');
  rows.push(`${' '.repeat(gutterWidth)} | ${padding}${'^'.repeat(caretWidth)}`);
  return rows.join('\n');
}
