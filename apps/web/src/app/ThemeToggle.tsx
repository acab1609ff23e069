import type { ThemeChoice } from '../lib/theme.js';

const NEXT: Record<ThemeChoice, ThemeChoice> = { system: 'light', light: 'dark', dark: 'system' };
const LABEL: Record<ThemeChoice, string> = {
  system: 'Theme: system',
  light: 'Theme: light',
  dark: 'Theme: dark',
};
const ICON: Record<ThemeChoice, string> = { system: '◐', light: '☀', dark: '☾' };

export function ThemeToggle({
  choice,
  onChange,
}: {
  choice: ThemeChoice;
  onChange: (c: ThemeChoice) => void;
}) {
  return (
    <button
      type="button"
      className="btn h-7 w-7 justify-center px-0"
      onClick={() => onChange(NEXT[choice])}
      aria-label={`${LABEL[choice]} (click to change)`}
      title={LABEL[choice]}
    >
      <span aria-hidden>{ICON[choice]}</span>
    </button>
  );
}
