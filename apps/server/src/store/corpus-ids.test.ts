import { describe, expect, it } from 'vitest';
import { isValidCorpusId, slugifyCorpusName } from './corpus-ids.js';

describe('corpus ids', () => {
  it('makes Elasticsearch-style index names from display names', () => {
    expect(slugifyCorpusName('My Lab Run #3')).toBe('my-lab-run-3');
    expect(slugifyCorpusName('  _Sysmon.Events_ ')).toBe('sysmon-events');
    expect(slugifyCorpusName('Übung – café')).toBe('ubung-cafe');
    expect(slugifyCorpusName('日本語')).toBe('corpus');
    expect(slugifyCorpusName('a'.repeat(100))).toBe('a'.repeat(64));
  });

  it('validates ids', () => {
    expect(isValidCorpusId('sysmon-sample')).toBe(true);
    expect(isValidCorpusId('-x')).toBe(false);
    expect(isValidCorpusId('A')).toBe(false);
    expect(isValidCorpusId('a/b')).toBe(false);
  });
});
