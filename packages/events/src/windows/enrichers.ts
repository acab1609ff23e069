import { setOwn } from '../json-value.js';
import { splitCommandLine } from './command-line.js';
import {
  dnsStatusName,
  parseDnsResults,
  parseHashes,
  registryFields,
  splitDomainUser,
  windowsBasename,
  windowsPathParts,
} from './derive.js';
import type { Enricher, MapContext } from './table.js';

// Field names spelled out once, not rebuilt from a prefix for every record.
const PROCESSES = [
  {
    executable: 'process.executable',
    name: 'process.name',
    commandLine: 'process.command_line',
    args: 'process.args',
    argsCount: 'process.args_count',
  },
  {
    executable: 'process.parent.executable',
    name: 'process.parent.name',
    commandLine: 'process.parent.command_line',
    args: 'process.parent.args',
    argsCount: 'process.parent.args_count',
  },
] as const;

/** process.name and process.parent.name from their executables. */
export const processNames: Enricher = ({ out }) => {
  for (const fields of PROCESSES) {
    const executable = out.get(fields.executable);
    if (typeof executable === 'string' && out.get(fields.name) === undefined) {
      const name = windowsBasename(executable);
      if (name !== '') out.set(fields.name, name);
    }
  }
};

/** process.args / args_count (and the parent's) from the command lines. */
export const processArgs: Enricher = ({ out }) => {
  for (const fields of PROCESSES) {
    const commandLine = out.get(fields.commandLine);
    if (typeof commandLine === 'string' && commandLine !== '') {
      const args = splitCommandLine(commandLine);
      out.set(fields.args, args);
      out.set(fields.argsCount, args.length);
    }
  }
};

/** Hashes (or Hash) into `<target>.hash.*`, the import hash into `<target>.pe.imphash`. */
export function hashesTo(target: 'process' | 'file'): Enricher {
  return ({ data, out }) => {
    const text = data.Hashes ?? data.Hash;
    if (text === undefined) return;
    for (const [algorithm, value] of Object.entries(parseHashes(text))) {
      out.set(algorithm === 'imphash' ? `${target}.pe.imphash` : `${target}.hash.${algorithm}`, value);
      out.append('related.hash', value);
    }
  };
}

/** file.name / directory / extension from file.path. */
export const filePathParts: Enricher = ({ out }) => {
  const path = out.get('file.path');
  if (typeof path !== 'string') return;
  const parts = windowsPathParts(path);
  if (!parts) return;
  out.set('file.name', parts.name);
  out.set('file.directory', parts.directory);
  out.set('file.extension', parts.extension);
};

/** Code signature of a loaded image or driver, from Signed / Signature / SignatureStatus. */
export const fileCodeSignature: Enricher = ({ data, out }) => {
  out.set('file.code_signature.subject_name', data.Signature);
  out.set('file.code_signature.status', data.SignatureStatus);
  if (data.Signed === 'true' || data.Signed === 'false')
    out.set('file.code_signature.exists', data.Signed === 'true');
  if (data.SignatureStatus !== undefined || data.Signed !== undefined) {
    out.set('file.code_signature.trusted', data.SignatureStatus === 'Valid');
  }
};

const DLL_MIRRORED = ['path', 'name', 'hash', 'pe', 'code_signature'].map((key) => ({
  from: `file.${key}`,
  to: `dll.${key}`,
}));

/** Image loads also carry the ECS dll.* fields, as Elastic Defend and the current integration write them. */
export const dllFromFile: Enricher = ({ data, out }) => {
  for (const { from, to } of DLL_MIRRORED) out.set(to, cloneJson(out.get(from)));
  // Sysmon leaves SignatureStatus empty when signing failed and says why in Signed.
  if (
    data.SignatureStatus === undefined &&
    data.Signed !== undefined &&
    data.Signed !== 'true' &&
    data.Signed !== 'false'
  ) {
    out.set('dll.code_signature.status', data.Signed);
  }
};

/** A deep copy of a JSON value, as a JSON round trip would make it (without the text in between). */
function cloneJson(value: unknown): unknown {
  if (typeof value !== 'object' || value === null) return value;
  if (Array.isArray(value)) return value.map((item) => (item === undefined ? null : cloneJson(item)));
  const copy: Record<string, unknown> = {};
  for (const [key, member] of Object.entries(value))
    if (member !== undefined) setOwn(copy, key, cloneJson(member));
  return copy;
}

/** user.domain / user.name from a "DOMAIN\\name" field (Sysmon's User). */
export function userFrom(field: string): Enricher {
  return ({ data, out }) => {
    const text = data[field];
    if (text === undefined) return;
    const parts = splitDomainUser(text);
    if (!parts) return;
    out.set('user.domain', parts.domain);
    out.set('user.name', parts.name);
  };
}

/** Sysmon's RuleName, unless it is the "-" placeholder. */
export const ruleName: Enricher = ({ data, out }) => {
  if (data.RuleName !== undefined && data.RuleName !== '-') out.set('rule.name', data.RuleName);
};

/** network.direction / network.type from Sysmon 3's Initiated and SourceIsIpv6. */
export const networkFlags: Enricher = ({ data, out }) => {
  if (data.Initiated === 'true') out.set('network.direction', 'egress');
  else if (data.Initiated === 'false') out.set('network.direction', 'ingress');
  if (data.SourceIsIpv6 === 'true') out.set('network.type', 'ipv6');
  else if (data.SourceIsIpv6 === 'false') out.set('network.type', 'ipv4');
};

/** dns.* from Sysmon 22's QueryResults and QueryStatus. */
export const dnsQuery: Enricher = ({ data, out }) => {
  out.set('network.protocol', 'dns');
  if (data.QueryStatus !== undefined) out.set('sysmon.dns.status', dnsStatusName(data.QueryStatus));
  if (data.QueryResults !== undefined) {
    const results = parseDnsResults(data.QueryResults);
    out.set('dns.answers', results.answers);
    out.set('dns.resolved_ip', results.resolvedIps);
    for (const host of results.hosts) out.append('related.hosts', host);
    for (const ip of results.resolvedIps) out.append('related.ip', ip);
  }
  const name = out.get('dns.question.name');
  if (typeof name === 'string') out.append('related.hosts', name);
};

/** registry.* from TargetObject and Details. */
export const registry: Enricher = ({ data, out }) => {
  if (data.TargetObject === undefined) return;
  const fields = registryFields(data.TargetObject, data.Details);
  out.set('registry.path', fields.path);
  out.set('registry.hive', fields.hive);
  out.set('registry.key', fields.key);
  out.set('registry.value', fields.value);
  out.set('registry.data', fields.data);
};

/** sysmon.file.* flags of Sysmon 23/26. */
export const sysmonFileFlags: Enricher = ({ data, out }) => {
  if (data.Archived !== undefined) out.set('sysmon.file.archived', data.Archived === 'true');
  if (data.IsExecutable !== undefined) out.set('sysmon.file.is_executable', data.IsExecutable === 'true');
};

/** related.user / related.ip from the fields already mapped. */
export const related: Enricher = ({ out }: MapContext) => {
  for (const path of ['user.name', 'user.target.name']) {
    const value = out.get(path);
    if (typeof value === 'string') out.append('related.user', value);
  }
  for (const path of ['source.ip', 'destination.ip']) {
    const value = out.get(path);
    if (typeof value === 'string') out.append('related.ip', value);
  }
};
