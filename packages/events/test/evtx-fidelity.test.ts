import { execFileSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { type EcsDocument, fromEventXml, getPath, type WinEvent } from '../src/index.js';
import { renderEvtxValue } from '../src/node/evtx.js';
import { readEventsFromFile, readEvtxFile } from '../src/node/index.js';
import { child, parseXml } from '../src/windows/xml.js';
import { SHARED, warnIfNoShared } from './support/datasets.js';

// EVTX values must come out as an independent decoder (python-evtx, Debian's python3-evtx) renders
// them, except where we deliberately follow Windows' own rendering (see renderEvtxValue). The
// library we once decoded with read a BOOL as 1 byte instead of 4, which shifted every later value
// of the record: Sysmon 3's DestinationIp came out as `輀ⷲ㄀…` (evtx-binxml.test.ts writes such a
// record and checks each value).

const hex = (text: string) => Uint8Array.from(text.match(/../g) ?? [], (b) => Number.parseInt(b, 16));

describe('renderEvtxValue: every BinXML value type', () => {
  // [type, value bytes, our text, python-evtx 0.6.1's text for the same bytes]
  const cases: [number, string, string, string][] = [
    [0x00, '', '', ''],
    [0x01, '700073002e006500780065000000', 'ps.exe', 'ps.exe'],
    [
      0x01,
      '43003a005c00dc006e00ef006300f8006400e90020000326200034d81edd0000',
      'C:\\Ünïcødé ☃ 𝄞',
      'C:\\Ünïcødé ☃ 𝄞',
    ],
    [0x01, '', '', ''],
    [0x02, '616e736900', 'ansi', 'ansi'],
    [0x02, '616e736920e900', 'ansi é', '(UnicodeDecodeError: python-evtx reads ANSI as ASCII)'],
    [0x03, 'fb', '-5', '-5'],
    [0x04, 'fa', '250', '250'],
    [0x05, 'd4fe', '-300', '-300'],
    [0x06, '8ff2', '62095', '62095'],
    [0x07, '90eefeff', '-70000', '-70000'],
    [0x08, '00286bee', '4000000000', '4000000000'],
    [0x09, 'ffffffffffffdfff', '-9007199254740993', '-9007199254740993'],
    [0x0a, 'ffffffffffffffff', '18446744073709551615', '18446744073709551615'],
    [0x0b, 'cdcccc3d', '0.10000000149011612', '0.10000000149011612'],
    [0x0c, '000000000000f03f', '1.0', '1.0'],
    [0x0c, '0080e03779c34143', '1e+16', '1e+16'],
    [0x0c, '691d554d1075ef3e', '1.5e-05', '1.5e-05'],
    [0x0c, '77be9f1a2fdd5e40', '123.456', '123.456'],
    [0x0d, '01000000', 'true', 'True'],
    [0x0d, '00000000', 'false', 'False'],
    [0x0e, '0001abff', '0001ABFF', 'AAGr/w=='],
    [
      0x0f,
      'd14976a53ba0a6612f238d0000000000',
      '{a57649d1-a03b-61a6-2f23-8d0000000000}',
      '{a57649d1-a03b-61a6-2f23-8d0000000000}',
    ],
    [0x10, '0000b2a1f67f0000', '0x7ff6a1b20000', '140697251479552'],
    [0x10, '10000000', '0x10', '16'],
    [0x11, '0165660bece6d701', '2021-12-01T19:45:50.8649217Z', '2021-12-01 19:45:50.864922'],
    [0x11, '0000000000000000', '1601-01-01T00:00:00.0000000Z', '1601-01-01 00:00:00'],
    // python-evtx puts SYSTEMTIME's milliseconds in the microseconds (a bug of its own).
    [0x12, 'e5070b0002001e00160005002c004e03', '2021-11-30T22:05:44.8460000Z', '2021-11-30 22:05:44.000846'],
    [
      0x13,
      '010500000000000515000000010000000200000003000000f4010000',
      'S-1-5-21-1-2-3-500',
      'S-1-5-21-1-2-3-500',
    ],
    [0x13, '010100000000000512000000', 'S-1-5-18', 'S-1-5-18'],
    [0x14, 'ffff1f00', '0x1fffff', '0x001fffff'],
    [0x15, 'e703000000000000', '0x3e7', '0x00000000000003e7'],
    [0x15, '0000000000000080', '0x8000000000000000', '0x8000000000000000'],
    [
      0x81,
      '610062000000000063000000',
      'ab,,c',
      '<string>ab</string>\n<string></string>\n<string>c</string>\n',
    ],
  ];
  const rows = cases.map(([type, bytes, ours, python]) => ({
    type,
    name: `0x${type.toString(16).padStart(2, '0')}`,
    bytes,
    ours,
    python,
  }));
  it.each(rows)('type $name, bytes $bytes → $ours (python-evtx: $python)', ({ type, bytes, ours }) => {
    expect(renderEvtxValue(type, hex(bytes))).toBe(ours);
  });

  it('renders arrays of fixed-size values, SIDs and ANSI strings item by item', () => {
    expect(renderEvtxValue(0x86, hex('01000200ffff'))).toBe('1,2,65535');
    expect(renderEvtxValue(0x8d, hex('0100000000000000'))).toBe('true,false');
    expect(renderEvtxValue(0x95, hex('e7030000000000000100000000000000'))).toBe('0x3e7,0x1');
    expect(
      renderEvtxValue(0x93, hex('010100000000000512000000010200000000000520000000200200'.concat('00'))),
    ).toBe('S-1-5-18,S-1-5-32-544');
    expect(renderEvtxValue(0x82, hex('616200636400'))).toBe('ab,cd');
    expect(renderEvtxValue(0x81, hex(''))).toBe('');
  });

  it('counts FILETIME ticks exactly on both sides of the fast path (2^59 ticks, the year 3427)', () => {
    expect(renderEvtxValue(0x11, hex('ffffffffffffff07'))).toBe('3427-09-25T22:40:30.3423487Z');
    expect(renderEvtxValue(0x11, hex('0000000000000008'))).toBe('3427-09-25T22:40:30.3423488Z');
  });

  it('turns an unpaired UTF-16 surrogate into U+FFFD', () => {
    expect(renderEvtxValue(0x01, hex('610000d86200'))).toBe('a\uFFFDb');
  });

  it('writes a SID authority of 2^32 or more in hex, as Windows does', () => {
    expect(renderEvtxValue(0x13, hex('0101000100000000' + '05000000'))).toBe('S-1-0x000100000000-5');
  });

  it('rejects a value shorter than its type', () => {
    expect(() => renderEvtxValue(0x0d, hex('01'))).toThrow(/type 0x0d has 1 bytes, not 4/);
    expect(() => renderEvtxValue(0x13, hex('0105000000000005'))).toThrow(/SID/);
  });
});

describe('fromEventXml', () => {
  it('joins the items of an array, which Windows renders as repeated elements, as EVTX arrays are', () => {
    const xml =
      '<Event xmlns="http://schemas.microsoft.com/win/2004/08/events/event"><System><Provider Name="P"/>' +
      '<EventID>1</EventID><Channel>Application</Channel></System><EventData>' +
      '<Data Name="Ports">80</Data><Data Name="Ports">443</Data><Data Name="One">x</Data></EventData></Event>';
    expect(fromEventXml(xml).eventData).toEqual({ Ports: '80,443', One: 'x' });
  });
});

// ---------------------------------------------------------------------------------------------
// Every .evtx of ../shared/datasets

const skip = warnIfNoShared('EVTX value fidelity over ../shared/datasets');
const MDE = 'mdecrevoisier-EVTX-to-MITRE-Attack';
const SBO = 'sbousseaden-EVTX-ATTACK-SAMPLES';
const CME = `${MDE}/TA0002-Execution/T1047-Windows Management Instrumentation/ID3-7-10-Suspicious DLL loaded (CME+Mimikatz).evtx`;

interface Expected {
  readonly records: number;
  /** A few records by EventRecordID: the event id, TimeCreated and some EventData values. */
  readonly check: Record<string, { id: number; created: string; data: Record<string, string> }>;
}

// Read off python-evtx's output (hex, booleans and times in our rendering).
const EXPECTED: Record<string, Expected> = {
  [`${MDE}/EVTX_full_APT_attack_steps/ID11,13,17,18-PSexec as system execution.evtx`]: {
    records: 15,
    check: {
      '48594': {
        id: 13,
        created: '2021-12-04T21:19:16.7576',
        data: {
          EventType: 'SetValue',
          TargetObject:
            'HKU\\S-1-5-21-4230534742-2542757381-3142984815-1111\\Software\\Sysinternals\\PsExec\\EulaAccepted',
          Details: 'DWORD (0x00000001)',
        },
      },
      '48606': {
        id: 1,
        created: '2021-12-04T21:19:16.9294',
        data: {
          ProcessGuid: '{a57649d1-db54-61ab-0467-dc0100000000}',
          Product: 'Microsoft® Windows® Operating System',
          LogonId: '0x3e7',
          TerminalSessionId: '2',
          ParentImage: 'C:\\Windows\\PSEXESVC.exe',
        },
      },
      '48607': {
        id: 22,
        created: '2021-12-04T21:19:17.7576',
        data: { QueryName: 'fs03vuln', QueryStatus: '0', QueryResults: '10.23.42.38;' },
      },
    },
  },
  [`${MDE}/TA0002-Execution/T1047-Windows Management Instrumentation/ID1-WMI spwaning PowerShell process - WMImplant.evtx`]:
    {
      records: 1,
      check: {
        '44867': {
          id: 1,
          created: '2021-11-08T15:01:27.6046',
          data: {
            CommandLine: "powershell $env:I4Pzl|.(Get-C`ommand ('{1}e{0}'-f'x','i'))",
            LogonGuid: '{a57649d1-3bc7-6189-ad1a-5d0300000000}',
            LogonId: '0x35d1aad',
            ParentProcessId: '1508',
          },
        },
      },
    },
  [CME]: {
    records: 5,
    check: {
      '48103': {
        id: 7,
        created: '2021-11-30T22:05:50.0655',
        data: {
          ImageLoaded: 'C:\\Windows\\System32\\wbem\\wmiutils.dll',
          Signed: 'true',
          SignatureStatus: 'Valid',
        },
      },
      '48104': {
        id: 3,
        created: '2021-11-30T22:05:50.8649',
        data: {
          Protocol: 'tcp',
          Initiated: 'true',
          SourceIsIpv6: 'false',
          SourceIp: '10.23.42.38',
          SourceHostname: '-',
          SourcePort: '62095',
          SourcePortName: '-',
          DestinationIsIpv6: 'false',
          DestinationIp: '10.23.123.11',
          DestinationHostname: '-',
          DestinationPort: '443',
          DestinationPortName: '-',
        },
      },
      '48105': {
        id: 10,
        created: '2021-11-30T22:05:59.9431',
        data: {
          SourceThreadId: '2736',
          TargetImage: 'C:\\Windows\\system32\\lsass.exe',
          GrantedAccess: '0x143a',
        },
      },
    },
  },
  [`${MDE}/TA0004-Privilege Escalation/T1546-Image File Execution Options Injection/ID1-CMD executed via sticky key call.evtx`]:
    {
      records: 2,
      check: {
        '11788': {
          id: 1,
          created: '2021-05-03T12:06:57.9548',
          data: { CommandLine: 'C:\\windows\\system32\\cmd.exe sethc.exe 211', LogonId: '0xb7e34' },
        },
        '11789': { id: 18, created: '2021-05-03T12:07:07.6396', data: { PipeName: '\\srvsvc' } },
      },
    },
  [`${MDE}/TA0004-Privilege Escalation/T1574-DLL side-loading/1-Print spool spawned a CMD shell (PrintNightMare).evtx`]:
    {
      records: 1,
      check: {
        '144552': {
          id: 1,
          created: '2021-10-28T13:41:21.3252',
          data: {
            ParentImage: 'C:\\Windows\\System32\\spoolsv.exe',
            User: 'NT AUTHORITY\\SYSTEM',
            LogonId: '0x3e7',
          },
        },
      },
    },
  [`${MDE}/TA0005-Defense Evasion/T1027-Obfuscated Files or Information/ID1-CrackMapExec payload execution.evtx`]:
    {
      records: 2,
      check: {
        '8353': {
          id: 1,
          created: '2021-04-30T20:27:39.7612',
          data: { CurrentDirectory: 'C:\\', LogonId: '0x36df3b7', ParentProcessId: '9032' },
        },
      },
    },
  [`${MDE}/TA0006-Credential Access/T1003-Credential dumping/ID1-LSASS dump with LSASSY (SYSMON).evtx`]: {
    records: 14,
    check: {
      '71671': {
        id: 1,
        created: '2021-10-20T14:18:56.0898',
        data: {
          CommandLine:
            '"C:\\Windows\\System32\\rundll32.exe"  C:\\Windows\\System32\\comsvcs.dll MiniDump 512 \\Windows\\Temp\\76nivOxA.dmp full',
          OriginalFileName: 'RUNDLL32.EXE',
          LogonId: '0x269eec8',
        },
      },
      '71673': {
        id: 10,
        created: '2021-10-20T14:18:56.1054',
        data: { SourceThreadId: '544', TargetProcessId: '512', GrantedAccess: '0x1fffff' },
      },
    },
  },
  [`${MDE}/TA0006-Credential Access/T1003-Credential dumping/ID10-Mimikatz LSASS process dump.evtx`]: {
    records: 3,
    check: {
      '82853': {
        id: 10,
        created: '2021-10-21T20:40:43.1361',
        data: {
          SourceImage: 'C:\\TOOLS\\Mimikatzx64\\mimikatz.exe',
          SourceProcessGUID: '{7cf65fc7-d02c-6171-1203-000000001200}',
          GrantedAccess: '0x1010',
        },
      },
    },
  },
  [`${SBO}/AutomatedTestingTools/Malware/sideloading_uacbypass_rundll32_injection_c2.evtx`]: {
    records: 18,
    check: {
      '417070': {
        id: 7,
        created: '2020-10-17T11:43:28.4297',
        data: { RuleName: '', FileVersion: '?', Signed: 'true', Signature: '주식회사 엘리시온랩' },
      },
      '417080': {
        id: 8,
        created: '2020-10-17T11:43:36.3126',
        data: {
          TargetImage: '<unknown process>',
          NewThreadId: '3608',
          StartAddress: '0x0000000002FF0000',
          StartModule: '',
        },
      },
    },
  },
  [`${SBO}/Credential Access/sysmon_10_1_memdump_comsvcs_minidump.evtx`]: {
    records: 6,
    check: {
      '32151': {
        id: 1,
        created: '2019-08-30T12:54:07.8737',
        data: {
          Description: 'Microsoft ® Console Based Script Host',
          User: 'MSEDGEWIN10\\IEUser',
          LogonId: '0xe81e5',
        },
      },
      '32156': {
        id: 10,
        created: '2019-08-30T12:54:08.4399',
        data: { RuleName: 'CredAccess - Memdump', GrantedAccess: '0x1fffff', TargetProcessId: '4868' },
      },
    },
  },
};

/** Genuinely non-ASCII values of these files: anything else outside ASCII is a decoding error. */
const KNOWN_NON_ASCII = new Set([
  'Microsoft® Windows® Operating System',
  'Microsoft ® Console Based Script Host',
  'Microsoft ® Windows Script Host',
  'Windows ® Script Component Runtime',
  'Microsoft ® Windows ® Script Component Runtime',
  '주식회사 엘리시온랩',
]);
/** U+FFFD, and CJK/Hangul/fullwidth, which is what UTF-16 read one byte off turns ASCII into. */
const GARBLED = /[\uFFFD\u2E80-\u9FFF\uAC00-\uD7AF\uF900-\uFAFF\uFF00-\uFFEF]/;

interface Decoded {
  readonly xml: string;
  readonly event: WinEvent;
}

function evtxFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...evtxFiles(path));
    else if (name.endsWith('.evtx')) out.push(path);
  }
  return out.sort();
}

