import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, PAGE_SIZE } from './database.js';

describe('openDatabase', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'rulebench-db-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('creates new databases with 16 KiB pages, in WAL mode', () => {
    const db = openDatabase(join(dir, 'new.db'));
    try {
      expect(PAGE_SIZE).toBe(16_384);
      expect(db.pragma('page_size', { simple: true })).toBe(16_384);
      expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    } finally {
      db.close();
    }
  });

  it('leaves the page size of an existing database as it is', () => {
    const file = join(dir, 'old.db');
    const old = new Database(file);
    old.pragma('journal_mode = WAL');
    old.exec('CREATE TABLE kept (x)');
    old.prepare('INSERT INTO kept VALUES (?)').run('still here');
    old.close();
    const db = openDatabase(file);
    try {
      expect(db.pragma('page_size', { simple: true })).toBe(4096);
      expect(db.prepare('SELECT x FROM kept').pluck().get()).toBe('still here');
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    } finally {
      db.close();
    }
  });
});
