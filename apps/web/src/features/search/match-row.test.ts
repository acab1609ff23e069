import { describe, expect, it } from 'vitest';
import { formatGap, formatTimestamp, readTimestamp, toMatchRow } from './match-row.js';

describe('formatTimestamp', () => {
  it('shows ISO timestamps compactly in UTC', () => {
    expect(formatTimestamp('2020-10-16T12:31:04.123Z')).toBe('2020-10-16 12:31:04.123');
    expect(formatTimestamp('2020-10-16T14:31:04.123+02:00')).toBe('2020-10-16 12:31:04.123');
  });

  it('reads epoch millis as number or numeric string', () => {
    expect(formatTimestamp(0)).toBe('1970-01-01 00:00:00.000');
    expect(formatTimestamp('1602851464123')).toBe('2020-10-16 12:31:04.123');
  });

  it('keeps unreadable values as written and marks absent ones', () => {
    expect(formatTimestamp('yesterday')).toBe('yesterday');
    expect(formatTimestamp(undefined)).toBe('—');
    expect(readTimestamp('')).toBeNull();
  });
});

describe('toMatchRow', () => {
  it('picks timestamp, host, process and dll from an image-load event', () => {
    const row = toMatchRow({
      _index: 'sample',
      _id: 'e-7',
      _source: {
        '@timestamp': '2020-10-16T12:31:04.123Z',
        host: { name: 'WORKSTATION5' },
        process: { name: 'WINWORD.EXE' },
        dll: { name: 'wmiutils.dll' },
        file: { name: 'ignored.dll' },
        event: { category: ['library'], action: 'load' },
      },
    });
    expect(row).toEqual({
      id: 'e-7',
      index: 'sample',
      timestamp: '2020-10-16 12:31:04.123',
      isoTimestamp: '2020-10-16T12:31:04.123Z',
      host: 'WORKSTATION5',
      process: 'WINWORD.EXE',
      target: 'wmiutils.dll',
      category: 'library',
      action: 'load',
      missing: false,
    });
  });

  it('falls back to file.name, host.hostname and flat keys', () => {
    const row = toMatchRow({
      _index: 'i',
      _id: '1',
      _source: { 'host.hostname': 'h1', 'process.executable': 'C:\\x.exe', 'file.name': 'a.dll' },
    });
    expect([row.host, row.process, row.target, row.timestamp]).toEqual(['h1', 'C:\\x.exe', 'a.dll', '—']);
  });

  it('flags missing-event placeholders', () => {
    expect(toMatchRow({ _index: '', _id: '', _source: {}, missing: true }).missing).toBe(true);
  });
});

describe('formatGap', () => {
  it('formats the time between two events', () => {
    expect(formatGap('2020-01-01T00:00:00Z', '2020-01-01T00:00:00.250Z')).toBe('+250ms');
    expect(formatGap('2020-01-01T00:00:00Z', '2020-01-01T00:00:01.500Z')).toBe('+1.5s');
    expect(formatGap('2020-01-01T00:00:00Z', '2020-01-01T00:03:04Z')).toBe('+3m 4s');
    expect(formatGap('2020-01-01T00:00:00Z', '2020-01-01T02:00:00Z')).toBe('+2h');
    expect(formatGap('x', '2020-01-01T02:00:00Z')).toBeUndefined();
  });
});
