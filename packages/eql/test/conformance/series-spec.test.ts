/**
 * Every case of Elasticsearch's `sequences.series-spec` through the sequence state machine:
 * the matches must be exactly the expected ones, in the expected order.
 */

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SequenceMatcher } from '../../src/execute/sequence/matcher.js';
import { sharedPath } from '../shared.js';
import { parseSeriesSpec, type SeriesSpecCase } from './series-spec.js';

const specPath = sharedPath('eql-conformance', 'es-unit', 'sequences.series-spec');

function run(spec: SeriesSpecCase): string[][] {
  const matcher = new SequenceMatcher<string>({ stages: spec.stageCount, maxspan: null });
  const ordered = [...spec.events].sort((a, b) => a.ts - b.ts);
  for (const event of ordered) {
    const pos = matcher.advance(event.ts);
    const key = { id: event.key, values: event.key === '' ? [] : [event.key] };
    matcher.match(event.stage, key, { event: event.name, ts: event.ts, pos });
  }
  matcher.finish();
  return matcher.completed().map((s) => s.matches.map((m) => m?.event ?? '-'));
}

describe.skipIf(specPath === null)('sequences.series-spec', () => {
  const cases = specPath === null ? [] : parseSeriesSpec(readFileSync(specPath, 'utf8'));

  it('reads all 25 cases', () => {
    expect(cases.length).toBe(25);
  });

  for (const spec of cases) {
    it(spec.name, () => {
      expect(run(spec)).toEqual(spec.expected);
    });
  }
});

describe('series-spec reader', () => {
  it('reads stages, keys and expected lines', () => {
    const [spec] = parseSeriesSpec('// c\ncase1\nk|A1   A3\n  B2 // x\n;\nk|A1 B2\n;\n');
    expect(spec).toEqual({
      name: 'case1',
      line: 2,
      stageCount: 2,
      events: [
        { name: 'A1', stage: 0, ts: 1, key: 'k' },
        { name: 'A3', stage: 0, ts: 3, key: '' },
        { name: 'B2', stage: 1, ts: 2, key: '' },
      ],
      expected: [['A1', 'B2']],
    });
  });
});
