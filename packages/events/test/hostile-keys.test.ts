import { afterEach, describe, expect, it } from 'vitest';
import {
  canonicalize,
  EcsBuilder,
  type EventResult,
  fromEventXml,
  getPath,
  parseHashes,
  readEvents,
} from '../src/index.js';

// Keys and names in these records come from the input file: none may reach Object.prototype
// (which every object of the process shares) or read a field from it.

const encode = (text: string) => new TextEncoder().encode(text);
const read = async (text: string): Promise<EventResult[]> => {
  const out: EventResult[] = [];
  for await (const r of readEvents([encode(text)])) out.push(r);
  return out;
};
const onlyDoc = (results: EventResult[]): Record<string, unknown> => {
  expect(results).toHaveLength(1);
  const [first] = results;
  if (first?.kind !== 'event') throw new Error(`expected an event, got ${JSON.stringify(first)}`);
  return first.doc;
};
const probe = (): Record<string, unknown> => ({});

afterEach(() => {
  // Undo a failure, so one broken test cannot make the others fail for it.
  for (const key of ['polluted', 'polluted2', 'b']) delete (Object.prototype as Record<string, unknown>)[key];
});

const SYSMON_FLAT = {
  EventID: 1,
  Channel: 'Microsoft-Windows-Sysmon/Operational',
  SourceName: 'Microsoft-Windows-Sysmon',
  EventTime: '2024-01-01 00:00:00',
  Hostname: 'h',
  Image: 'C:\\x.exe',
};

describe('input keys never touch a prototype', () => {
  it('a Sysmon Hashes field naming "__proto__" paths pollutes nothing and keeps the real hashes', async () => {
    const record = {
      ...SYSMON_FLAT,
      Hashes: 'SHA1=ABC,x.__proto__.polluted=yes,constructor.prototype.polluted2=yes',
    };
    const doc = onlyDoc(await read(`${JSON.stringify(record)}\n`));
    expect(probe().polluted).toBeUndefined();
    expect(probe().polluted2).toBeUndefined();
    expect(getPath(doc, 'process.hash')).toEqual({ sha1: 'abc' });
    expect(parseHashes('MD5=AA,a.b=CC,__proto__=DD')).toEqual(
      Object.defineProperty({ md5: 'aa' }, '__proto__', { value: 'dd', enumerable: true }),
    );
  });

  it('EcsBuilder writes "__proto__" and "constructor" as fields of their own', () => {
    const out = new EcsBuilder();
    out.set('a.__proto__.b', 1);
    out.set('constructor.name', 'x');
    expect(probe().b).toBeUndefined();
    expect(JSON.stringify(out.doc)).toBe('{"a":{"__proto__":{"b":1}},"constructor":{"name":"x"}}');
    expect(out.get('a.__proto__.b')).toBe(1);
    expect(new EcsBuilder().get('constructor')).toBeUndefined();
    expect(JSON.stringify(canonicalize(out.doc))).toBe(JSON.stringify(out.doc));
  });

  it('event data named "__proto__" or "constructor" is kept as written (flat JSON, XML, winlogbeat)', async () => {
    const flat = onlyDoc(
      await read(`${JSON.stringify({ ...SYSMON_FLAT, constructor: 'c', toString: 't' })}\n`),
    );
    expect(getPath(flat, 'winlog.event_data')).toEqual({
      Image: 'C:\\x.exe',
      constructor: 'c',
      toString: 't',
    });

    const xml = fromEventXml(
      '<Event><System><Provider Name="Microsoft-Windows-Sysmon"/><EventID>1</EventID>' +
        '<Channel>Microsoft-Windows-Sysmon/Operational</Channel></System><EventData>' +
        '<Data Name="constructor">c</Data><Data Name="__proto__">p</Data></EventData></Event>',
    );
    expect(Object.getPrototypeOf(xml.eventData)).toBe(Object.prototype);
    expect(JSON.stringify(xml.eventData)).toBe('{"constructor":"c","__proto__":"p"}');

    const beat =
      '{"@timestamp":"2024-01-01T00:00:00Z","winlog":{"event_id":1,"channel":"Microsoft-Windows-Sysmon/Operational",' +
      '"event_data":{"__proto__":"p","Image":"C:\\\\x.exe"}},"host":{"__proto__":{"polluted":"yes"},"name":"h"}}\n';
    const doc = onlyDoc(await read(beat));
    expect(probe().polluted).toBeUndefined();
    const host = doc.host as Record<string, unknown>;
    expect(Object.getPrototypeOf(host)).toBe(Object.prototype);
    expect(Object.hasOwn(host, '__proto__')).toBe(true);
    expect(Object.hasOwn(getPath(doc, 'winlog.event_data') as object, '__proto__')).toBe(true);
  });

  it('getPath reads own fields only', () => {
    expect(getPath({}, 'constructor')).toBeUndefined();
    expect(getPath({ a: {} }, 'a.toString')).toBeUndefined();
    expect(
      getPath(JSON.parse('{"a":{"__proto__":{"b":2}}}') as Record<string, unknown>, 'a.__proto__.b'),
    ).toBe(2);
  });
});
