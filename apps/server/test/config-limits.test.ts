import { describe, expect, it } from 'vitest';
import { configFromEnv, PACKAGE_DIR } from '../src/config.js';

describe('rule library and permalink limits', () => {
  it('default to 4 MB per rule, 2 MB per permalink and the bundled rules folder', () => {
    const config = configFromEnv({}, '/x');
    expect(config.ruleMaxBytes).toBe(4 * 1024 * 1024);
    expect(config.permalinkMaxBytes).toBe(2 * 1024 * 1024);
    expect(config.bundledRulesDir).toBe(`${PACKAGE_DIR}/rules`);
  });

  it('read RULE_MAX_MB, PERMALINK_MAX_BYTES and RULES_DIR', () => {
    const config = configFromEnv(
      { RULE_MAX_MB: '0.5', PERMALINK_MAX_BYTES: '65536', RULES_DIR: 'my-rules' },
      '/x',
    );
    expect(config.ruleMaxBytes).toBe(512 * 1024);
    expect(config.permalinkMaxBytes).toBe(65536);
    expect(config.bundledRulesDir).toBe('/x/my-rules');
    expect(() => configFromEnv({ PERMALINK_MAX_BYTES: 'lots' }, '/x')).toThrow(
      'PERMALINK_MAX_BYTES must be a positive number, got "lots"',
    );
  });
});
