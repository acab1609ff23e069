import { describe, expect, it } from 'vitest';
import { parseArgs, UsageError } from './args.js';

const specs = {
  events: { type: 'string' },
  size: { type: 'integer', min: 0 },
  position: { type: 'enum', values: ['head', 'tail'] },
  quiet: { type: 'boolean' },
  index: { type: 'string', repeatable: true },
} as const;

describe('parseArgs', () => {
  it('reads --flag value, --flag=value, booleans, repeats and positionals', () => {
    const parsed = parseArgs(
      ['--events', 'a.ndjson', '--size=5', '--quiet', '--index', 'x-*', '--index=y-*', 'file', '-'],
      specs,
    );
    expect(parsed.flags).toEqual({ events: 'a.ndjson', size: 5, quiet: true, index: ['x-*', 'y-*'] });
    expect(parsed.positionals).toEqual(['file', '-']);
  });

  it('treats everything after -- as positional', () => {
    expect(parseArgs(['--', '--size'], specs).positionals).toEqual(['--size']);
  });

  it.each([
    [['--sise', '3'], 'unknown option --sise (did you mean --size?)'],
    [['--size', 'ten'], '--size must be an integer, got "ten"'],
    [['--size', '-1'], '--size must be an integer ≥ 0, got -1'],
    [['--position', 'middle'], '--position must be one of head, tail; got "middle"'],
    [['--events'], '--events needs a value'],
    [['--events', '--size'], '--events needs a value'],
    [['--quiet=yes'], '--quiet takes no value'],
    [['--size', '1', '--size', '2'], '--size given twice'],
    [['-x'], 'unknown option -x'],
    [['--events', ''], '--events needs a value, got ""'],
    [['--events='], '--events needs a value, got ""'],
    [['--index', 'a', '--index', ''], '--index needs a value, got ""'],
    [['--size='], '--size needs a value, got ""'],
    [['file', ''], 'an empty argument ("") where a path was expected'],
  ])('rejects %j', (argv, message) => {
    expect(() => parseArgs(argv, specs)).toThrow(new UsageError(message));
  });
});
