import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import type { CompileOptions, EqlEvent, SearchOptions } from '@rulebench/eql';
import { describe, expect, it } from 'vitest';
import { run } from '../cli.js';
import { loadEqlEngine, type SearchEngine } from '../engine.js';

/** Records what the command hands the engine; answers with every pushed event. */
function fakeEngine() {
  const seen: {
    query?: string;
    compileOptions?: CompileOptions;
    options?: SearchOptions;
    events: EqlEvent[];
  } = { events: [] };
  const engine: SearchEngine = {
    compile(query, compileOptions) {
      seen.query = query;
      seen.compileOptions = compileOptions;
      return {
        executor(options) {
          seen.options = options;
          return {
            push: (event) => seen.events.push(event),
            finish: () => ({
              is_partial: false,
              is_running: false,
              took: 0,
              timed_out: false,
              hits: { total: { value: seen.events.length, relation: 'eq' }, events: seen.events },
            }),
          };
        },
      };
    },
  };
  return { engine, seen };
}

async function runWith(argv: string[], engine: SearchEngine, stdin = '') {
  let stdout = '';
  let stderr = '';
  const code = await run(
    argv,
    {
      stdout: { write: (t: string) => (stdout += t) },
      stderr: { write: (t: string) => (stderr += t) },
      stdin: Readable.from([Buffer.from(stdin)]),
      cwd: process.cwd(),
    },
    async () => engine,
  );
  return { code, stdout, stderr };
}

const dir = mkdtempSync(join(tmpdir(), 'rulebench-search-'));
const file = join(dir, 'events.ndjson');
writeFileSync(file, '{"a":1}\n\n{"b":2}\r\n');

describe('search command (fake engine)', () => {
  it('streams each line as an event with its line number as _id and the file name as _index', async () => {
    const { engine, seen } = fakeEngine();
    const result = await runWith(
      [
        'search',
        '--events',
        file,
        '--query',
        'any where true',
        '--size',
        '3',
        '--result-position',
        'tail',
        '--timestamp-field',
        'ts',
        '--tiebreaker-field',
        'seq',
        '--event-category-field',
        'cat',
        '--fetch-size',
        '50',
        '--max-samples-per-key',
        '2',
        '--presorted',
      ],
      engine,
    );
    expect(result.code).toBe(0);
    expect(seen.query).toBe('any where true');
    expect(seen.compileOptions).toEqual({ timestampField: 'ts' });
    expect(seen.options).toEqual({
      size: 3,
      resultPosition: 'tail',
      timestampField: 'ts',
      tiebreakerField: 'seq',
      eventCategoryField: 'cat',
      fetchSize: 50,
      maxSamplesPerKey: 2,
      presorted: true,
    });
    expect(seen.events).toEqual([
      { _index: 'events.ndjson', _id: '1', _source: { a: 1 } },
      { _index: 'events.ndjson', _id: '3', _source: { b: 2 } },
    ]);
    expect(JSON.parse(result.stdout).hits.total).toEqual({ value: 2, relation: 'eq' });
    expect(result.stdout.startsWith('{\n  "is_partial": false,\n')).toBe(true);
  });

  it('reads stdin for -', async () => {
    const { engine, seen } = fakeEngine();
    const result = await runWith(['search', '--events', '-', '--query', 'q'], engine, '{"x":"y"}\n');
    expect(result.code).toBe(0);
    expect(seen.events).toEqual([{ _index: 'stdin', _id: '1', _source: { x: 'y' } }]);
  });

  it('fails on a malformed line with its number, or skips it with --skip-bad', async () => {
    const bad = join(dir, 'bad.ndjson');
    writeFileSync(bad, '{"a":1}\n[1]\n{nope\n{"c":3}\n');
    const failed = await runWith(['search', '--events', bad, '--query', 'q'], fakeEngine().engine);
    expect(failed).toEqual({
      code: 1,
      stdout: '',
      stderr: `${bad}:2: expected a JSON object, found an array\n`,
    });
    const { engine, seen } = fakeEngine();
    const skipped = await runWith(['search', '--events', bad, '--query', 'q', '--skip-bad'], engine);
    expect(skipped.code).toBe(0);
    expect(seen.events.map((e) => e._id)).toEqual(['1', '4']);
    expect(skipped.stderr.split('\n')[2]).toBe('2 malformed lines skipped');
  });

  it('reads a file of several chunks in batches: numbers run on, bad lines skip, done stops', async () => {
    // ~600 KB: three 256 KiB reads, so records complete across chunk (and batch) boundaries.
    const pad = 'x'.repeat(100);
    const lines = Array.from({ length: 5000 }, (_, i) =>
      i === 2999 ? '{nope' : JSON.stringify({ n: i + 1, pad }),
    );
    const big = join(dir, 'big.ndjson');
    writeFileSync(big, `${lines.join('\n')}\n`);
    const ids: string[] = [];
    const engine: SearchEngine = {
      compile: () => ({
        executor: () => ({
          push: (event) => {
            ids.push(event._id);
            expect((event._source as { n: number }).n).toBe(Number(event._id));
          },
          // Full after 4000 events: nothing more is pushed, even mid-batch.
          get done() {
            return ids.length >= 4000;
          },
          finish: () => ({
            is_partial: false,
            is_running: false,
            took: 0,
            timed_out: false,
            hits: { total: { value: ids.length, relation: 'eq' } },
          }),
        }),
      }),
    };
    const result = await runWith(['search', '--events', big, '--query', 'q', '--skip-bad'], engine);
    expect(result.code).toBe(0);
    expect(ids).toHaveLength(4000);
    expect([ids[0], ids[2998], ids[2999], ids[3999]]).toEqual(['1', '2999', '3001', '4001']);
    const [skippedLine, summary] = result.stderr.split('\n');
    expect(skippedLine?.startsWith(`${big}:3000:2: skipped: invalid JSON`)).toBe(true);
    expect(summary).toBe('1 malformed line skipped');
  });

  it('reports a missing file', async () => {
    const result = await runWith(
      ['search', '--events', join(dir, 'absent.ndjson'), '--query', 'q'],
      fakeEngine().engine,
    );
    expect(result).toEqual({ code: 1, stdout: '', stderr: `${join(dir, 'absent.ndjson')}: no such file\n` });
  });

  it('reports a directory given as the events file in words', async () => {
    const result = await runWith(['search', '--events', dir, '--query', 'q'], fakeEngine().engine);
    expect(result).toEqual({ code: 1, stdout: '', stderr: `${dir}: is a directory, not a file\n` });
  });

  it.each([
    [['search', '--query', 'q'], '--events FILE is required'],
    [['search', '--events', 'f'], '--query EQL is required'],
    [['search', '--events', 'f', '--query', 'q', '--size', 'x'], '--size must be an integer, got "x"'],
    [
      ['search', '--events', 'f', '--query', 'q', '--result-position', 'mid'],
      '--result-position must be one of head, tail; got "mid"',
    ],
    [['search', '--events', 'f', '--query', 'q', 'extra'], 'unexpected argument "extra"'],
    // An unset variable ("$TS") must not turn into a silently ignored or unnamed option.
    [['search', '--events', '', '--query', 'q'], '--events needs a value, got ""'],
    [
      ['search', '--events', 'f', '--query', 'q', '--timestamp-field', ''],
      '--timestamp-field needs a value, got ""',
    ],
    [
      ['search', '--events', 'f', '--query', 'q', '--tiebreaker-field='],
      '--tiebreaker-field needs a value, got ""',
    ],
    [
      ['search', '--events', 'f', '--query', 'q', '--event-category-field', ''],
      '--event-category-field needs a value, got ""',
    ],
  ])('exits 2 with usage for %j', async (argv, message) => {
    const result = await runWith(argv, fakeEngine().engine);
    expect(result.code).toBe(2);
    expect(result.stderr.startsWith(`rulebench search: ${message}\n\nUsage: rulebench search`)).toBe(true);
  });
});

