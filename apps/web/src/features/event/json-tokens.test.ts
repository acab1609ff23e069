import { describe, expect, it } from 'vitest';
import { tokenizeJson } from './json-tokens.js';

describe('tokenizeJson', () => {
  it('tells keys from string values and keeps every character', () => {
    const text = JSON.stringify(
      { 'process.name': 'a"b', pid: -4.5e2, ok: true, x: null, list: [1] },
      null,
      1,
    );
    const tokens = tokenizeJson(text);
    expect(tokens.map((t) => t.text).join('')).toBe(text);
    expect(tokens.filter((t) => t.kind === 'key').map((t) => t.text)).toEqual([
      '"process.name"',
      '"pid"',
      '"ok"',
      '"x"',
      '"list"',
    ]);
    expect(tokens.filter((t) => t.kind === 'string').map((t) => t.text)).toEqual(['"a\\"b"']);
    expect(tokens.filter((t) => t.kind === 'number').map((t) => t.text)).toEqual(['-450', '1']);
    expect(tokens.filter((t) => t.kind === 'boolean').map((t) => t.text)).toEqual(['true']);
    expect(tokens.filter((t) => t.kind === 'null')).toHaveLength(1);
  });
});
