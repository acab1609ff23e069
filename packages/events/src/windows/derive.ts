/** Pure field derivations shared by the Windows mapping tables. */

import { setOwn } from '../json-value.js';

/** The last path component of a Windows path ("" when there is no backslash). */
export function windowsBasename(path: string): string {
  const i = path.lastIndexOf('\\');
  return i < 0 ? '' : path.slice(i + 1);
}

export interface PathParts {
  readonly name: string;
  readonly directory: string;
  readonly extension?: string;
}

/** Splits a Windows file path as the Sysmon pipeline does: only paths with a backslash. */
export function windowsPathParts(path: string): PathParts | undefined {
  const i = path.lastIndexOf('\\');
  if (i < 0 || path.length <= 1) return undefined;
  const name = path.slice(i + 1);
  const dot = name.lastIndexOf('.');
  return {
    name,
    directory: path.slice(0, i),
    ...(dot >= 0 && dot < name.length - 1 ? { extension: name.slice(dot + 1) } : {}),
  };
}

/**
 * "SHA1=AB..,MD5=CD..,IMPHASH=00.." → { sha1: 'ab..', md5: 'cd..' }: lower-cased names and
 * values, all-zero hashes dropped (Sysmon writes zeros when it could not compute one). A name
 * becomes a field name (`process.hash.<name>`): one made of anything but letters, digits and
 * `_` (a dotted path, "__proto__.x") is no hash algorithm and is left out.
 */
export function parseHashes(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const pair of text.split(',')) {
    const eq = pair.indexOf('=');
    if (eq <= 0) continue;
    const key = pair.slice(0, eq).trim().toLowerCase();
    const value = pair
      .slice(eq + 1)
      .trim()
      .toLowerCase();
    if (value === '' || /^0*$/.test(value) || !/^[a-z0-9_]+$/.test(key)) continue;
    setOwn(out, key, value);
  }
  return out;
}

/** "DOMAIN\\name" → { domain, name }; anything else is not split. */
export function splitDomainUser(text: string): { domain: string; name: string } | undefined {
  const parts = text.split('\\');
  if (parts.length !== 2 || parts[0] === '' || parts[1] === '') return undefined;
  return { domain: parts[0] as string, name: parts[1] as string };
}

/** Sysmon's UtcTime ("2020-09-17 21:46:07.590") as ISO-8601 UTC. */
export function sysmonUtcToIso(text: string): string | undefined {
  const m = /^(\d{4}-\d\d-\d\d)[ T](\d\d:\d\d:\d\d)(\.\d{1,9})?$/.exec(text.trim());
  if (!m) return undefined;
  const fraction = `${(m[3] ?? '.').slice(1)}000`.slice(0, 3);
  return `${m[1]}T${m[2]}.${fraction}Z`;
}

/** Any ISO-8601 time with a zone, normalised to UTC with milliseconds. */
export function normalizeIso(text: string): string | undefined {
  const ms = Date.parse(text);
  return Number.isNaN(ms) ? undefined : new Date(ms).toISOString();
}

const HIVES: Readonly<Record<string, string>> = {
  HKEY_CLASSES_ROOT: 'HKCR',
  HKCR: 'HKCR',
  HKEY_CURRENT_CONFIG: 'HKCC',
  HKCC: 'HKCC',
  HKEY_CURRENT_USER: 'HKCU',
  HKCU: 'HKCU',
  HKEY_DYN_DATA: 'HKDD',
  HKDD: 'HKDD',
  HKEY_LOCAL_MACHINE: 'HKLM',
  HKLM: 'HKLM',
  HKEY_PERFORMANCE_DATA: 'HKPD',
  HKPD: 'HKPD',
  HKEY_USERS: 'HKU',
  HKU: 'HKU',
};

export interface RegistryFields {
  readonly path: string;
  readonly hive?: string;
  readonly key?: string;
  readonly value: string;
  readonly data?: { readonly strings: readonly string[]; readonly type: string };
}

