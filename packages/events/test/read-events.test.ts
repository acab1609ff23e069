import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { type EventResult, getPath, type ReadEventsOptions, readEvents, sniffFormat } from '../src/index.js';
import { readEventsFromFile } from '../src/node/index.js';
import { datasetPath, SHARED, WMIC_XSL, warnIfNoShared } from './support/datasets.js';

const encode = (text: string) => new TextEncoder().encode(text);
const read = async (bytes: Uint8Array, options?: ReadEventsOptions): Promise<EventResult[]> => {
  const out: EventResult[] = [];
  // 7-byte chunks cross every boundary a real stream could cut.
  const chunks = function* () {
    for (let i = 0; i < bytes.length; i += 7) yield bytes.subarray(i, i + 7);
  };
  for await (const r of readEvents(chunks(), options)) out.push(r);
  return out;
};
const docs = (results: EventResult[]) => results.flatMap((r) => (r.kind === 'event' ? [r.doc] : []));

const ECS_A = {
  '@timestamp': '2024-01-01T00:00:00.000Z',
  event: { category: ['process'] },
  process: { name: 'a.exe' },
};
const ECS_B = { '@timestamp': '2024-01-01T00:00:01.000Z', 'event.category': 'file', 'file.name': 'b.txt' };

describe('sniffFormat', () => {
  it.each([
    ['{"a":1}\n{"a":2}\n', 'ndjson'],
    ['{"a":1}', 'ndjson'],
    ['  [ {"a":1} ]', 'json-array'],
    ['{\n  "took" : 3,\n  "hits" : {\n    "total" : 1,\n    "hits" : [ ] } }', 'es-search'],
    ['{"is_partial":false,"hits":{"total":{"value":1},"events":[{"_source":{}}]}}', 'eql-search'],
    ['{\n "hits": {\n  "sequences": [ ] } }', 'eql-search'],
    ['{\n  "a": 1\n}', 'json'],
    ['ElfFile\u0000rest', 'evtx'],
  ])('%j → %s', (text, format) => {
    expect(sniffFormat(encode(text))).toBe(format);
  });
});