async function decode(file: string): Promise<Decoded[]> {
  const out: Decoded[] = [];
  for await (const r of readEvtxFile(file)) {
    if (r.kind === 'error') throw new Error(`${file} record ${r.index}: ${r.message}`);
    out.push({ xml: r.xml, event: fromEventXml(r.xml) });
  }
  return out;
}

async function mapped(file: string): Promise<EcsDocument[]> {
  const out: EcsDocument[] = [];
  for await (const r of readEventsFromFile(file)) {
    if (r.kind === 'error') throw new Error(`${file}: ${r.message}`);
    out.push(r.doc);
  }
  return out;
}

function strings(value: unknown, out: string[] = []): string[] {
  if (typeof value === 'string') out.push(value);
  else if (Array.isArray(value)) for (const v of value) strings(v, out);
  else if (value !== null && typeof value === 'object') for (const v of Object.values(value)) strings(v, out);
  return out;
}

describe.skipIf(skip)('EVTX values over ../shared/datasets', () => {
  // describe bodies run even when skipped, so nothing here may touch ../shared unless it exists.
  const datasets = join(SHARED ?? '', 'datasets');
  const files = skip ? [] : evtxFiles(datasets);
  const decoded = new Map<string, Decoded[]>();

  beforeAll(async () => {
    for (const file of files) decoded.set(relative(datasets, file), await decode(file));
  });

  it('covers every .evtx file there', () => {
    expect(files.map((f) => relative(datasets, f))).toEqual(Object.keys(EXPECTED).sort());
  });

  it.each(Object.entries(EXPECTED))('%s: record count and pinned values', (file, expected) => {
    const records = decoded.get(file) ?? [];
    expect(records).toHaveLength(expected.records);
    for (const [recordId, want] of Object.entries(expected.check)) {
      const found = records.find((r) => r.event.recordId === recordId)?.event;
      expect(found, `record ${recordId}`).toBeDefined();
      expect(found?.eventId).toBe(want.id);
      expect(found?.timeCreated).toMatch(new RegExp(`^${want.created.replace(/\./g, '\\.')}\\d{3}Z$`));
      for (const [name, value] of Object.entries(want.data)) expect(found?.eventData[name], name).toBe(value);
    }
  });

  it('decodes no value to U+FFFD or CJK text, apart from the known non-ASCII values', () => {
    const bad: string[] = [];
    for (const [file, records] of decoded) {
      for (const { xml, event } of records) {
        for (const text of [...strings(event), ...strings(parseXml(xml))]) {
          if (GARBLED.test(text) && !KNOWN_NON_ASCII.has(text))
            bad.push(`${file} #${event.recordId}: ${text}`);
        }
      }
    }
    expect(bad).toEqual([]);
  });

  it('maps the Sysmon 3 network connection of the CME sample (once garbled) to ECS', async () => {
    const raw = (decoded.get(CME) ?? []).map((r) => r.event).filter((e) => e.eventId === 3);
    expect(
      raw.map((e) => [e.eventData.SourceIp, e.eventData.DestinationIp, e.eventData.DestinationHostname]),
    ).toEqual([
      ['10.23.42.38', '10.23.123.11', '-'],
      ['10.23.42.38', '10.23.123.11', '-'],
    ]);
    const docs = (await mapped(join(datasets, CME))).filter((d) => getPath(d, 'event.code') === '3');
    expect(docs).toHaveLength(2);
    for (const doc of docs) {
      expect(getPath(doc, 'source.ip')).toBe('10.23.42.38');
      expect(getPath(doc, 'destination.ip')).toBe('10.23.123.11');
      expect(getPath(doc, 'destination.port')).toBe(443);
      expect(getPath(doc, 'destination.domain')).toBeUndefined(); // "-": no name was resolved
      expect(getPath(doc, 'network.transport')).toBe('tcp');
      expect(getPath(doc, 'network.direction')).toBe('egress');
      expect(getPath(doc, 'winlog.event_data.DestinationIp')).toBe('10.23.123.11');
      expect(getPath(doc, 'winlog.event_data.Initiated')).toBe('true');
      for (const text of strings(doc)) expect(text).not.toMatch(GARBLED);
    }
    expect(docs.map((d) => getPath(d, 'source.port'))).toEqual([62095, 62096]);
  });
});

