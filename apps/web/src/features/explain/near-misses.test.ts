import type { EventHit } from '@rulebench/eql';
import { describe, expect, it } from 'vitest';
import { compileForNearMisses, NearMissCollector } from './near-misses.js';

const QUERY =
  'library where process.name : ("WINWORD.EXE", "EXCEL.EXE") and dll.name : "wmiutils.dll" and host.os.type == "windows"';

const hit = (id: string, source: Record<string, unknown>): EventHit => ({
  _index: 'c',
  _id: id,
  _source: source,
});
const base = { event: { category: 'library' }, host: { os: { type: 'windows' } } };

function collector(keep?: number): NearMissCollector {
  const compiled = compileForNearMisses(QUERY);
  if (!compiled) throw new Error('expected an event query');
  return new NearMissCollector(compiled, keep);
}

describe('near misses', () => {
  it('groups events failing exactly one clause by that clause, in clause order', () => {
    const c = collector();
    for (const h of [
      hit('match', { ...base, process: { name: 'WINWORD.EXE' }, dll: { name: 'wmiutils.dll' } }),
      hit('other-dll', { ...base, process: { name: 'EXCEL.EXE' }, dll: { name: 'ntdll.dll' } }),
      hit('script-host', { ...base, process: { name: 'wscript.exe' }, dll: { name: 'wmiutils.dll' } }),
      hit('two-fail', { ...base, process: { name: 'wscript.exe' }, dll: { name: 'ntdll.dll' } }),
      hit('wrong-category', { event: { category: 'process' }, process: { name: 'WINWORD.EXE' } }),
      hit('other-dll-2', { ...base, process: { name: 'WINWORD.EXE' }, dll: { name: 'ole32.dll' } }),
    ])
      c.add(h);
    expect(c.groups().map((g) => [g.label, g.count, g.events.map((e) => e._id)])).toEqual([
      ['process.name : ("WINWORD.EXE", "EXCEL.EXE")', 1, ['script-host']],
      ['dll.name : "wmiutils.dll"', 2, ['other-dll', 'other-dll-2']],
    ]);
    expect(c.groups()[1]?.loc).toEqual({ start: QUERY.indexOf('dll.name'), end: QUERY.indexOf(' and host') });
  });

  it('keeps the first events of a large group but counts them all', () => {
    const c = collector(2);
    for (let i = 0; i < 5; i++)
      c.add(hit(`e${i}`, { ...base, process: { name: 'EXCEL.EXE' }, dll: { name: `x${i}.dll` } }));
    const [group] = c.groups();
    expect(group?.count).toBe(5);
    expect(group?.events.map((e) => e._id)).toEqual(['e0', 'e1']);
  });

  it('does not scan sequences', () => {
    expect(compileForNearMisses('sequence [process where true] [library where true]')).toBeNull();
  });
});
