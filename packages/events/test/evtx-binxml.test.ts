import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { type EvtxRecordResult, readEvtxBytes } from '../src/node/index.js';
import { fromEventElement } from '../src/windows/event-xml.js';
import { parseXml, type XmlElement } from '../src/windows/xml.js';
import { bool, ChunkWriter, type Node, type Template, uint16, type Value, wstring } from './evtx-builder.js';

// BinXML the datasets do not have (they are all Sysmon EventData): UserData filled by a nested
// BinXml value, templates and names reused by offset, literals, references, damage. The files are
// written here (evtx-builder.ts) and, where python-evtx renders the same thing, read by it too.

const sub = (n: number, optional = false): Node => ({ sub: n, optional });
const text = (t: string): Node => ({ text: t });
const el = (element: string, content?: Node[], attributes?: [string, Node][]): Node => ({
  element,
  ...(content ? { content } : {}),
  ...(attributes ? { attributes } : {}),
});
const NS = 'http://schemas.microsoft.com/win/2004/08/events/event';
const sid = (hex: string): Value => ({ type: 0x13, bytes: Uint8Array.from(Buffer.from(hex, 'hex')) });
const NULL: Value = { type: 0x00, bytes: new Uint8Array(0) };

const SYSTEM_WITH_USERDATA: Template = {
  id: 1,
  root: el(
    'Event',
    [
      el('System', [
        el('Provider', undefined, [['Name', sub(0)]]),
        el('EventID', [sub(1)]),
        el('Channel', [text('Security')]),
        el('Computer', [sub(2)]),
        el('Security', undefined, [['UserID', sub(3, true)]]),
      ]),
      el('UserData', [sub(4)]),
    ],
    [['xmlns', text(NS)]],
  ),
};
const LOG_CLEARED: Template = {
  id: 2,
  root: el(
    'LogFileCleared',
    [el('SubjectUserName', [sub(0)]), el('SubjectDomainName', [sub(1)]), el('Note', [sub(2, true)])],
    [['xmlns', text('http://manifests.microsoft.com/win/2004/08/windows/eventlog')]],
  ),
};
const WITH_EVENTDATA: Template = {
  id: 3,
  root: el(
    'Event',
    [
      el('System', [
        el('Provider', undefined, [['Name', sub(0)]]),
        el('EventID', [sub(1)]),
        el('Channel', [sub(2)]),
      ]),
      el('EventData', [
        el('Data', [sub(3)], [['Name', text('Initiated')]]),
        el('Data', [sub(4)], [['Name', text('SourceIp')]]),
        el('Data', [sub(5)], [['Name', text('SourcePort')]]),
        el('Data', [sub(6)], [['Name', text('CommandLine')]]),
        el('Data', [sub(7)], [['Name', text('Spaces')]]),
        el('Data', [sub(8)], [['Name', text('Control')]]),
        el('Data', [sub(9, true)], [['Name', text('Empty')]]),
      ]),
    ],
    [['xmlns', text(NS)]],
  ),
};

const cleared = (user: string, domain: string) => ({
  template: SYSTEM_WITH_USERDATA,
  values: [
    wstring('Microsoft-Windows-Eventlog'),
    uint16(1102),
    wstring('DC01.example.org'),
    sid('010500000000000515000000010000000200000003000000f4010000'),
    { template: LOG_CLEARED, values: [wstring(user), wstring(domain), NULL] },
  ],
});
const sysmon3 = {
  template: WITH_EVENTDATA,
  values: [
    wstring('Microsoft-Windows-Sysmon'),
    uint16(3),
    wstring('Microsoft-Windows-Sysmon/Operational'),
    bool(true), // 4 bytes: what once shifted every value after it
    wstring('10.23.42.38'),
    uint16(62095),
    wstring('powershell -c "a"\n\tsecond line'),
    wstring('   '),
    wstring('a\u0001b'),
    NULL,
  ],
};

const FILE = new ChunkWriter()
  .record(cleared('alice', 'EXAMPLE'))
  .record(cleared('bob', 'OTHER')) // both templates and every name now referred to by offset
  .record(sysmon3)
  .file();