/** Registry fields from Sysmon's TargetObject and Details. */
export function registryFields(targetObject: string, details: string | undefined): RegistryFields {
  const tokens = targetObject.split('\\');
  const hive = HIVES[tokens[0] ?? ''];
  const base = {
    path: targetObject,
    ...(hive === undefined
      ? {}
      : { hive, ...(tokens.length > 1 ? { key: tokens.slice(1).join('\\') } : {}) }),
    value: tokens[tokens.length - 1] ?? '',
  };
  if (details === undefined || details === '') return base;
  return { ...base, data: registryData(details) };
}

function registryData(details: string): { strings: string[]; type: string } {
  const qword = /^QWORD \((0x[0-9A-F]{8})-(0x[0-9A-F]{8})\)$/i.exec(details);
  if (qword) {
    const value = (BigInt(qword[1] as string) << 32n) + BigInt(qword[2] as string);
    return { strings: [value.toString()], type: 'SZ_QWORD' };
  }
  const dword = /^DWORD \((0x[0-9A-F]{8})\)$/i.exec(details);
  if (dword) return { strings: [String(Number.parseInt(dword[1] as string, 16))], type: 'SZ_DWORD' };
  if (details === 'Binary Data') return { strings: [details], type: 'REG_BINARY' };
  return { strings: [details], type: 'REG_SZ' };
}

const DNS_TYPES: Readonly<Record<string, string>> = {
  '1': 'A',
  '2': 'NS',
  '5': 'CNAME',
  '6': 'SOA',
  '12': 'PTR',
  '15': 'MX',
  '16': 'TXT',
  '28': 'AAAA',
  '33': 'SRV',
  '35': 'NAPTR',
  '39': 'DNAME',
  '41': 'OPT',
  '43': 'DS',
  '46': 'RRSIG',
  '47': 'NSEC',
  '48': 'DNSKEY',
  '65': 'HTTPS',
  '255': 'ANY',
};

export interface DnsResults {
  readonly answers: readonly { readonly type?: string; readonly data?: string }[];
  readonly resolvedIps: readonly string[];
  readonly hosts: readonly string[];
}

/** Sysmon 22 QueryResults: "type:  5 name;::ffff:1.2.3.4;" → answers, resolved IPs, related hosts. */
export function parseDnsResults(text: string): DnsResults {
  const answers: { type?: string; data?: string }[] = [];
  const ips: string[] = [];
  const hosts: string[] = [];
  for (const part of text.split(';')) {
    const answer = part.trim();
    if (answer === '') continue;
    if (answer.startsWith('type:')) {
      const tokens = answer.split(/\s+/);
      const type = DNS_TYPES[tokens[1] ?? ''];
      const data = tokens[2];
      answers.push({ ...(data === undefined ? {} : { data }), ...(type === undefined ? {} : { type }) });
      if (data !== undefined) hosts.push(data);
    } else {
      ips.push(answer.replace('::ffff:', ''));
    }
  }
  for (const ip of ips) answers.push({ data: ip, type: ip.includes(':') ? 'AAAA' : 'A' });
  return { answers, resolvedIps: ips, hosts };
}

const DNS_STATUS: Readonly<Record<string, string>> = {
  '0': 'SUCCESS',
  '5': 'ERROR_ACCESS_DENIED',
  '123': 'ERROR_INVALID_NAME',
  '1460': 'ERROR_TIMEOUT',
  '9002': 'DNS_ERROR_RCODE_SERVER_FAILURE',
  '9003': 'DNS_ERROR_RCODE_NAME_ERROR',
  '9501': 'DNS_INFO_NO_RECORDS',
  '9701': 'DNS_ERROR_RECORD_DOES_NOT_EXIST',
  '10054': 'WSAECONNRESET',
  '10060': 'WSAETIMEDOUT',
};

/** Sysmon's numeric DNS QueryStatus as its Win32 name when known. */
export function dnsStatusName(code: string): string {
  return DNS_STATUS[code] ?? code;
}
