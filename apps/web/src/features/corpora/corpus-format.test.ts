import { describe, expect, it } from 'vitest';
import {
  defaultCorpusName,
  describePosition,
  fileStem,
  formatBytes,
  formatCount,
  formatTimeRange,
} from './corpus-format.js';

describe('formatTimeRange', () => {
  it('drops the shared date from the end of a same-day range', () => {
    expect(formatTimeRange('2021-11-30T22:05:44.846Z', '2021-11-30T22:05:59.927Z')).toBe(
      '2021-11-30 22:05:44 → 22:05:59 UTC',
    );
  });
  it('keeps both dates across days', () => {
    expect(formatTimeRange('2020-07-22T03:27:52.809Z', '2020-10-18T06:17:11.226Z')).toBe(
      '2020-07-22 03:27:52 → 2020-10-18 06:17:11 UTC',
    );
  });
  it('shows one instant once', () => {
    expect(formatTimeRange('2024-01-01T00:00:00Z', '2024-01-01T00:00:00.400Z')).toBe(
      '2024-01-01 00:00:00 UTC',
    );
  });
  it('short form keeps dates only', () => {
    expect(formatTimeRange('2020-07-22T03:27:52Z', '2020-10-18T06:17:11Z', true)).toBe(
      '2020-07-22 → 2020-10-18',
    );
    expect(formatTimeRange('2021-11-30T22:05:44Z', '2021-11-30T23:00:00Z', true)).toBe('2021-11-30');
  });
  it('is undefined without timestamps', () => {
    expect(formatTimeRange(null, null)).toBeUndefined();
    expect(formatTimeRange('2021-11-30T22:05:44Z', 'not a date')).toBeUndefined();
  });
});

describe('defaultCorpusName', () => {
  it('uses the file name without format and compression extensions', () => {
    expect(defaultCorpusName(['ID3-7-10-Suspicious DLL loaded (CME+Mimikatz).evtx'])).toBe(
      'ID3-7-10-Suspicious DLL loaded (CME+Mimikatz)',
    );
    expect(defaultCorpusName(['logs/host1.ndjson.gz'])).toBe('host1');
    expect(defaultCorpusName(['cmd_wmic_xsl.zip'])).toBe('cmd_wmic_xsl');
  });
  it('counts the other files', () => {
    expect(defaultCorpusName(['a.json', 'b.json'])).toBe('a + 1 more file');
    expect(defaultCorpusName(['a.json', 'b.json', 'c.evtx'])).toBe('a + 2 more files');
  });
  it('is empty without files and at most 200 characters', () => {
    expect(defaultCorpusName([])).toBe('');
    expect(defaultCorpusName([`${'x'.repeat(300)}.json`])).toHaveLength(200);
  });
  it('keeps a name that is only an extension', () => {
    expect(fileStem('.json')).toBe('.json');
  });
});

describe('describePosition', () => {
  it('names the file and the line', () => {
    expect(describePosition({ file: 'bad.ndjson', line: 2, reason: 'x' })).toBe('bad.ndjson, line 2');
  });
  it('names a zip member', () => {
    expect(describePosition({ file: 'a.zip', entry: 'a.json', element: 3, reason: 'x' })).toBe(
      'a.zip › a.json, element 3',
    );
  });
  it('names an EVTX record, or the input when nothing is known', () => {
    expect(describePosition({ record: 4, reason: 'x' })).toBe('record 4');
    expect(describePosition({ reason: 'x' })).toBe('the input');
  });
});

describe('formatCount and formatBytes', () => {
  it('agrees in number', () => {
    expect(formatCount(1, 'event')).toBe('1 event');
    expect(formatCount(1779, 'event')).toBe('1,779 events');
    expect(formatCount(0, 'record')).toBe('0 records');
  });
  it('scales bytes', () => {
    expect(formatBytes(512)).toBe('512 B');
    expect(formatBytes(69_632)).toBe('68.0 KB');
    expect(formatBytes(256 * 1024 * 1024)).toBe('256 MB');
  });
});
