import { beforeAll, describe, expect, it } from 'vitest';
import { runCli, tempDir, writeTemp } from './run-cli.js';

const eql: Record<string, unknown> = await import('@rulebench/eql');
const hasEngine = typeof eql.compile === 'function';
if (!hasEngine)
  console.warn(
    '[cli tests] SKIPPING rulebench search end-to-end tests: @rulebench/eql does not export compile() yet',
  );

const events = [
  {
    '@timestamp': '2024-01-01T00:00:01Z',
    event: { category: 'process' },
    process: { name: 'WINWORD.EXE', pid: 10 },
  },
  {
    '@timestamp': '2024-01-01T00:00:02Z',
    event: { category: 'library' },
    process: { name: 'winword.exe' },
    dll: { name: 'wmiutils.dll' },
  },
  { '@timestamp': '2024-01-01T00:00:03Z', 'event.category': 'process', 'process.name': 'cmd.exe' },
  {
    '@timestamp': '2024-01-01T00:00:04Z',
    event: { category: 'process' },
    process: { name: 'EXCEL.EXE', pid: 11 },
  },
];

describe.skipIf(!hasEngine)('rulebench search (real engine, spawned)', () => {
  let file: string;
  beforeAll(() => {
    const dir = tempDir();
    file = writeTemp(dir, 'sample.ndjson', `${events.map((e) => JSON.stringify(e)).join('\n')}\n`);
  });

  it('prints the _eql/search response for an event query', async () => {
    const result = await runCli([
      'search',
      '--events',
      file,
      '--query',
      'process where process.name : ("winword.exe", "excel.exe")',
    ]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const response = JSON.parse(result.stdout) as { took: number };
    expect({ ...response, took: 0 }).toEqual({
      is_partial: false,
      is_running: false,
      took: 0,
      timed_out: false,
      hits: {
        total: { value: 2, relation: 'eq' },
        events: [
          { _index: 'sample.ndjson', _id: '1', _source: events[0] },
          { _index: 'sample.ndjson', _id: '4', _source: events[3] },
        ],
      },
    });
    expect(result.stdout.startsWith('{\n  "is_partial": false,')).toBe(true);
  });

  it('honours --size and --result-position tail', async () => {
    const result = await runCli([
      'search',
      '--events',
      file,
      '--query',
      'any where true',
      '--size',
      '1',
      '--result-position',
      'tail',
    ]);
    expect(result.code).toBe(0);
    const response = JSON.parse(result.stdout) as { hits: { events: { _id: string }[] } };
    expect(response.hits.events.map((e) => e._id)).toEqual(['4']);
  });

  it('counts the hits returned in hits.total (head and tail alike) and numbers lines from 1', async () => {
    const expected = { head: ['1', '2'], tail: ['3', '4'] };
    for (const position of ['head', 'tail'] as const) {
      const args = ['search', '--events', file, '--query', 'any where true', '--size', '2'];
      const result = await runCli([...args, '--result-position', position]);
      expect(result.code).toBe(0);
      const response = JSON.parse(result.stdout) as {
        hits: { total: unknown; events: { _id: string }[] };
      };
      expect(response.hits.total).toEqual({ value: 2, relation: 'eq' });
      expect(response.hits.events.map((e) => e._id)).toEqual(expected[position]);
    }
  });

  it('reads events from stdin with -', async () => {
    const result = await runCli(
      ['search', '--events', '-', '--query', 'library where dll.name == "wmiutils.dll"'],
      {
        stdin: `${JSON.stringify(events[1])}\n`,
      },
    );
    expect(result.code).toBe(0);
    const response = JSON.parse(result.stdout) as { hits: { events: unknown[] } };
    expect(response.hits.events).toEqual([{ _index: 'stdin', _id: '1', _source: events[1] }]);
  });

  it('exits 1 with line:col, the message and a code frame for a bad query', async () => {
    const result = await runCli(['search', '--events', file, '--query', 'process where\n  process.name == ']);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    const [first, ...frame] = result.stderr.trimEnd().split('\n');
    expect(first).toMatch(/^2:\d+: .+/);
    expect(frame.join('\n')).toContain('2 |   process.name ==');
    expect(frame.at(-1)).toMatch(/^\s+\| +\^+$/);
  });

  it('exits 1 naming the line of a malformed event', async () => {
    const bad = writeTemp(tempDir(), 'bad.ndjson', `${JSON.stringify(events[0])}\n{"broken": \n`);
    const result = await runCli(['search', '--events', bad, '--query', 'any where true']);
    expect(result.code).toBe(1);
    // Line and column of the fault: the line ends where a value should be.
    expect(result.stderr).toBe(`${bad}:2:11: invalid JSON: Unexpected end of JSON input\n`);
  });
});

describe('rulebench usage', () => {
  it('exits 2 with usage on a bad flag, before reading anything', async () => {
    const result = await runCli([
      'search',
      '--events',
      'x.ndjson',
      '--query',
      'any where true',
      '--size',
      '-3',
    ]);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(
      result.stderr.startsWith(
        'rulebench search: --size must be an integer ≥ 0, got -3\n\nUsage: rulebench search',
      ),
    ).toBe(true);
  });

  it('exits 2 on an unknown command', async () => {
    const result = await runCli(['serach']);
    expect(result.code).toBe(2);
    expect(result.stderr.startsWith('rulebench: unknown command "serach"')).toBe(true);
  });

  it('prints help on --help with exit 0', async () => {
    const result = await runCli(['search', '--help']);
    expect(result.code).toBe(0);
    expect(result.stdout.startsWith('Usage: rulebench search --events FILE --query EQL')).toBe(true);
  });
});
