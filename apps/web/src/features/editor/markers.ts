/**
 * EQL diagnostics → Monaco markers. Pure (no Monaco import): the severity numbers are Monaco's
 * `MarkerSeverity` values, and positions are computed from offsets here so the marker always
 * sits on the text the parser measured, whatever `line`/`column` the error also carries.
 */

/** Half-open UTF-16 offsets, as the EQL AST and errors carry them. */
export interface SourceRange {
  readonly start: number;
  readonly end: number;
}

/** What the editor needs from an `EqlError` (or anything shaped like it). */
export interface Diagnostic {
  readonly code: string;
  readonly message: string;
  readonly range: SourceRange;
  readonly line: number;
  readonly column: number;
  readonly severity?: 'error' | 'warning' | 'info';
}

/** Monaco's `MarkerSeverity` numbers. */
export const MarkerSeverityValue = { Hint: 1, Info: 2, Warning: 4, Error: 8 } as const;

export interface MarkerData {
  readonly severity: number;
  readonly message: string;
  readonly code: string;
  readonly source: string;
  readonly startLineNumber: number;
  readonly startColumn: number;
  readonly endLineNumber: number;
  readonly endColumn: number;
}

export interface Position {
  /** 1-based. */
  readonly lineNumber: number;
  /** 1-based, in UTF-16 code units like Monaco. */
  readonly column: number;
}

/** 1-based line/column of a UTF-16 offset; `\r\n`, `\n` and `\r` each end a line. */
export function positionAt(text: string, offset: number): Position {
  const target = Math.max(0, Math.min(offset, text.length));
  let lineNumber = 1;
  let lineStart = 0;
  for (let i = 0; i < target; i += 1) {
    const ch = text.charCodeAt(i);
    if (ch === 10 || ch === 13) {
      if (ch === 13 && text.charCodeAt(i + 1) === 10) {
        if (i + 1 >= target) break;
        i += 1;
      }
      lineNumber += 1;
      lineStart = i + 1;
    }
  }
  return { lineNumber, column: target - lineStart + 1 };
}

function isLineBreak(text: string, offset: number): boolean {
  const ch = text.charCodeAt(offset);
  return ch === 10 || ch === 13;
}

/**
 * A visible range for a diagnostic. An empty range (e.g. "unexpected end of input") would draw
 * nothing, so it is widened to the character under it, or to the one before it when it sits at
 * the end of the text or of a line.
 */
export function visibleRange(text: string, range: SourceRange): SourceRange {
  const start = Math.max(0, Math.min(range.start, text.length));
  const end = Math.max(start, Math.min(range.end, text.length));
  if (end > start) return { start, end };
  if (start < text.length && !isLineBreak(text, start)) return { start, end: start + 1 };
  let before = start - 1;
  while (before >= 0 && /\s/.test(text.charAt(before))) before -= 1;
  if (before >= 0) return { start: before, end: before + 1 };
  return { start, end };
}

function severityOf(diagnostic: Diagnostic): number {
  switch (diagnostic.severity) {
    case 'warning':
      return MarkerSeverityValue.Warning;
    case 'info':
      return MarkerSeverityValue.Info;
    default:
      return MarkerSeverityValue.Error;
  }
}

export function diagnosticToMarker(text: string, diagnostic: Diagnostic): MarkerData {
  const range = visibleRange(text, diagnostic.range);
  const start = positionAt(text, range.start);
  const end = positionAt(text, range.end);
  return {
    severity: severityOf(diagnostic),
    message: diagnostic.message,
    code: diagnostic.code,
    source: 'eql',
    startLineNumber: start.lineNumber,
    startColumn: start.column,
    endLineNumber: end.lineNumber,
    endColumn: end.column,
  };
}

export function diagnosticsToMarkers(text: string, diagnostics: readonly Diagnostic[]): MarkerData[] {
  return diagnostics.map((d) => diagnosticToMarker(text, d));
}

/** The one-line form shown under the editor: "2:14 Expected …". */
export function formatDiagnostic(diagnostic: Pick<Diagnostic, 'line' | 'column' | 'message'>): string {
  return `${diagnostic.line}:${diagnostic.column} ${diagnostic.message}`;
}
