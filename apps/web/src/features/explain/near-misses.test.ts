import type { EventHit } from '@rulebench/eql';
import { describe, expect, it } from 'vitest';
import { collectNearMisses, compileForNearMisses, type NearMissGroup, sortedGroups } from './near-misses.js';

const QUERY =
  'library where process.name : ("WINWORD.EXE", "EXCEL.EXE") and dll.name : "wmiutils.dll" and host.os.type == "windows"';

const hit = (id: string, source: Record<string, unknown>): EventHit => ({
  _index: 'c',
  _id: id,
  _source: source,
});
const base = { event: { category: 'library' }, host: { os: { type: 'windows' } } };

describe('near misses', () => {
  it('groups events failing exactly one clause by that clause', () => {
    const compiled = compileForNearMisses(QUERY);
    if (!compiled) throw new Error('expected an event query');
    const groups = new Map<number, NearMissGroup>();
    collectNearMisses(
      compiled,
      [
        hit('match', { ...base, process: { name: 'WINWORD.EXE' }, dll: { name: 'wmiutils.dll' } }),
        hit('other-dll', { ...base, process: { name: 'EXCEL.EXE' }, dll: { name: 'ntdll.dll' } }),
        hit('script-host', { ...base, process: { name: 'wscript.exe' }, dll: { name: 'wmiutils.dll' } }),
        hit('two-fail', { ...base, process: { name: 'wscript.exe' }, dll: { name: 'ntdll.dll' } }),
        hit('wrong-category', { event: { category: 'process' }, process: { name: 'WINWORD.EXE' } }),
        hit('other-dll-2', { ...base, process: { name: 'WINWORD.EXE' }, dll: { name: 'ole32.dll' } }),
      ],
      groups,
    );
    expect(sortedGroups(groups).map((g) => [g.label, g.events.map((e) => e._id)])).toEqual([
      ['process.name : ("WINWORD.EXE", "EXCEL.EXE")', ['script-host']],
      ['dll.name : "wmiutils.dll"', ['other-dll', 'other-dll-2']],
    ]);
  });

  it('does not scan sequences', () => {
    expect(compileForNearMisses('sequence [process where true] [library where true]')).toBeNull();
  });
});
