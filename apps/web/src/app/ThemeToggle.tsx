import type { ThemeChoice } from '../lib/theme.js';

const NEXT: Record<ThemeChoice, ThemeChoice> = { system: 'light', light: 'dark', dark: 'system' };
const LABEL: Record<ThemeChoice, string> = {
  system: 'Theme: system',
  light: 'Theme: light',
  dark: 'Theme: dark',
};
const ICON: Record<ThemeChoice, string> = { system: '◐', light: '☀', dark: '☾' };
const WORD: Record<ThemeChoice, string> = { system: 'System', light: 'Light', dark: 'Dark' };

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
      className="btn h-7 shrink-0 gap-1 px-1.5 text-xs"
      data-testid="theme-toggle"
      onClick={() => onChange(NEXT[choice])}
      title={`${LABEL[choice]} · click for ${NEXT[choice]}`}
    >
      {/* The state is visible: on a light system, system → light changes nothing else on screen. */}
      <span aria-hidden>{ICON[choice]}</span>
      {/* The accessible name is the visible text: "Theme: System". */}
      <span className="sr-only">Theme: </span>
      <span>{WORD[choice]}</span>
    </button>
  );
}
