import { describe, expect, it } from 'vitest';
import { type CursorInfo, cursorContext } from './cursor-context.js';

/** `¦` in the text marks the cursor. */
function at(marked: string): CursorInfo {
  const offset = marked.indexOf('¦');
  return cursorContext(marked.slice(0, offset) + marked.slice(offset + 1), offset);
}

describe('cursorContext', () => {
  it('offers query starters in an empty query', () => {
    expect(at('¦')).toMatchObject({ kind: 'query-start', prefix: '', replace: { start: 0, end: 0 } });
    expect(at('seq¦')).toMatchObject({ kind: 'query-start', prefix: 'seq', replace: { start: 0, end: 3 } });
  });

  it('expects `where` after an event category', () => {
    expect(at('process ¦').kind).toBe('after-category');
    expect(at('any wh¦').kind).toBe('after-category');
    expect(at('sequence [network ¦').kind).toBe('after-category');
  });

  it('offers categories inside a sequence term', () => {
    expect(at('sequence by host.id [¦').kind).toBe('category');
    expect(at('sequence [proc¦')).toMatchObject({ kind: 'category', prefix: 'proc' });
  });

  it('reads a dotted path being typed as one prefix', () => {
    expect(at('any where dll.¦')).toMatchObject({
      kind: 'expression',
      prefix: 'dll.',
      replace: { start: 10, end: 14 },
    });
    expect(at('any where process.na¦ == "x"')).toMatchObject({
      kind: 'expression',
      prefix: 'process.na',
      replace: { start: 10, end: 20 },
    });
  });

  it('keeps `?` out of the optional field prefix', () => {
    expect(at('any where ?dll.¦')).toMatchObject({
      kind: 'expression',
      prefix: 'dll.',
      replace: { start: 11, end: 15 },
    });
  });

  it('offers operators after a complete field', () => {
    expect(at('any where process.name ¦')).toMatchObject({ kind: 'operator', field: 'process.name' });
    expect(at('any where process.name i¦')).toMatchObject({
      kind: 'operator',
      field: 'process.name',
      prefix: 'i',
    });
  });

  it('offers operands after boolean keywords and open parentheses', () => {
    expect(at('any where a == 1 and ¦').kind).toBe('expression');
    expect(at('any where not ¦').kind).toBe('expression');
    expect(at('any where (¦').kind).toBe('expression');
  });

  it('offers values of the field left of a comparison', () => {
    expect(at('any where process.name == ¦')).toMatchObject({
      kind: 'value',
      field: 'process.name',
      operator: '==',
    });
    expect(at('any where ?dll.name : ¦')).toMatchObject({ kind: 'value', field: 'dll.name', operator: ':' });
    expect(at('any where a like~ ¦')).toMatchObject({ kind: 'value', field: 'a', operator: 'like~' });
  });

  it('offers values inside lists after in, : and not in', () => {
    expect(at('any where process.name in (¦')).toMatchObject({
      kind: 'value',
      field: 'process.name',
      operator: 'in',
    });
    expect(at('any where process.name : ("a", ¦')).toMatchObject({
      kind: 'value',
      field: 'process.name',
      operator: ':',
    });
    expect(at('any where host.name not in ("a", ¦)')).toMatchObject({
      kind: 'value',
      field: 'host.name',
      operator: 'not in',
    });
    expect(at('any where x in~ (¦').operator).toBe('in~');
  });

  it('completes inside a string value without its quotes', () => {
    expect(at('any where dll.name : "wmi¦')).toMatchObject({
      kind: 'value',
      field: 'dll.name',
      prefix: 'wmi',
      inString: true,
      replace: { start: 22, end: 25 },
    });
    expect(at('any where dll.name == "wm¦i.dll" and x')).toMatchObject({
      kind: 'value',
      prefix: 'wm',
      inString: true,
      replace: { start: 23, end: 30 },
    });
  });

  it('offers nothing inside a string that is not a value', () => {
    expect(at('any where concat("ab¦c")').kind).toBe('none');
  });

  it('offers and/or after a complete comparison', () => {
    expect(at('any where dll.name == "x" ¦').kind).toBe('after-operand');
    expect(at('any where f(x) ¦').kind).toBe('after-operand');
  });

  it('knows sequence structure', () => {
    expect(at('sequence ¦').kind).toBe('sequence-header');
    expect(at('sequence by host.id ¦')).toMatchObject({ kind: 'after-operand', afterTerm: true });
    expect(at('sequence [process where true] ¦')).toMatchObject({ kind: 'after-operand', afterTerm: true });
    expect(at('sequence [process where true] by a, b ¦')).toMatchObject({
      kind: 'after-operand',
      afterTerm: true,
    });
    expect(at('sequence by ¦').kind).toBe('expression');
  });

  it('offers pipes after |', () => {
    expect(at('any where true | ¦').kind).toBe('pipe');
    expect(at('any where true | he¦')).toMatchObject({ kind: 'pipe', prefix: 'he' });
  });

  it('finds the function call and argument under the cursor', () => {
    expect(at('any where startsWith(process.name, ¦').call).toEqual({
      name: 'startsWith',
      argIndex: 1,
      start: 10,
    });
    expect(at('any where length(concat(a, b¦), c)').call).toEqual({ name: 'concat', argIndex: 1, start: 17 });
    expect(at('any where x in (length(¦').call).toEqual({ name: 'length', argIndex: 0, start: 16 });
    expect(at('any where (a or ¦').call).toBeNull();
  });

  it('stays quiet inside comments and numbers', () => {
    expect(at('any where // pro¦').kind).toBe('none');
    expect(at('any where /* a ¦ */ x').kind).toBe('none');
    expect(at('any where /* a */ ¦').kind).toBe('expression');
    expect(at('sequence with maxspan=5¦').kind).toBe('none');
  });
});