// ---------------------------------------------------------------------------------------------
// Field by field against python-evtx, when it is installed (Debian: python3-evtx)

const PYTHON_DUMP = `
import json, sys
import xml.etree.ElementTree as ET
import Evtx.Evtx as evtx
NS = '{http://schemas.microsoft.com/win/2004/08/events/event}'
out = {}
for path in sys.argv[1:]:
    recs = []
    with evtx.Evtx(path) as log:
        for rec in log.records():
            root = ET.fromstring(rec.xml())
            system = {}
            for el in root.find(NS + 'System'):
                system[el.tag.replace(NS, '')] = {'text': (el.text or '').strip(), 'attrs': dict(el.attrib)}
            data = {}
            ed = root.find(NS + 'EventData')
            if ed is not None:
                n = 0
                for d in ed:
                    tag = d.tag.replace(NS, '')
                    if tag == 'Data':
                        name = d.get('Name')
                        if name is None:
                            n += 1
                            name = 'param%d' % n
                        data[name] = d.text or ''
                    elif tag == 'Binary':
                        data['Binary'] = (d.text or '').strip()
            else:
                ud = root.find(NS + 'UserData')
                def collect(el):
                    if len(el) == 0:
                        data[el.tag.split('}')[-1]] = el.text or ''
                    else:
                        for c in el:
                            collect(c)
                for c in (ud if ud is not None else []):
                    for leaf in c:
                        collect(leaf)
            recs.append({'system': system, 'data': data})
    out[path] = recs
json.dump(out, sys.stdout)
`;

