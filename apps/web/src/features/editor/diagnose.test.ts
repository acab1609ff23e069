import { describe, expect, it } from 'vitest';
import { diagnose } from './diagnose.js';

describe('diagnose', () => {
  it('finds nothing wrong with the seed rule query', () => {
    const query = `any where host.os.type == "windows" and
 (event.category : ("library", "driver") or (event.category == "process" and event.action : "Image loaded*")) and
  process.name : ("WINWORD.EXE", "EXCEL.EXE") and
  (?dll.name : "wmiutils.dll" or file.name : "wmiutils.dll")`;
    expect(diagnose(query)).toEqual([]);
  });

  it('reports a syntax error with its position', () => {
    const [first] = diagnose('any where process.name == ');
    expect(first?.code).toBe('EQL_SYNTAX');
    expect(first?.line).toBe(1);
  });

  it('reports what the verifier rejects', () => {
    const [first] = diagnose('any where nosuchfn(process.name)');
    expect(first?.code).toBe('EQL_UNKNOWN_FUNCTION');
    expect(first?.range).toEqual({ start: 10, end: 18 });
  });
});
