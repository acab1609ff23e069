import type * as Monaco from 'monaco-editor/editor';

export const LIGHT_THEME = 'rulebench-light';
export const DARK_THEME = 'rulebench-dark';

/** Token colours matching the app's palette (Tailwind slate/violet/teal/amber/green/blue). */
export function defineEqlThemes(monaco: typeof Monaco): void {
  monaco.editor.defineTheme(LIGHT_THEME, {
    base: 'vs',
    inherit: true,
    rules: [
      { token: 'keyword', foreground: '6d28d9', fontStyle: 'bold' },
      { token: 'keyword.pipe', foreground: '6d28d9', fontStyle: 'bold' },
      { token: 'constant', foreground: '1d4ed8' },
      { token: 'variable.field', foreground: '0f766e' },
      { token: 'predefined.function', foreground: 'b45309' },
      { token: 'identifier.function', foreground: 'b91c1c' },
      { token: 'string', foreground: '15803d' },
      { token: 'string.raw', foreground: '166534' },
      { token: 'string.escape', foreground: '0e7490' },
      { token: 'string.escape.invalid', foreground: 'dc2626' },
      { token: 'number', foreground: '1d4ed8' },
      { token: 'operator', foreground: '475569' },
      { token: 'delimiter.pipe', foreground: '6d28d9', fontStyle: 'bold' },
      { token: 'comment', foreground: '64748b', fontStyle: 'italic' },
      { token: 'invalid', foreground: 'dc2626' },
    ],
    colors: {
      'editor.background': '#ffffff',
      'editorLineNumber.foreground': '#94a3b8',
      'editor.lineHighlightBackground': '#f8fafc',
    },
  });
  monaco.editor.defineTheme(DARK_THEME, {
    base: 'vs-dark',
    inherit: true,
    rules: [
      { token: 'keyword', foreground: 'c4b5fd', fontStyle: 'bold' },
      { token: 'keyword.pipe', foreground: 'c4b5fd', fontStyle: 'bold' },
      { token: 'constant', foreground: '93c5fd' },
      { token: 'variable.field', foreground: '5eead4' },
      { token: 'predefined.function', foreground: 'fcd34d' },
      { token: 'identifier.function', foreground: 'fca5a5' },
      { token: 'string', foreground: '86efac' },
      { token: 'string.raw', foreground: 'bbf7d0' },
      { token: 'string.escape', foreground: '67e8f9' },
      { token: 'string.escape.invalid', foreground: 'f87171' },
      { token: 'number', foreground: '93c5fd' },
      { token: 'operator', foreground: 'cbd5e1' },
      { token: 'delimiter.pipe', foreground: 'c4b5fd', fontStyle: 'bold' },
      { token: 'comment', foreground: '94a3b8', fontStyle: 'italic' },
      { token: 'invalid', foreground: 'f87171' },
    ],
    colors: {
      'editor.background': '#0f172a',
      'editorLineNumber.foreground': '#64748b',
      'editor.lineHighlightBackground': '#1e293b',
    },
  });
}
