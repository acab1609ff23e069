import { useCallback, useState } from 'react';

export interface CopyOutcome {
  readonly label: string;
  readonly text: string;
  /** False when the browser refused the clipboard; the text is then shown to copy by hand. */
  readonly copied: boolean;
}

/** Copies text, remembering what was copied last so the menu can show it (and its size). */
export function useClipboard() {
  const [last, setLast] = useState<CopyOutcome | null>(null);
  const copy = useCallback(async (label: string, text: string) => {
    let copied = false;
    try {
      await navigator.clipboard.writeText(text);
      copied = true;
    } catch {
      copied = false;
    }
    setLast({ label, text, copied });
    return copied;
  }, []);
  return { last, copy, clear: () => setLast(null) };
}
