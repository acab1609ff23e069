import { describe, expect, it } from 'vitest';
import { splitCommandLine } from './command-line.js';
import {
  parseDnsResults,
  parseHashes,
  registryFields,
  splitDomainUser,
  sysmonUtcToIso,
  windowsPathParts,
} from './derive.js';

describe('splitCommandLine', () => {
  it.each([
    ['"C:\\Program Files\\a.exe" -x "y z"', ['C:\\Program Files\\a.exe', '-x', 'y z']],
    ['a\\\\\\"b c', ['a\\"b', 'c']], // 3 backslashes + quote: one backslash and a literal quote
    ['"a\\\\" b', ['a\\', 'b']], // 2 backslashes + quote: one backslash, quote ends quoting
    ['"say ""hi"""', ['say "hi"']],
    ['  cmd\t/c  dir  ', ['cmd', '/c', 'dir']],
    ['C:\\dir\\ end', ['C:\\dir\\', 'end']],
    ['', []],
  ])('%s', (input, expected) => {
    expect(splitCommandLine(input)).toEqual(expected);
  });
});

describe('field derivations', () => {
  it('parses Sysmon hashes, lower-cased, dropping all-zero ones', () => {
    expect(parseHashes('SHA1=AB12,MD5=CD34,IMPHASH=00000000000000000000000000000000')).toEqual({
      sha1: 'ab12',
      md5: 'cd34',
    });
  });

  it('splits Windows paths only when they have a directory', () => {
    expect(windowsPathParts('C:\\Windows\\System32\\wbem\\wmiutils.dll')).toEqual({
      name: 'wmiutils.dll',
      directory: 'C:\\Windows\\System32\\wbem',
      extension: 'dll',
    });
    expect(windowsPathParts('System')).toBeUndefined();
    expect(windowsPathParts('C:\\dir\\noext')).toEqual({ name: 'noext', directory: 'C:\\dir' });
  });

  it('splits DOMAIN\\user', () => {
    expect(splitDomainUser('NT AUTHORITY\\SYSTEM')).toEqual({ domain: 'NT AUTHORITY', name: 'SYSTEM' });
    expect(splitDomainUser('SYSTEM')).toBeUndefined();
  });

  it('reads UtcTime as UTC with milliseconds', () => {
    expect(sysmonUtcToIso('2020-09-17 21:46:07.590')).toBe('2020-09-17T21:46:07.590Z');
    expect(sysmonUtcToIso('2020-09-17 21:46:07')).toBe('2020-09-17T21:46:07.000Z');
    expect(sysmonUtcToIso('yesterday')).toBeUndefined();
  });

  it('derives registry fields and data types', () => {
    expect(registryFields('HKEY_LOCAL_MACHINE\\SOFTWARE\\x\\Value', 'QWORD (0x00000001-0x00000002)')).toEqual(
      {
        path: 'HKEY_LOCAL_MACHINE\\SOFTWARE\\x\\Value',
        hive: 'HKLM',
        key: 'SOFTWARE\\x\\Value',
        value: 'Value',
        data: { strings: ['4294967298'], type: 'SZ_QWORD' },
      },
    );
    expect(registryFields('\\REGISTRY\\MACHINE\\x', 'Binary Data')).toEqual({
      path: '\\REGISTRY\\MACHINE\\x',
      value: 'x',
      data: { strings: ['Binary Data'], type: 'REG_BINARY' },
    });
  });

  it('splits DNS query results into answers and IPs', () => {
    expect(parseDnsResults('type:  5 a.example;::ffff:10.0.0.1;fe80::1;')).toEqual({
      answers: [
        { data: 'a.example', type: 'CNAME' },
        { data: '10.0.0.1', type: 'A' },
        { data: 'fe80::1', type: 'AAAA' },
      ],
      resolvedIps: ['10.0.0.1', 'fe80::1'],
      hosts: ['a.example'],
    });
  });
});
