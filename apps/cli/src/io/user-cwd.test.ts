import { describe, expect, it } from 'vitest';
import { userCwd } from './user-cwd.js';

describe('userCwd', () => {
  it('is INIT_CWD when the script runner moved the process to the package folder', () => {
    const env = { INIT_CWD: '/home/me/rules', npm_package_json: '/repo/package.json' };
    expect(userCwd(env, '/repo')).toBe('/home/me/rules');
  });

  it('is the process folder when not run by a script runner', () => {
    expect(userCwd({}, '/home/me')).toBe('/home/me');
    expect(userCwd({ INIT_CWD: '/home/me/rules' }, '/repo')).toBe('/repo');
  });

  it('is the process folder for a CLI a script spawned somewhere else (it inherits INIT_CWD)', () => {
    const env = { INIT_CWD: '/repo', npm_package_json: '/repo/package.json' };
    expect(userCwd(env, '/tmp/work')).toBe('/tmp/work');
  });
});
