import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { getPath, securityTable, serviceControlManagerTable, sysmonTable } from '../src/index.js';
import { readEventsFromFile } from '../src/node/index.js';
import { SHARED, warnIfNoShared } from './support/datasets.js';

// Which table entries the real recordings in ../shared/datasets can test. Each id in REAL has a
// real-record test (sysmon-mapping, security-mapping, read-events for Sysmon 8 from EVTX); each
// id in HAND_MADE has no public sample there and is tested on a hand-written record
// (sysmon-table.test.ts, security-mapping.test.ts). This test fails when the datasets change,
// so that the lists — and the tests — follow.

const REAL = {
  sysmon: [1, 2, 3, 5, 7, 8, 9, 10, 11, 12, 13, 17, 18, 22, 23],
  security: [4624, 4688, 4689, 4698, 4720],
  system: [] as number[],
};
const HAND_MADE = { sysmon: [14, 15, 25], security: [4625, 4697, 4732], system: [7045] };
/** Entries the issue does not ask for, with neither a sample nor a test of their own. */
const UNTESTED_EXTRAS = { sysmon: [4, 6, 16, 19, 20, 21, 24, 26, 255] };

const skip = warnIfNoShared('mapping coverage against ../shared/datasets');

function* recordings(dir: string): Generator<string> {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* recordings(path);
    else if (/\.(zip|evtx)$/.test(name)) yield path;
  }
}

describe('every mapping table entry is accounted for', () => {
  it('REAL, HAND_MADE and the extras together are exactly the table entries', () => {
    const ids = (table: { events: object }) =>
      Object.keys(table.events)
        .map(Number)
        .sort((a, b) => a - b);
    const sorted = (...lists: number[][]) => lists.flat().sort((a, b) => a - b);
    expect(sorted(REAL.sysmon, HAND_MADE.sysmon, UNTESTED_EXTRAS.sysmon)).toEqual(ids(sysmonTable));
    expect(sorted(REAL.security, HAND_MADE.security)).toEqual(ids(securityTable));
    expect(sorted(REAL.system, HAND_MADE.system)).toEqual(ids(serviceControlManagerTable));
  });
});

describe.skipIf(skip)('which entries the datasets hold real records for', () => {
  it('is exactly REAL: no hand-made entry has a sample, no real entry lost its sample', async () => {
    const seen = { sysmon: new Set<number>(), security: new Set<number>(), system: new Set<number>() };
    for (const file of recordings(join(SHARED as string, 'datasets'))) {
      for await (const r of readEventsFromFile(file)) {
        if (r.kind !== 'event') continue;
        const dataset = getPath(r.doc, 'event.dataset');
        const action = getPath(r.doc, 'event.action');
        const code = Number(getPath(r.doc, 'event.code'));
        // Only events a table entry mapped carry an action.
        if (action === undefined) continue;
        if (dataset === 'windows.sysmon_operational') seen.sysmon.add(code);
        else if (dataset === 'system.security') seen.security.add(code);
        else if (dataset === 'system.system') seen.system.add(code);
      }
    }
    const list = (set: Set<number>) => [...set].sort((a, b) => a - b);
    expect({ sysmon: list(seen.sysmon), security: list(seen.security), system: list(seen.system) }).toEqual(
      REAL,
    );
  });
});
