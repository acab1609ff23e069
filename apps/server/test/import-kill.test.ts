import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PACKAGE_DIR } from '../src/config.js';
import { importCorpus } from '../src/corpora/import-corpus.js';
import { ndjsonRecords } from '../src/corpora/source-records.js';
import { Store } from '../src/store/store.js';
import { FIXTURE_EVENTS, tempDir, toNdjson } from './helpers.js';

const REPO = join(PACKAGE_DIR, '..', '..');

describe('a process killed in the middle of an import', () => {
  it('leaves the store exactly as it was before the import', async () => {
    const dir = tempDir();
    try {
      const dataDir = join(dir.path, 'data');
      const store = Store.open(dataDir);
      const kept = await importCorpus(store, ndjsonRecords([Buffer.from(toNdjson(FIXTURE_EVENTS))]), {
        name: 'kept',
        description: '',
        origin: null,
        skipInvalid: false,
      });
      expect(kept.ok).toBe(true);
      const before = store.corpora.list();
      store.close();

      const child = spawn(
        process.execPath,
        [
          '--conditions=@rulebench/source',
          '--import',
          'tsx',
          join(PACKAGE_DIR, 'test', 'fixtures', 'import-forever.ts'),
          dataDir,
        ],
        { cwd: REPO, stdio: ['ignore', 'pipe', 'pipe'] },
      );
      let stderr = '';
      child.stderr.on('data', (chunk: Buffer) => {
        stderr += chunk.toString();
      });
      const exited = new Promise<NodeJS.Signals | null>((resolve) =>
        child.on('exit', (_code, signal) => resolve(signal)),
      );
      await new Promise<void>((resolve, reject) => {
        child.stdout.on('data', (chunk: Buffer) => {
          if (chunk.toString().includes('importing')) resolve();
        });
        child.on('exit', () => reject(new Error(`child ended before importing: ${stderr}`)));
      });
      child.kill('SIGKILL');
      expect(await exited).toBe('SIGKILL');

      const after = Store.open(dataDir);
      try {
        expect(after.db.pragma('integrity_check', { simple: true })).toBe('ok');
        expect(after.corpora.list()).toEqual(before);
        expect(after.db.prepare('SELECT count(*) AS n FROM events').get()).toEqual({ n: 5 });
        expect(after.db.prepare('SELECT count(*) AS n FROM contents').get()).toEqual({ n: 1 });
      } finally {
        after.close();
      }
    } finally {
      dir.cleanup();
    }
  });
});