function pythonEvtx(): string | undefined {
  for (const python of ['/usr/bin/python3', 'python3']) {
    try {
      execFileSync(python, ['-c', 'import Evtx.Evtx'], { stdio: 'ignore' });
      return python;
    } catch {}
  }
  return undefined;
}

const python = skip ? undefined : pythonEvtx();
if (!skip && python === undefined)
  console.warn('SKIPPED EVTX field-by-field check against python-evtx: python3 with Evtx is absent');

/** Microseconds since the epoch of `2021-11-30 22:05:50.864922` (python) or `…T22:05:50.8649217Z` (ours). */
function micros(date: string, time: string, fraction: string): number {
  return Date.parse(`${date}T${time}Z`) * 1000 + Math.round(Number(`0.${fraction || '0'}`) * 1e6);
}

/**
 * Whether our text is python-evtx's text up to the renderings we choose on purpose: booleans in
 * lower case, hex without leading zeros, times as ISO 8601 UTC to the 100 ns (python-evtx computes
 * `float(ticks) * 1e-7 - 11644473600` seconds, whose last bit is ~2 µs today, so it may be a few µs
 * off), binary as hex rather than base64.
 */
function sameRendering(ours: string, py: string): boolean {
  if (ours === py) return true;
  if ((py === 'True' || py === 'False') && ours === py.toLowerCase()) return true;
  if (/^0x[0-9a-f]+$/.test(py) && /^0x(0|[1-9a-f][0-9a-f]*)$/.test(ours)) return BigInt(py) === BigInt(ours);
  const p = /^(\d{4}-\d\d-\d\d) (\d\d:\d\d:\d\d)(?:\.(\d{6}))?$/.exec(py);
  const o = /^(\d{4}-\d\d-\d\d)T(\d\d:\d\d:\d\d)\.(\d{7})Z$/.exec(ours);
  if (p && o)
    return (
      Math.abs(micros(o[1] ?? '', o[2] ?? '', o[3] ?? '') - micros(p[1] ?? '', p[2] ?? '', p[3] ?? '')) <= 4
    );
  if (/^[0-9A-F]*$/.test(ours) && py.length % 4 === 0 && /^[A-Za-z0-9+/]*={0,2}$/.test(py))
    return Buffer.from(py, 'base64').toString('hex').toUpperCase() === ours;
  return false;
}