describe('search command: where a malformed record is', () => {
  it('names file:line:column for NDJSON and file:line:column: element N for a JSON array', async () => {
    const ndjson = join(dir, 'cols.ndjson');
    writeFileSync(ndjson, '{"a":1}\n  {"a": 1,}\n{"a":\n');
    const array = join(dir, 'cols.json');
    writeFileSync(array, '[\n  {"a":1},\n  {"a": 1,}\n]\n');
    const lines = await runWith(
      ['search', '--events', ndjson, '--query', 'q', '--skip-bad'],
      fakeEngine().engine,
    );
    expect(lines.code).toBe(0);
    expect(lines.stderr).toBe(
      `${ndjson}:2:11: skipped: invalid JSON: Expected double-quoted property name\n` +
        `${ndjson}:3:6: skipped: invalid JSON: Unexpected end of JSON input\n` +
        '2 malformed lines skipped\n' +
        'note: no event has the timestamp field [@timestamp]: Elasticsearch would refuse this search (Unknown column [@timestamp])\n',
    );
    const elements = await runWith(['search', '--events', array, '--query', 'q'], fakeEngine().engine);
    expect(elements.code).toBe(1);
    expect(elements.stderr).toBe(
      `${array}:3:11: element 2: invalid JSON: Expected double-quoted property name\n`,
    );
  });
});

describe('search command on stdin', () => {
  it('names the input "stdin" in messages, as in each hit\'s _index', async () => {
    const result = await runWith(
      ['search', '--events', '-', '--query', 'q'],
      fakeEngine().engine,
      '{"a":1}\n{"a":\n',
    );
    expect(result.code).toBe(1);
    expect(result.stderr).toBe('stdin:2:6: invalid JSON: Unexpected end of JSON input\n');
  });
});

