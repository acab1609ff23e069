/**
 * Splits pretty-printed JSON into coloured pieces for the event view. Works on the text
 * `JSON.stringify` produced, so it never has to cope with invalid JSON.
 */

export type JsonTokenKind = 'key' | 'string' | 'number' | 'boolean' | 'null' | 'punctuation' | 'space';

export interface JsonToken {
  readonly kind: JsonTokenKind;
  readonly text: string;
}

const TOKEN =
  /("(?:\\.|[^"\\])*")(\s*:)?|(-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?)|(true|false)|(null)|([{}[\],:])|(\s+)/g;

export function tokenizeJson(text: string): JsonToken[] {
  const tokens: JsonToken[] = [];
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(text); m !== null; m = TOKEN.exec(text)) {
    const [, str, colon, num, bool, nul, punct, space] = m;
    if (str !== undefined) {
      tokens.push({ kind: colon === undefined ? 'string' : 'key', text: str });
      if (colon !== undefined) tokens.push({ kind: 'punctuation', text: colon });
    } else if (num !== undefined) tokens.push({ kind: 'number', text: num });
    else if (bool !== undefined) tokens.push({ kind: 'boolean', text: bool });
    else if (nul !== undefined) tokens.push({ kind: 'null', text: nul });
    else if (punct !== undefined) tokens.push({ kind: 'punctuation', text: punct });
    else if (space !== undefined) tokens.push({ kind: 'space', text: space });
  }
  return tokens;
}
