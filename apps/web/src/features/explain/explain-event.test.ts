import { describe, expect, it } from 'vitest';
import {
  describeFieldNode,
  explainEvent,
  formatEqlValue,
  operandSummary,
  verdictOf,
} from './explain-event.js';

const SEED = `any where host.os.type == "windows" and
  process.name : ("WINWORD.EXE", "EXCEL.EXE") and
  (?dll.name : "wmiutils.dll" or file.name : "wmiutils.dll")`;

const nearMiss = {
  host: { os: { type: 'windows' } },
  process: { name: 'WINWORD.EXE' },
  dll: { name: ['kernel32.dll', 'x.dll'] },
};

describe('explainEvent', () => {
  it('explains a near miss clause by clause', () => {
    const result = explainEvent(SEED, nearMiss);
    if (!result.ok) throw new Error(result.reason);
    const [term] = result.explanation.terms;
    expect(term?.matched).toBe(false);
    expect(term?.clauses.map(verdictOf)).toEqual(['true', 'true', 'false']);
    const failed = term?.clauses[2];
    expect(failed && operandSummary(failed)).toEqual([
      { label: '?dll.name', value: '["kernel32.dll", "x.dll"]' },
      { label: 'file.name', value: 'missing' },
    ]);
  });

  it('sums up every leaf of an `or` group once, with its values', () => {
    const result = explainEvent(
      'any where (process.name == "a" or process.name == "b" or (dll.name : "x" and not host.name == "h"))',
      { process: { name: 'cmd.exe' }, host: { name: 'h' } },
    );
    if (!result.ok) throw new Error(result.reason);
    const group = result.explanation.terms[0]?.clauses[0];
    expect(group?.kind).toBe('Logical');
    expect(group && operandSummary(group)).toEqual([
      { label: 'process.name', value: '"cmd.exe"' },
      { label: 'dll.name', value: 'missing' },
      { label: 'host.name', value: '"h"' },
    ]);
  });

  it('reports a query that does not parse instead of throwing', () => {
    expect(explainEvent('any where (', {})).toEqual({
      ok: false,
      reason: '1:12 Expected an expression, found end of query.',
    });
  });
});

describe('formatting helpers', () => {
  it('writes values as EQL does', () => {
    expect(formatEqlValue('a"b')).toBe('"a\\"b"');
    expect(formatEqlValue(null)).toBe('null');
    expect(formatEqlValue(3)).toBe('3');
  });

  it('describes a field node by its state', () => {
    const result = explainEvent('any where host.name == "x"', { host: { name: null } });
    if (!result.ok) throw new Error(result.reason);
    const field = result.explanation.terms[0]?.clauses[0]?.children[0];
    expect(field && describeFieldNode(field)).toBe('null');
  });
});
