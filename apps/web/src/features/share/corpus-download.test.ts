import { describe, expect, it } from 'vitest';
import { cliEventsPath, corpusFileName, unwrapHitLine } from './corpus-download.js';

describe('corpus files for the CLI', () => {
  it('names a bundled corpus by its file in the repository', () => {
    expect(
      cliEventsPath({
        id: 'sysmon-sample',
        name: 'Sysmon sample',
        source: 'bundled',
        origin: 'sysmon-sample.ndjson',
      }),
    ).toBe('apps/server/corpora/sysmon-sample.ndjson');
  });

  it('names an uploaded corpus by the file its download saves', () => {
    const corpus = { id: 'lab-run-2', name: 'Lab run', source: 'upload' as const, origin: 'x.evtx' };
    expect(corpusFileName(corpus)).toBe('lab-run-2.ndjson');
    expect(cliEventsPath(corpus)).toBe('lab-run-2.ndjson');
    expect(cliEventsPath(undefined)).toBe('events.ndjson');
  });

  it('turns the server’s hit lines into the documents themselves', () => {
    expect(unwrapHitLine('{"_id":"3","_source":{"a":1,"b":{"c":"x"}}}')).toBe('{"a":1,"b":{"c":"x"}}');
    expect(unwrapHitLine('  ')).toBeUndefined();
  });
});
