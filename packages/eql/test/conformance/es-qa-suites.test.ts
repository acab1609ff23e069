/**
 * The generic discovery of ES QA spec files (es-qa-suites.ts), on a small folder of our own
 * made in a temporary directory: which spec runs on which index, loud skips, the nanosecond
 * rewrite of the endgame timestamps, and mapping aliases.
 */

import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { asNanosEvent, discoverSuites, presentSpecFiles } from './es-qa-suites.js';

const dir = mkdtempSync(join(tmpdir(), 'esqa-suites-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function write(path: string, text: string): void {
  mkdirSync(join(dir, path, '..'), { recursive: true });
  writeFileSync(join(dir, path), text);
}

const spec = (name: string, query: string, ids: string): string =>
  `[[queries]]\nname = "${name}"\nquery = '''${query}'''\nexpected_event_ids = ${ids}\n`;

const aliasMapping = (tiebreaker: string): string =>
  JSON.stringify({
    properties: {
      '@timestamp': { type: 'date' },
      kind: { type: 'keyword' },
      event: {
        properties: {
          category: { type: 'alias', path: 'kind' },
          sequence: { type: 'alias', path: tiebreaker },
        },
      },
    },
  });

// A listed suite with data, one whose index is inferred from its name, one without data, and a
// spec with no rule and no data at all.
write(
  'es-qa/test_missing_events.toml',
  spec('gap', 'sequence with maxspan=1s [a where true] ![b where true]', '[1, -1]'),
);
write('es-qa/data/missing-events.mapping', `# a comment line\n${aliasMapping('sequence')}`);
write(
  'es-qa/data/missing-events.data',
  '[\n // a comment\n {"@timestamp": "1", "kind": "a", "sequence": 1}\n]',
);
write('es-qa/test_tiny_gaps.toml', spec('inferred', 'a where true', '[7]'));
write('es-qa/data/tiny-gaps.mapping', aliasMapping('order'));
write('es-qa/data/tiny-gaps.data', '[{"@timestamp": 5, "kind": "a", "order": 7}]');
write('es-qa/test_extra.toml', spec('x', 'a where true', '[]'));
write('es-qa/test_unknown_thing.toml', spec('y', 'a where true', '[]'));
write('es-qa/notes.toml', '');

describe('ES QA suite discovery', () => {
  it('lists test_*.toml and additional_test_queries.toml only', () => {
    expect(presentSpecFiles(dir)).toEqual([
      'test_extra.toml',
      'test_missing_events.toml',
      'test_tiny_gaps.toml',
      'test_unknown_thing.toml',
    ]);
  });

  it('runs what has data, on the index and tiebreaker ES uses, and warns about the rest', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const suites = discoverSuites(dir);
    const warnings = warn.mock.calls.map((call) => String(call[0]));
    warn.mockRestore();
    expect(suites.map((s) => [s.file, s.idField, s.options.eventCategoryField])).toEqual([
      ['test_missing_events.toml', 'sequence', 'kind'],
      ['test_tiny_gaps.toml', 'order', 'kind'],
    ]);
    const [missing, inferred] = suites;
    expect(missing?.queries).toEqual([
      {
        name: 'gap',
        query: 'sequence with maxspan=1s [a where true] ![b where true]',
        expectedEventIds: [1, -1],
        joinKeys: undefined,
      },
    ]);
    expect(missing?.events).toEqual([
      { _index: 'missing-events', _id: '1', _source: { '@timestamp': '1', kind: 'a', sequence: 1 } },
    ]);
    expect(inferred?.events.map((e) => e._index)).toEqual(['tiny-gaps']);
    expect(warnings).toHaveLength(2);
    expect(warnings[0]).toMatch(/test_extra\.toml is SKIPPED: its data .*extra\.mapping is absent/);
    expect(warnings[1]).toMatch(/test_unknown_thing\.toml is SKIPPED: no rule names its index/);
  });
});

describe('asNanosEvent (DataLoader.timestampToUnixNanos)', () => {
  it('reads the FILETIME digits as epoch nanoseconds', () => {
    // 131509374294365140 is above 2^53: the digits come from the JSON text.
    expect(asNanosEvent({ n: 54 }, '131509374294365140')).toEqual({
      n: 54,
      '@timestamp': '131509374294.365140',
      timestamp: 131509374294,
    });
    expect(asNanosEvent({}, '131485996510000000')).toEqual({
      '@timestamp': '131485996510',
      timestamp: 131485996510,
    });
  });
});
