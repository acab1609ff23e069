/**
 * A synthetic ECS corpus for benchmarks: Windows process starts, image loads, network
 * connections and file creations spread over hosts and a week, from a seeded generator so every
 * run replays the same events. Fields follow ECS as the Elastic Windows integration fills them.
 */

import { seededRandom } from '@rulebench/eql/bench';

const PROCESSES = [
  ['explorer.exe', 'C:\\Windows\\explorer.exe'],
  ['svchost.exe', 'C:\\Windows\\System32\\svchost.exe'],
  ['powershell.exe', 'C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe'],
  ['cmd.exe', 'C:\\Windows\\System32\\cmd.exe'],
  ['WINWORD.EXE', 'C:\\Program Files\\Microsoft Office\\root\\Office16\\WINWORD.EXE'],
  ['EXCEL.EXE', 'C:\\Program Files\\Microsoft Office\\root\\Office16\\EXCEL.EXE'],
  ['chrome.exe', 'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe'],
  ['rundll32.exe', 'C:\\Windows\\System32\\rundll32.exe'],
  ['regsvr32.exe', 'C:\\Windows\\System32\\regsvr32.exe'],
  ['wmiprvse.exe', 'C:\\Windows\\System32\\wbem\\WmiPrvSE.exe'],
] as const;
const DLLS = [
  'kernel32.dll',
  'ntdll.dll',
  'user32.dll',
  'wmiutils.dll',
  'amsi.dll',
  'clr.dll',
  'wininet.dll',
];
const USERS = ['alice', 'bob', 'carol', 'dave', 'SYSTEM'];
const START = Date.parse('2024-03-04T00:00:00.000Z');
const WEEK_MS = 7 * 24 * 3600 * 1000;

function pick<T>(random: () => number, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)] as T;
}

/** `count` events as NDJSON lines, in time order. */
export function* syntheticEvents(count: number, seed = 42): Generator<string> {
  const random = seededRandom(seed);
  const step = WEEK_MS / count;
  for (let i = 0; i < count; i++) {
    const [name, executable] = pick(random, PROCESSES);
    const [parentName, parentExecutable] = pick(random, PROCESSES);
    const host = `WS-${String(Math.floor(random() * 40)).padStart(3, '0')}`;
    const pid = 1000 + Math.floor(random() * 60000);
    const kind = random();
    const base = {
      '@timestamp': new Date(START + Math.floor(i * step)).toISOString(),
      host: { name: `${host}.corp.example`, hostname: host, os: { type: 'windows', family: 'windows' } },
      user: { name: pick(random, USERS), domain: 'CORP' },
      process: {
        name,
        executable,
        pid,
        entity_id: `{${host}-${pid}-${i % 997}}`,
        parent: { name: parentName, executable: parentExecutable, pid: pid - 7 },
      },
    };
    let event: Record<string, unknown>;
    if (kind < 0.35) {
      event = {
        ...base,
        event: { category: ['process'], type: ['start'], action: 'Process creation', code: '1' },
        process: { ...base.process, command_line: `"${executable}" -n ${i % 50}`, args_count: 2 },
      };
    } else if (kind < 0.7) {
      const dll = pick(random, DLLS);
      event = {
        ...base,
        event: {
          category: ['library'],
          type: ['start'],
          action: 'Image loaded (rule: ImageLoad)',
          code: '7',
        },
        dll: { name: dll, path: `C:\\Windows\\System32\\${dll}` },
      };
    } else if (kind < 0.9) {
      event = {
        ...base,
        event: {
          category: ['network'],
          type: ['connection', 'start'],
          action: 'Network connection detected',
          code: '3',
        },
        destination: {
          ip: `10.0.${Math.floor(random() * 255)}.${Math.floor(random() * 255)}`,
          port: pick(random, [80, 443, 445, 3389, 8080]),
        },
        network: { transport: 'tcp', direction: 'egress' },
      };
    } else {
      event = {
        ...base,
        event: { category: ['file'], type: ['creation'], action: 'File created', code: '11' },
        file: {
          name: `report-${i % 300}.docx`,
          path: `C:\\Users\\Public\\report-${i % 300}.docx`,
          extension: 'docx',
        },
      };
    }
    yield JSON.stringify(event);
  }
}
