/**
 * Synthetic ECS events for benchmarks: a deterministic mix of process starts and library loads
 * on Windows and Linux hosts, with nested objects, arrays (`event.category`, `process.args`) and
 * ISO timestamps, roughly the shape Elastic's Sysmon and Endpoint integrations write. About one
 * event in a thousand is a positive for the seed rule.
 */

import type { EqlEvent } from '../execute/types.js';

/**
 * A small fast PRNG (mulberry32) so runs are reproducible without Node APIs; statistical quality is
 * irrelevant here. Also seeds the browser benchmark's corpus (e2e/bench/synthetic-corpus.ts).
 */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PROCESSES = [
  'svchost.exe',
  'explorer.exe',
  'chrome.exe',
  'WINWORD.EXE',
  'EXCEL.EXE',
  'powershell.exe',
  'cmd.exe',
  'OUTLOOK.EXE',
  'msedge.exe',
  'rundll32.exe',
  'wscript.exe',
  'bash',
  'sshd',
];
const PARENTS = [
  'explorer.exe',
  'services.exe',
  'WINWORD.EXE',
  'EXCEL.EXE',
  'cmd.exe',
  'systemd',
  'outlook.exe',
];
const DLLS = [
  'kernel32.dll',
  'ntdll.dll',
  'user32.dll',
  'wmiutils.dll',
  'amsi.dll',
  'clr.dll',
  'msvcrt.dll',
  'combase.dll',
];
const USERS = ['alice', 'bob', 'SYSTEM', 'LOCAL SERVICE', 'carol'];
const COMMANDS = [
  '-NoProfile -enc SQBFAFgA',
  'iex (New-Object Net.WebClient).DownloadString(x)',
  '/c whoami',
  '--version',
  '',
];

function pick<T>(items: readonly T[], r: () => number): T {
  return items[Math.floor(r() * items.length)] as T;
}

export function syntheticEvents(count: number, seed = 42): EqlEvent[] {
  const r = seededRandom(seed);
  const start = Date.UTC(2024, 0, 1);
  const events: EqlEvent[] = new Array(count);
  for (let i = 0; i < count; i++) {
    const windows = r() < 0.8;
    const library = r() < 0.5;
    const name = windows ? pick(PROCESSES.slice(0, 11), r) : pick(PROCESSES.slice(11), r);
    const dll = pick(DLLS, r);
    const command = pick(COMMANDS, r);
    const source: Record<string, unknown> = {
      '@timestamp': new Date(start + i * 37 + Math.floor(r() * 1000)).toISOString(),
      event: library
        ? { category: ['library'], type: ['info'], action: 'Image loaded (rule: ImageLoad)', sequence: i }
        : {
            category: ['process'],
            type: ['start'],
            action: 'Process Create (rule: ProcessCreate)',
            sequence: i,
          },
      host: {
        name: `host-${i % 50}`,
        os: { type: windows ? 'windows' : 'linux', family: windows ? 'windows' : 'debian' },
      },
      user: { name: pick(USERS, r) },
      process: {
        pid: 4 + Math.floor(r() * 30000),
        name,
        executable: windows ? `C:\\Windows\\System32\\${name}` : `/usr/bin/${name}`,
        command_line: `${name} ${command}`,
        args: [name, ...command.split(' ').filter((a) => a !== '')],
        parent: { name: pick(PARENTS, r), pid: Math.floor(r() * 30000) },
        entity_id: `{${i.toString(16)}}`,
      },
    };
    if (library) {
      source.dll = { name: dll, path: `C:\\Windows\\System32\\${dll}` };
      source.file = { name: dll, path: `C:\\Windows\\System32\\${dll}` };
    }
    events[i] = { _index: 'bench', _id: String(i), _source: source };
  }
  return events;
}

const SEQUENCE_NAMES = ['cmd.exe', 'powershell.exe', 'svchost.exe', 'explorer.exe'];

/**
 * Events for the sequence benchmark, in time order (one per millisecond): process starts and
 * ends and network connections over 4096 pids, about a third of them network events.
 */
export function syntheticSequenceEvents(count: number): EqlEvent[] {
  const base = Date.UTC(2024, 0, 1);
  const events: EqlEvent[] = new Array(count);
  let seed = 42;
  // xorshift32: every bit is usable (an LCG's low bits would tie pid, name and port together).
  const rand = (): number => {
    seed ^= seed << 13;
    seed ^= seed >>> 17;
    seed ^= seed << 5;
    return seed >>> 0;
  };
  for (let i = 0; i < count; i++) {
    const r = rand();
    const pid = r % 4096;
    const network = (r >>> 12) % 3 === 0;
    const source: Record<string, unknown> = network
      ? {
          '@timestamp': base + i,
          event: { category: 'network', type: 'connection' },
          process: { pid, name: SEQUENCE_NAMES[pid % 4] },
          destination: { port: (r >>> 14) % 2 === 0 ? 443 : 80, ip: '10.0.0.1' },
        }
      : {
          '@timestamp': base + i,
          event: { category: 'process', type: (r >>> 16) % 4 === 0 ? 'end' : 'start' },
          process: { pid, name: SEQUENCE_NAMES[(r >>> 18) % 4], command_line: 'cmd.exe /c whoami' },
          user: { name: `user${pid % 17}` },
        };
    events[i] = { _index: 'bench', _id: String(i), _source: source };
  }
  return events;
}
