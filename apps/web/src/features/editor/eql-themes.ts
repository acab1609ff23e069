import type * as Monaco from 'monaco-editor/editor';

export const LIGHT_THEME = 'rulebench-light';
export const DARK_THEME = 'rulebench-dark';

/**
 * Token colours matching the app's palette (Tailwind violet/blue/teal/amber/red/green/slate):
 * one row per token, `[light, dark]`, so the two themes cannot drift apart.
 */
const TOKENS: readonly (readonly [token: string, light: string, dark: string, style?: string])[] = [
  ['keyword', '6d28d9', 'c4b5fd', 'bold'],
  ['keyword.pipe', '6d28d9', 'c4b5fd', 'bold'],
  ['constant', '1d4ed8', '93c5fd'],
  ['variable.field', '0f766e', '5eead4'],
  ['predefined.function', 'b45309', 'fcd34d'],
  ['identifier.function', 'b91c1c', 'fca5a5'],
  ['string', '15803d', '86efac'],
  ['string.raw', '166534', 'bbf7d0'],
  ['string.escape', '0e7490', '67e8f9'],
  ['string.escape.invalid', 'dc2626', 'f87171'],
  ['number', '1d4ed8', '93c5fd'],
  ['operator', '475569', 'cbd5e1'],
  ['delimiter.pipe', '6d28d9', 'c4b5fd', 'bold'],
  ['comment', '64748b', '94a3b8', 'italic'],
  ['invalid', 'dc2626', 'f87171'],
];

const COLORS = {
  light: {
    'editor.background': '#ffffff',
    'editorLineNumber.foreground': '#94a3b8',
    'editor.lineHighlightBackground': '#f8fafc',
  },
  dark: {
    'editor.background': '#0f172a',
    'editorLineNumber.foreground': '#64748b',
    'editor.lineHighlightBackground': '#1e293b',
  },
} as const;

export function defineEqlThemes(monaco: typeof Monaco): void {
  for (const variant of ['light', 'dark'] as const) {
    monaco.editor.defineTheme(variant === 'light' ? LIGHT_THEME : DARK_THEME, {
      base: variant === 'light' ? 'vs' : 'vs-dark',
      inherit: true,
      rules: TOKENS.map(([token, light, dark, fontStyle]) => ({
        token,
        foreground: variant === 'light' ? light : dark,
        ...(fontStyle ? { fontStyle } : {}),
      })),
      colors: COLORS[variant],
    });
  }
}
