import { describe, expect, it } from 'vitest';
import { configFromEnv, PACKAGE_DIR } from './config.js';

describe('configFromEnv', () => {
  it('defaults to 127.0.0.1:8787 and ./data under the folder npm was run from', () => {
    const config = configFromEnv({ INIT_CWD: '/home/user/rulebench' }, '/home/user/rulebench/apps/server');
    expect(config.port).toBe(8787);
    expect(config.host).toBe('127.0.0.1');
    expect(config.dataDir).toBe('/home/user/rulebench/data');
    expect(config.uploadLimitBytes).toBe(256 * 1024 * 1024);
    expect(config.corporaDir).toBe(`${PACKAGE_DIR}/corpora`);
  });

  it('falls back to the working directory without INIT_CWD, and resolves relative paths from it', () => {
    const config = configFromEnv({ DATA_DIR: 'state/db', PORT: '9000', HOST: '0.0.0.0' }, '/srv/app');
    expect(config.dataDir).toBe('/srv/app/state/db');
    expect(config.port).toBe(9000);
    expect(config.host).toBe('0.0.0.0');
  });

  it('keeps absolute paths and reads the upload limit in MB', () => {
    const config = configFromEnv(
      { DATA_DIR: '/var/lib/rulebench', UPLOAD_LIMIT_MB: '1.5', WEB_DIST_DIR: 'web' },
      '/x',
    );
    expect(config.dataDir).toBe('/var/lib/rulebench');
    expect(config.uploadLimitBytes).toBe(1.5 * 1024 * 1024);
    expect(config.webDistDir).toBe('/x/web');
  });

  it('rejects a bad port or limit with a clear message', () => {
    expect(() => configFromEnv({ PORT: 'eighty' }, '/x')).toThrow('PORT must be a port number, got "eighty"');
    expect(() => configFromEnv({ UPLOAD_LIMIT_MB: '-1' }, '/x')).toThrow(
      'UPLOAD_LIMIT_MB must be a positive number, got "-1"',
    );
  });
});