describe('readEvents', () => {
  it('keeps ECS NDJSON as is (nested and flat dotted keys) and reports a bad line by number', async () => {
    const results = await read(encode(`${JSON.stringify(ECS_A)}\nnot json\n${JSON.stringify(ECS_B)}\n[1]\n`));
    expect(results.map((r) => [r.kind, r.position.line])).toEqual([
      ['event', 1],
      ['error', 2],
      ['event', 3],
      ['error', 4],
    ]);
    expect(docs(results)).toEqual([ECS_A, ECS_B]);
    expect(results[3]).toMatchObject({ message: 'expected a JSON object, found an array' });
  });

  it('names what a record that is not an object is', async () => {
    const results = await read(encode(`${JSON.stringify(ECS_A)}\nnull\n7\n"x"\ntrue\n`));
    expect(results.map((r) => (r.kind === 'error' ? r.message : r.kind))).toEqual([
      'event',
      'expected a JSON object, found null',
      'expected a JSON object, found a number',
      'expected a JSON object, found a string',
      'expected a JSON object, found a boolean',
    ]);
  });

  it('reads JSON arrays, single documents and gzip-wrapped input', async () => {
    expect(docs(await read(encode(JSON.stringify([ECS_A, ECS_B], null, 2))))).toEqual([ECS_A, ECS_B]);
    expect(docs(await read(encode(JSON.stringify(ECS_A, null, 2))))).toEqual([ECS_A]);
    expect(
      docs(await read(gzipSync(encode(`${JSON.stringify(ECS_A)}\n${JSON.stringify(ECS_B)}\n`)))),
    ).toEqual([ECS_A, ECS_B]);
  });

  it('takes _source from Elasticsearch _search responses', async () => {
    const response = {
      took: 1,
      timed_out: false,
      hits: {
        total: { value: 2 },
        hits: [
          { _id: '1', _source: ECS_A },
          { _id: '2', _source: ECS_B },
        ],
      },
    };
    expect(docs(await read(encode(JSON.stringify(response, null, 1))))).toEqual([ECS_A, ECS_B]);
  });

  it('takes events and sequence events from _eql/search responses, skipping missing placeholders', async () => {
    const events = {
      is_partial: false,
      hits: { total: { value: 1 }, events: [{ _index: 'x', _source: ECS_A }] },
    };
    const sequences = {
      hits: {
        sequences: [
          { join_keys: ['k'], events: [{ _source: ECS_A }, { missing: true }, { _source: ECS_B }] },
        ],
      },
    };
    expect(docs(await read(encode(JSON.stringify(events))))).toEqual([ECS_A]);
    expect(docs(await read(encode(JSON.stringify(sequences, null, 2))))).toEqual([ECS_A, ECS_B]);
  });

  it('reads an event that several sequences share once, numbering sequence events one by one', async () => {
    const ECS_C = { ...ECS_B, process: { pid: 3 } };
    const sequences = {
      hits: {
        sequences: [
          {
            events: [
              { _index: 'i', _id: 'a', _source: ECS_A },
              { _index: 'i', _id: 'b', _source: ECS_B },
            ],
          },
          {
            events: [
              { _index: 'i', _id: 'a', _source: ECS_A },
              { _index: 'i', _id: 'c', _source: ECS_C },
            ],
          },
          { events: [{ _index: 'j', _id: 'a', _source: ECS_C }] },
        ],
      },
    };
    const results = await read(encode(JSON.stringify(sequences)));
    expect(docs(results)).toEqual([ECS_A, ECS_B, ECS_C, ECS_C]);
    expect(results.map((r) => r.position)).toEqual([
      { element: 1 },
      { element: 2 },
      { element: 3 },
      { element: 4 },
    ]);
  });

  it('maps raw winlogbeat documents through the Sysmon table and keeps the beat host data', async () => {
    const beat = {
      '@timestamp': '2024-01-01T00:00:02.000Z',
      host: { name: 'ws1', os: { version: '10.0' } },
      agent: { type: 'winlogbeat' },
      winlog: {
        channel: 'Microsoft-Windows-Sysmon/Operational',
        provider_name: 'Microsoft-Windows-Sysmon',
        event_id: 7,
        computer_name: 'ws1.lab',
        record_id: 42,
        event_data: {
          UtcTime: '2024-01-01 00:00:01.500',
          Image: 'C:\\Office\\EXCEL.EXE',
          ImageLoaded: 'C:\\Windows\\System32\\wbem\\wmiutils.dll',
          ProcessId: '7',
        },
      },
    };
    const [doc] = docs(await read(encode(JSON.stringify(beat))));
    expect(doc?.['@timestamp']).toBe('2024-01-01T00:00:01.500Z');
    expect(getPath(doc ?? {}, 'dll.name')).toBe('wmiutils.dll');
    expect(getPath(doc ?? {}, 'process.name')).toBe('EXCEL.EXE');
    expect(doc?.host).toEqual({
      name: 'ws1',
      hostname: 'ws1',
      os: { family: 'windows', platform: 'windows', type: 'windows', version: '10.0' },
    });
    expect(doc?.agent).toEqual({ type: 'winlogbeat' });
  });

  it('reads every member of a zip archive and names the member in positions', async () => {
    const zip = zipSync({
      'a.ndjson': encode(`${JSON.stringify(ECS_A)}\n{oops\n`),
      'b.json': encode(JSON.stringify([ECS_B])),
    });
    const results = await read(zip);
    expect(results.map((r) => [r.kind, r.position, r.kind === 'error' ? r.at : undefined])).toEqual([
      ['event', { entry: 'a.ndjson', line: 1 }, undefined],
      ['error', { entry: 'a.ndjson', line: 2 }, { line: 2, column: 2 }],
      ['event', { entry: 'b.json', element: 1 }, undefined],
    ]);
  });

  it('reads a file whose first line is JSON but no object as NDJSON with bad records at their lines', async () => {
    const results = await read(encode(`null\n42\n${JSON.stringify(ECS_A)}\n`));
    expect(
      results.map((r) => (r.kind === 'error' ? [r.position.line, r.message] : [r.position.line])),
    ).toEqual([
      [1, 'expected a JSON object, found null'],
      [2, 'expected a JSON object, found a number'],
      [3],
    ]);
  });

  it('without the Node reader, EVTX input is an error, not silence', async () => {
    expect(await read(encode('ElfFile\u0000\u0000\u0000'))).toEqual([
      { kind: 'error', position: {}, message: 'EVTX input needs the Node reader (@rulebench/events/node)' },
    ]);
  });
});

const skip = warnIfNoShared('readEvents over ../shared/datasets');

