import { describe, expect, it } from 'vitest';
import { jsonFaultOffset, jsonParseMessage, lineColumnAt } from './json-fault.js';
import { readJsonArrayElements } from './json-stream.js';

const parseError = (text: string): unknown => {
  try {
    JSON.parse(text);
  } catch (error) {
    return error;
  }
  throw new Error(`${text} parsed`);
};

describe('jsonFaultOffset', () => {
  it.each([
    ['{"a":1}', -1],
    [' [1, "x\\u00e9", {"b": [true, false, null]}, -0.5e3] ', -1],
    ['{"a": 1,}', 8],
    ['{"a" 2}', 5],
    ['{"a":"x\u0001"}', 7],
    ['{"a":1}}', 7],
    ['{"a":', 5],
    ['{"a": tru}', 6],
    ['[1, 2,]', 6],
    ['"\\q"', 2],
    ['"\\u12G4"', 1 + 4],
    ['01', 1],
    ['-', 0],
    ['', 0],
    [`${'['.repeat(50_000)}${']'.repeat(49_999)}`, 99_999],
  ])('%j → %i', (text, offset) => {
    expect(jsonFaultOffset(text)).toBe(offset);
  });
});

describe('jsonParseMessage', () => {
  it('drops the position and the quoted text, whatever Node wrote', () => {
    expect(jsonParseMessage(new SyntaxError('Unexpected token } in JSON at position 12'))).toBe(
      'Unexpected token }',
    );
    expect(
      jsonParseMessage(
        new SyntaxError("Expected ',' or '}' after property value in JSON at position 9 (line 1 column 10)"),
      ),
    ).toBe("Expected ',' or '}' after property value");
    expect(
      jsonParseMessage(new SyntaxError('Unexpected token \']\', "{"b":\n  [1,]}" is not valid JSON')),
    ).toBe("Unexpected token ']'");
    expect(
      jsonParseMessage(
        new SyntaxError('Unexpected token \'\u0000\', "\u0000\u0001\u00ff"... is not valid JSON'),
      ),
    ).toBe("Unexpected token '\u0000'");
    expect(jsonParseMessage(parseError('{"a":'))).toBe('Unexpected end of JSON input');
  });
});

describe('lineColumnAt', () => {
  it('counts lines from where the text starts', () => {
    expect(lineColumnAt('{"a":\n  x}', 8, { line: 3, column: 5 })).toEqual({ line: 4, column: 3 });
    expect(lineColumnAt('{"a": x}', 6, { line: 3, column: 5 })).toEqual({ line: 3, column: 11 });
  });
});

describe('readJsonArrayElements error positions', () => {
  it('names the line and column of the fault inside a pretty-printed element, and of a refused one', async () => {
    const text = `[\n  {"a":1},\n  {"a": tru},\n  {"b":\n    [1, 2,]},\n  ${'['.repeat(200)}${']'.repeat(200)}\n]\n`;
    const out = [];
    for await (const r of readJsonArrayElements([new TextEncoder().encode(text)], [[]])) out.push(r);
    expect(out.map((r) => (r.kind === 'error' ? [r.index, r.at] : [r.index]))).toEqual([
      [0],
      [1, { line: 3, column: 9 }],
      [2, { line: 5, column: 11 }],
      [3, { line: 6, column: 3 }],
    ]);
  });
});
