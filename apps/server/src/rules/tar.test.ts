import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createTar } from './tar.js';

describe('createTar', () => {
  it('writes an archive that tar extracts byte for byte', () => {
    const dir = mkdtempSync(join(tmpdir(), 'rulebench-tar-'));
    try {
      const content = '[rule]\nname = "Ünïcode ✓"\n';
      const archive = createTar([
        { name: 'rules/a.toml', content },
        { name: 'rules/empty.toml', content: '' },
        { name: 'rules/big.toml', content: 'x'.repeat(1500) },
      ]);
      expect(archive.length % 512).toBe(0);
      // 3 headers + data blocks (1 + 0 + 3) + 2 end blocks.
      expect(archive.length).toBe(512 * 9);
      writeFileSync(join(dir, 'out.tar'), archive);
      execFileSync('tar', ['-xf', 'out.tar'], { cwd: dir });
      expect(readFileSync(join(dir, 'rules/a.toml'), 'utf8')).toBe(content);
      expect(readFileSync(join(dir, 'rules/empty.toml'), 'utf8')).toBe('');
      expect(readFileSync(join(dir, 'rules/big.toml'), 'utf8')).toBe('x'.repeat(1500));
      expect(execFileSync('tar', ['-tf', 'out.tar'], { cwd: dir, encoding: 'utf8' })).toBe(
        'rules/a.toml\nrules/empty.toml\nrules/big.toml\n',
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('refuses names a ustar header cannot hold', () => {
    expect(() => createTar([{ name: 'a'.repeat(101), content: '' }])).toThrow(/1-100 ASCII/);
    expect(() => createTar([{ name: 'é.toml', content: '' }])).toThrow(/1-100 ASCII/);
  });
});