const ASCII = /^[\t\n\r\x20-\x7e]*$/;

interface PyRecord {
  system: Record<string, { text: string; attrs: Record<string, string> }>;
  data: Record<string, string>;
}

describe.skipIf(skip || python === undefined)('EVTX values against python-evtx, field by field', () => {
  it('matches every System and EventData value of every record of every file', async () => {
    const datasets = join(SHARED as string, 'datasets');
    const files = evtxFiles(datasets);
    const py = JSON.parse(
      execFileSync(python as string, ['-c', PYTHON_DUMP, ...files], {
        encoding: 'utf8',
        maxBuffer: 64 << 20,
      }),
    ) as Record<string, PyRecord[]>;
    const differences: string[] = [];
    let compared = 0;
    const compare = (where: string, ours: string | undefined, theirs: string) => {
      compared++;
      if (ours === undefined || !sameRendering(ours, theirs))
        differences.push(`${where}: ours ${JSON.stringify(ours)}, python-evtx ${JSON.stringify(theirs)}`);
      else if (ASCII.test(theirs) && !ASCII.test(ours))
        differences.push(`${where}: non-ASCII ${JSON.stringify(ours)}`);
    };
    for (const file of files) {
      const ours = await decode(file);
      const theirs = py[file] ?? [];
      expect(ours.length, file).toBe(theirs.length);
      theirs.forEach((record, i) => {
        const mine = ours[i] as Decoded;
        const where = `${relative(datasets, file)} #${mine.event.recordId}`;
        const system = child(parseXml(mine.xml), 'System');
        for (const [tag, want] of Object.entries(record.system)) {
          const element = child(system, tag);
          compare(`${where} System/${tag}`, element?.text.trim(), want.text);
          for (const [name, value] of Object.entries(want.attrs)) {
            compare(`${where} System/${tag}@${name}`, element?.attributes[name], value);
          }
        }
        expect(Object.keys(mine.event.eventData).sort(), where).toEqual(Object.keys(record.data).sort());
        for (const [name, value] of Object.entries(record.data)) {
          compare(`${where} ${name}`, mine.event.eventData[name], value);
        }
      });
    }
    expect(differences).toEqual([]);
    expect(compared).toBeGreaterThan(1500);
  });
});
