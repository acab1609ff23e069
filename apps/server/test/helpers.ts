import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../src/build-app.js';
import { type AppConfig, defaultConfig } from '../src/config.js';

/** A fresh temporary folder, removed by the returned `cleanup`. */
export function tempDir(prefix = 'rulebench-server-'): {
  readonly path: string;
  readonly cleanup: () => void;
} {
  const path = mkdtempSync(join(tmpdir(), prefix));
  return { path, cleanup: () => rmSync(path, { recursive: true, force: true }) };
}

/**
 * Five ECS events around the seed rule, written out of time order on purpose: two positives
 * (Office loading wmiutils.dll, once as `library`, once as Sysmon's "Image loaded" process
 * event) and three near misses.
 */
export const FIXTURE_EVENTS: readonly Record<string, unknown>[] = [
  {
    '@timestamp': '2024-03-01T10:00:03.000Z',
    event: { category: ['library'], action: 'load', code: '7' },
    host: { os: { type: 'windows' }, name: 'ws1' },
    process: {
      name: 'WINWORD.EXE',
      executable: 'C:\\Program Files\\Microsoft Office\\WINWORD.EXE',
      pid: 4100,
    },
    dll: { name: 'wmiutils.dll', path: 'C:\\Windows\\System32\\wbem\\wmiutils.dll' },
  },
  {
    '@timestamp': '2024-03-01T10:00:01.000Z',
    event: { category: ['process'], action: 'start', code: '1' },
    host: { os: { type: 'windows' }, name: 'ws1' },
    process: { name: 'cmd.exe', executable: 'C:\\Windows\\System32\\cmd.exe', pid: 4000 },
  },
  {
    '@timestamp': '2024-03-01T10:00:02.000Z',
    event: { category: ['library'], action: 'load', code: '7' },
    host: { os: { type: 'windows' }, name: 'ws1' },
    process: { name: 'WINWORD.EXE', pid: 4100 },
    dll: { name: 'kernel32.dll' },
  },
  {
    '@timestamp': 1709287205000,
    'event.category': 'process',
    'event.action': 'Image loaded (rule: ImageLoad)',
    'host.os.type': 'windows',
    'process.name': 'EXCEL.EXE',
    'file.name': 'wmiutils.dll',
  },
  {
    '@timestamp': '2024-03-01T10:00:04Z',
    event: { category: ['library'], action: 'load', code: '7' },
    host: { os: { type: 'windows' }, name: 'ws2' },
    process: { name: 'wscript.exe' },
    dll: { name: 'wmiutils.dll' },
  },
];

export const FIXTURE_QUERY = `any where host.os.type == "windows" and
 (event.category : ("library", "driver") or (event.category == "process" and event.action : "Image loaded*")) and
  process.name : ("WINWORD.EXE", "EXCEL.EXE", "POWERPNT.EXE", "MSPUB.EXE", "MSACCESS.EXE") and
  (?dll.name : "wmiutils.dll" or file.name : "wmiutils.dll")`;

export const toNdjson = (events: readonly unknown[]): string =>
  `${events.map((e) => JSON.stringify(e)).join('\n')}\n`;

/** Writes the fixture corpus (`fixture.ndjson` + manifest) into `dir`. */
export function writeFixtureCorpus(dir: string, events: readonly unknown[] = FIXTURE_EVENTS): void {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'fixture.ndjson'), toNdjson(events));
  writeFileSync(
    join(dir, 'fixture.json'),
    JSON.stringify({ id: 'fixture', name: 'Fixture events', description: 'Five events for tests' }),
  );
}

export interface TestApp {
  readonly app: FastifyInstance;
  readonly config: AppConfig;
  readonly root: string;
  readonly close: () => Promise<void>;
}

/**
 * The app on a temporary data folder, with the fixture as its only bundled corpus and no web
 * build, unless `overrides` says otherwise. No port is opened.
 */
export async function startTestApp(overrides: Partial<AppConfig> = {}, root?: string): Promise<TestApp> {
  const dir = root ? { path: root, cleanup: () => {} } : tempDir();
  const corporaDir = join(dir.path, 'corpora');
  if (!overrides.corporaDir) writeFixtureCorpus(corporaDir);
  const config = defaultConfig({
    dataDir: join(dir.path, 'data'),
    corporaDir,
    webDistDir: join(dir.path, 'web-missing'),
    ...overrides,
  });
  const app = await buildApp(config, { logger: false });
  return {
    app,
    config,
    root: dir.path,
    close: async () => {
      await app.close();
      dir.cleanup();
    },
  };
}