describe('search command (real engine)', () => {
  it('types --timestamp-field as a date in conditions, as the _eql/search request does', async () => {
    const events = join(dir, 'dated.ndjson');
    writeFileSync(events, '{"ts":1720000000000,"n":1}\n{"ts":"2023-06-01T00:00:00Z","n":2}\n');
    const query = 'any where ts >= "2024-01-01T00:00:00.000Z"';
    const result = await runWith(
      ['search', '--events', events, '--query', query, '--timestamp-field', 'ts'],
      await loadEqlEngine(),
    );
    expect(result.code).toBe(0);
    const hits = JSON.parse(result.stdout).hits.events as { _source: { n: number } }[];
    expect(hits.map((hit) => hit._source.n)).toEqual([1]); // epoch millis compared as a date
  });
});

describe('search: a sequence over a file streams while the file is in order', () => {
  const query = 'sequence by u [process where t == "a"] [process where t == "b"]';
  const line = (ts: number, u: string, t: string) =>
    JSON.stringify({ '@timestamp': ts, event: { category: 'process' }, u, t });

  /** Runs the real engine, recording the options each executor is made with. */
  async function searchFile(name: string, lines: string[]) {
    const path = join(dir, name);
    writeFileSync(path, `${lines.join('\n')}\n`);
    const real = await loadEqlEngine();
    const made: SearchOptions[] = [];
    const engine: SearchEngine = {
      compile: (q, o) => {
        const compiled = real.compile(q, o);
        return {
          kind: compiled.kind,
          executor: (options) => {
            made.push(options);
            return compiled.executor(options);
          },
        };
      },
    };
    const result = await runWith(['search', '--events', path, '--query', query, '--skip-bad'], engine);
    const sequences = JSON.parse(result.stdout).hits.sequences as { events: { _id: string }[] }[];
    return { ...result, made, ids: sequences.map((s) => s.events.map((e) => e._id)) };
  }

  it('in order: one pass, streamed', async () => {
    const result = await searchFile('sorted.ndjson', [
      line(1, 'x', 'a'),
      line(2, 'x', 'b'),
      line(3, 'y', 'a'),
      line(4, 'y', 'b'),
    ]);
    expect(result.ids).toEqual([
      ['1', '2'],
      ['3', '4'],
    ]);
    expect(result.made.map((o) => [o.presorted, o.verifyOrder])).toEqual([[true, true]]);
  });

  it('out of order: read again and sorted, bad lines reported once', async () => {
    const result = await searchFile('unsorted.ndjson', [
      line(3, 'y', 'a'),
      '{bad',
      line(4, 'y', 'b'),
      line(1, 'x', 'a'),
      line(2, 'x', 'b'),
    ]);
    expect(result.ids).toEqual([
      ['4', '5'],
      ['1', '3'],
    ]);
    expect(result.made.map((o) => [o.presorted, o.verifyOrder])).toEqual([
      [true, true],
      [undefined, undefined],
    ]);
    expect(result.stderr.split('\n').filter((l) => l !== '')).toEqual([
      `${join(dir, 'unsorted.ndjson')}:2:2: skipped: invalid JSON: Expected property name or '}'`,
      '1 malformed line skipped',
    ]);
  });
});

describe('search: a timestamp field no event has', () => {
  it('is noted, with the similar fields of the first event, as Elasticsearch refuses it', async () => {
    const path = join(dir, 'timestamps.ndjson');
    writeFileSync(path, `${JSON.stringify({ timestamp: 1, event: { category: 'process' } })}\n`);
    const missing = await runWith(['search', '--events', path, '--query', 'q'], fakeEngine().engine);
    expect(missing.code).toBe(0);
    expect(JSON.parse(missing.stdout).hits.total.value).toBe(1);
    expect(missing.stderr).toBe(
      'note: no event has the timestamp field [@timestamp]: Elasticsearch would refuse this search' +
        ' (Unknown column [@timestamp]), did you mean [timestamp]? (--timestamp-field)\n',
    );
    const named = await runWith(
      ['search', '--events', path, '--query', 'q', '--timestamp-field', 'timestamp'],
      fakeEngine().engine,
    );
    expect(named.stderr).toBe('');
  });

  it('notes the first timestamp that is not a date, which Elasticsearch would refuse to index', async () => {
    const path = join(dir, 'spaced.ndjson');
    const line = (ts: string) => JSON.stringify({ '@timestamp': ts, event: { category: 'process' } });
    writeFileSync(path, `${line('2024-03-01T10:00:05Z')}\n${line('2024-03-01 10:00:06')}\n`);
    const result = await runWith(
      ['search', '--events', path, '--query', 'process where true'],
      await loadEqlEngine(),
    );
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout).hits.events.map((e: { _id: string }) => e._id)).toEqual(['1']);
    expect(result.stderr).toBe(
      `note: ${path}:2: [@timestamp] "2024-03-01 10:00:06" is not a date in Elasticsearch's default format` +
        ' (strict_date_optional_time||epoch_millis): it would refuse such events at indexing, and no query returns them\n',
    );
  });
});