/** Record counts listed in ../shared/datasets/README.md (python-evtx 0.6.1). */
const EVTX_COUNTS: Record<string, number> = {
  'ID3-7-10-Suspicious DLL loaded (CME+Mimikatz).evtx': 5,
  'ID1-WMI spwaning PowerShell process - WMImplant.evtx': 1,
  'ID1-CrackMapExec payload execution.evtx': 2,
  'ID1-LSASS dump with LSASSY (SYSMON).evtx': 14,
  'ID11,13,17,18-PSexec as system execution.evtx': 15,
  'ID1-CMD executed via sticky key call.evtx': 2,
  '1-Print spool spawned a CMD shell (PrintNightMare).evtx': 1,
  'ID10-Mimikatz LSASS process dump.evtx': 3,
  'sysmon_10_1_memdump_comsvcs_minidump.evtx': 6,
  'sideloading_uacbypass_rundll32_injection_c2.evtx': 18,
};

function* evtxFiles(dir: string): Generator<string> {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* evtxFiles(path);
    else if (name.endsWith('.evtx')) yield path;
  }
}

describe.skipIf(skip)('readEvents over ../shared/datasets', () => {
  it('decodes every record of every EVTX file, with the count the file holds', async () => {
    const counts: Record<string, number> = {};
    for (const file of evtxFiles(join(SHARED as string, 'datasets'))) {
      const results: EventResult[] = [];
      for await (const r of readEventsFromFile(file)) results.push(r);
      expect(results.filter((r) => r.kind === 'error')).toEqual([]);
      counts[file.split('/').pop() as string] = results.length;
    }
    expect(counts).toEqual(EVTX_COUNTS);
  });

  it('maps EVTX Sysmon records: powershell.exe loading wmiutils.dll (CC0, fs03vuln)', async () => {
    const file = datasetPath(
      'mdecrevoisier-EVTX-to-MITRE-Attack/TA0002-Execution/T1047-Windows Management Instrumentation/ID3-7-10-Suspicious DLL loaded (CME+Mimikatz).evtx',
    );
    const all: EventResult[] = [];
    for await (const r of readEventsFromFile(file)) all.push(r);
    const load = docs(all).find((d) => getPath(d, 'dll.name') === 'wmiutils.dll');
    expect(load?.['@timestamp']).toBe('2021-11-30T22:05:50.049Z');
    expect(getPath(load ?? {}, 'process.name')).toBe('powershell.exe');
    expect(getPath(load ?? {}, 'event.created')).toBe('2021-11-30T22:05:50.065Z');
    expect(getPath(load ?? {}, 'rule.name')).toBe(
      'technique_id=T1047,technique_name=Windows Management Instrumentation',
    );
    expect(getPath(load ?? {}, 'host.name')).toBe('fs03vuln.offsec.lan');
    expect(getPath(load ?? {}, 'winlog.record_id')).toBe('48103');
  });

  it('maps Sysmon 8 CreateRemoteThread from EVTX (GPL-3.0 sample, test use only)', async () => {
    const file = datasetPath(
      'sbousseaden-EVTX-ATTACK-SAMPLES/AutomatedTestingTools/Malware/sideloading_uacbypass_rundll32_injection_c2.evtx',
    );
    const all: EventResult[] = [];
    for await (const r of readEventsFromFile(file)) all.push(r);
    const threads = docs(all).filter((d) => getPath(d, 'event.code') === '8');
    expect(threads).toHaveLength(3);
    const second = threads[1] ?? {};
    expect(second['@timestamp']).toBe('2020-10-17T11:43:40.897Z');
    expect(getPath(second, 'event.action')).toBe('CreateRemoteThread');
    expect(getPath(second, 'process')).toEqual({
      entity_id: '{747f3d96-d8e5-5f8a-0000-0010e1bc7200}',
      executable: 'C:\\Users\\IEUser\\AppData\\Roaming\\WINWORD.exe',
      name: 'WINWORD.exe',
      pid: 2920,
    });
    expect(getPath(second, 'winlog.event_data.TargetImage')).toBe('C:\\Windows\\SysWOW64\\explorer.exe');
  });

  it('sniffs and reads a Security-Datasets zip (TimeCreated dialect): every line becomes an event', async () => {
    const results: EventResult[] = [];
    for await (const r of readEventsFromFile(datasetPath(WMIC_XSL))) results.push(r);
    expect(results).toHaveLength(1364);
    expect(results.filter((r) => r.kind === 'error')).toEqual([]);
    expect(results[0]?.position).toEqual({
      entry: 'wmic_remote_xsl_jscript_2020-10-1802171958.json',
      line: 1,
    });
  });
});