async function decode(bytes: Uint8Array): Promise<EvtxRecordResult[]> {
  const out: EvtxRecordResult[] = [];
  for await (const r of readEvtxBytes(bytes)) out.push(r);
  return out;
}

function elementOf(r: EvtxRecordResult | undefined): XmlElement {
  if (r?.kind !== 'record' || !r.element) throw new Error(`not a record: ${JSON.stringify(r)}`);
  return r.element;
}

describe('BinXML decoding of written files', () => {
  it('fills UserData from a nested BinXml value, reusing templates and names by offset', async () => {
    const records = await decode(FILE);
    expect(records.map((r) => r.kind)).toEqual(['record', 'record', 'record']);
    const events = records.slice(0, 2).map((r) => fromEventElement(elementOf(r)));
    expect(events.map((e) => [e.provider, e.eventId, e.channel, e.computerName, e.user])).toEqual([
      [
        'Microsoft-Windows-Eventlog',
        1102,
        'Security',
        'DC01.example.org',
        { identifier: 'S-1-5-21-1-2-3-500' },
      ],
      [
        'Microsoft-Windows-Eventlog',
        1102,
        'Security',
        'DC01.example.org',
        { identifier: 'S-1-5-21-1-2-3-500' },
      ],
    ]);
    expect(events.map((e) => e.eventData)).toEqual([
      { SubjectUserName: 'alice', SubjectDomainName: 'EXAMPLE', Note: '' },
      { SubjectUserName: 'bob', SubjectDomainName: 'OTHER', Note: '' },
    ]);
    const userData = elementOf(records[1]).children[1];
    expect(userData?.children[0]?.attributes).toEqual({
      xmlns: 'http://manifests.microsoft.com/win/2004/08/windows/eventlog',
    });
  });

  it('reads every value from its declared size and keeps values as they are', async () => {
    const [, , third] = await decode(FILE);
    expect(fromEventElement(elementOf(third)).eventData).toEqual({
      Initiated: 'true',
      SourceIp: '10.23.42.38',
      SourcePort: '62095',
      // The library used before indented continuation lines and dropped whitespace-only values.
      CommandLine: 'powershell -c "a"\n\tsecond line',
      Spaces: '   ',
      Control: 'ab', // C0/C1 control characters are dropped, as XML writers do
      Empty: '',
    });
  });

  it('writes XML that parses back to the same tree', async () => {
    for (const r of await decode(FILE)) {
      const element = elementOf(r);
      expect(parseXml(r.kind === 'record' ? r.xml : '')).toEqual(element);
    }
  });

  it('resolves character and entity references and CDATA, and keeps text literals', async () => {
    const refs: Template = {
      id: 7,
      root: el('Event', [
        el('System', [el('EventID', [text('4')]), el('Channel', [text('Application')])]),
        el('EventData', [
          el(
            'Data',
            [text('a'), { charRef: 0x41 }, { entityRef: 'amp' }, { entityRef: 'lt' }, text('b')],
            [['Name', text('Refs')]],
          ),
          el('Data', [{ cdata: 'x < y & z' }], [['Name', text('CData')]]),
          el('Data', [text('T'), sub(0), text('!')], [['Name', { charRef: 0x4e }]]),
        ]),
      ]),
    };
    const records = await decode(
      new ChunkWriter().record({ template: refs, values: [wstring('-v-')] }).file(),
    );
    expect(fromEventElement(elementOf(records[0])).eventData).toEqual({
      Refs: 'aA&<b',
      CData: 'x < y & z',
      N: 'T-v-!',
    });
  });

  it('reports a record that refers to a missing value and goes on with the next', async () => {
    const broken: Template = { id: 9, root: el('Event', [el('System', [el('EventID', [sub(5)])])]) };
    const file = new ChunkWriter()
      .record(sysmon3)
      .record({ template: broken, values: [wstring('only one')] })
      .record(sysmon3)
      .file();
    const records = await decode(file);
    expect(records.map((r) => (r.kind === 'error' ? r.message : r.kind))).toEqual([
      'record',
      'evtx: chunk 1: substitution 5 is missing (1 given)',
      'record',
    ]);
    expect(records.map((r) => r.index)).toEqual([1, 2, 3]);
  });

  it('reports a record without its signature and stops reading the chunk there', async () => {
    const file = new ChunkWriter()
      .record(sysmon3)
      .record(sysmon3, (bytes) => bytes.fill(0, 0, 4))
      .record(sysmon3)
      .file();
    const records = await decode(file);
    expect(records.map((r) => (r.kind === 'error' ? r.message : r.kind))).toEqual([
      'record',
      expect.stringMatching(
        /^evtx: chunk 1: record 2 \(offset 0x[0-9a-f]+\) is corrupt; 2 records not read$/,
      ),
    ]);
  });

  it('reports records lost behind a zeroed size field, counted from the chunk header', async () => {
    const file = new ChunkWriter()
      .record(sysmon3)
      .record(sysmon3)
      .record(sysmon3, (bytes) => bytes.fill(0, 4, 8))
      .record(sysmon3)
      .record(sysmon3)
      .file();
    const records = await decode(file);
    expect(records.map((r) => (r.kind === 'error' ? r.message : r.kind))).toEqual([
      'record',
      'record',
      expect.stringMatching(
        /^evtx: chunk 1: record 3 \(offset 0x[0-9a-f]+\) is corrupt; 3 records not read$/,
      ),
    ]);
  });

  it('reports BinXML cut short instead of reading past its record', async () => {
    const file = new ChunkWriter()
      .record(sysmon3, (bytes) => {
        // Declare more substitution values than the record holds.
        const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
        const countAt =
          bytes.length -
          4 -
          sysmon3.values.reduce((n, v) => n + 4 + ('bytes' in v ? v.bytes.length : 0), 0) -
          4;
        view.setUint32(countAt, 4000, true);
      })
      .file();
    const records = await decode(file);
    expect(records).toEqual([
      { kind: 'error', index: 1, message: 'evtx: chunk 1: 4000 substitutions do not fit in their record' },
    ]);
  });
});

