import { describe, expect, it } from 'vitest';
import {
  diagnosticsToMarkers,
  formatDiagnostic,
  MarkerSeverityValue,
  positionAt,
  visibleRange,
} from './markers.js';

describe('positionAt', () => {
  it('counts 1-based lines and columns', () => {
    const text = 'any where\n  x == 1';
    expect(positionAt(text, 0)).toEqual({ lineNumber: 1, column: 1 });
    expect(positionAt(text, 9)).toEqual({ lineNumber: 1, column: 10 });
    expect(positionAt(text, 10)).toEqual({ lineNumber: 2, column: 1 });
    expect(positionAt(text, 12)).toEqual({ lineNumber: 2, column: 3 });
  });

  it('treats \\r\\n as one line break', () => {
    const text = 'a\r\nbc';
    expect(positionAt(text, 3)).toEqual({ lineNumber: 2, column: 1 });
    expect(positionAt(text, 4)).toEqual({ lineNumber: 2, column: 2 });
  });

  it('clamps offsets past the end', () => {
    expect(positionAt('abc', 99)).toEqual({ lineNumber: 1, column: 4 });
  });
});

describe('visibleRange', () => {
  it('keeps non-empty ranges', () => {
    expect(visibleRange('abcdef', { start: 1, end: 3 })).toEqual({ start: 1, end: 3 });
  });

  it('widens an empty range to the character under it', () => {
    expect(visibleRange('a == ', { start: 2, end: 2 })).toEqual({ start: 2, end: 3 });
  });

  it('moves an empty range at the end onto the last non-blank character', () => {
    expect(visibleRange('a == \n', { start: 6, end: 6 })).toEqual({ start: 3, end: 4 });
  });
});

describe('diagnosticsToMarkers', () => {
  it('turns a parse error into an error marker on its range', () => {
    const text = 'any where\n  process.name = "x"';
    const start = text.indexOf('=');
    const markers = diagnosticsToMarkers(text, [
      {
        code: 'EQL_SYNTAX',
        message: 'Expected an operator, found "=".',
        range: { start, end: start + 1 },
        line: 2,
        column: 16,
      },
    ]);
    expect(markers).toEqual([
      {
        severity: MarkerSeverityValue.Error,
        message: 'Expected an operator, found "=".',
        code: 'EQL_SYNTAX',
        source: 'eql',
        startLineNumber: 2,
        startColumn: 16,
        endLineNumber: 2,
        endColumn: 17,
      },
    ]);
  });

  it('marks warnings as warnings', () => {
    const [marker] = diagnosticsToMarkers('abc', [
      { code: 'W', message: 'm', range: { start: 0, end: 3 }, line: 1, column: 1, severity: 'warning' },
    ]);
    expect(marker?.severity).toBe(MarkerSeverityValue.Warning);
    expect(marker?.endColumn).toBe(4);
  });
});

describe('formatDiagnostic', () => {
  it('prints line:col message', () => {
    expect(formatDiagnostic({ line: 3, column: 7, message: 'Unknown function "foo".' })).toBe(
      '3:7 Unknown function "foo".',
    );
  });
});
