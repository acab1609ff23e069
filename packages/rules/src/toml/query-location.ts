import { locateTomlKeys, type TextPosition } from './locate.js';

/**
 * Maps positions inside a rule's query back into its TOML file, so a diagnostic at query line 2
 * column 5 is reported where the user sees it: inside the `'''` block.
 */
export interface QueryLocation {
  /** Where the query's first character sits in the file. */
  readonly start: TextPosition;
  /** File position of a 1-based (line, column) inside the query text. */
  toFile(line: number, column: number): { readonly line: number; readonly column: number };
}

export function locateTomlQuery(text: string, path = 'rule.query'): QueryLocation | undefined {
  const found = locateTomlKeys(text).get(path);
  if (!found) return undefined;
  let offset = found.value.offset;
  const opener = text.slice(offset, offset + 3);
  if (opener === "'''" || opener === '"""') {
    offset += 3;
    // TOML drops a newline that immediately follows the opening delimiter.
    if (text.startsWith('\r\n', offset)) offset += 2;
    else if (text[offset] === '\n') offset += 1;
  } else if (opener.startsWith("'") || opener.startsWith('"')) {
    offset += 1;
  }
  const starts: TextPosition = positionOf(text, offset);
  return {
    start: starts,
    toFile(line, column) {
      if (line <= 1) return { line: starts.line, column: starts.column + column - 1 };
      return { line: starts.line + line - 1, column };
    },
  };
}

function positionOf(text: string, offset: number): TextPosition {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  const column = offset - (before.lastIndexOf('\n') + 1) + 1;
  return { offset, line, column };
}