// ---------------------------------------------------------------------------------------------
// The same written file through python-evtx (Debian: python3-evtx), element by element

const PYTHON_TREES = `
import json, sys
import xml.etree.ElementTree as ET
import Evtx.Evtx as evtx
def tree(el):
    children = list(el)
    text = (el.text or '') + ''.join(c.tail or '' for c in children)
    return {'name': el.tag.split('}')[-1], 'attributes': dict(el.attrib),
            'text': text.strip() if children else text, 'children': [tree(c) for c in children]}
with evtx.Evtx(sys.argv[1]) as log:
    json.dump([tree(ET.fromstring(r.xml())) for r in log.records()], sys.stdout)
`;

function python(): string | undefined {
  for (const candidate of ['/usr/bin/python3', 'python3']) {
    try {
      execFileSync(candidate, ['-c', 'import Evtx.Evtx'], { stdio: 'ignore' });
      return candidate;
    } catch {}
  }
  return undefined;
}
const PYTHON = python();
if (PYTHON === undefined)
  console.warn('SKIPPED written-EVTX comparison with python-evtx: python3 with Evtx is absent');

/** The tree as ElementTree shows it: `xmlns` is a namespace there, not an attribute. */
function normalized(element: XmlElement): unknown {
  const { xmlns: _, ...attributes } = element.attributes;
  return {
    name: element.name,
    attributes,
    text: element.children.length > 0 ? element.text.trim() : element.text,
    children: element.children.map(normalized),
  };
}

describe.skipIf(PYTHON === undefined)('written EVTX against python-evtx', () => {
  const dir = mkdtempSync(join(tmpdir(), 'rulebench-evtx-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('gives the same element trees, UserData and nested values included', async () => {
    const path = join(dir, 'written.evtx');
    writeFileSync(path, FILE);
    const theirs = JSON.parse(
      execFileSync(PYTHON as string, ['-c', PYTHON_TREES, path], { encoding: 'utf8' }),
    );
    const ours = (await decode(FILE)).map((r) => normalized(elementOf(r)));
    // python-evtx writes booleans as True/False, we as Windows does (see renderEvtxValue).
    expect(JSON.parse(JSON.stringify(theirs).replaceAll('"True"', '"true"'))).toEqual(ours);
  });
});
