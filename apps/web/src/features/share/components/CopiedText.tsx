import { useEffect, useRef } from 'react';
import { formatSize } from '../fragment-link.js';
import type { CopyOutcome } from './use-clipboard.js';

/** What was copied last, shown (and selectable) so it can be checked or copied by hand. */
export function CopiedText({ outcome }: { outcome: CopyOutcome }) {
  const area = useRef<HTMLTextAreaElement>(null);
  useEffect(() => {
    if (!outcome.copied) area.current?.select();
  }, [outcome]);
  return (
    <div className="mt-2">
      <p role="status" data-testid="share-copy-status" className="text-xs text-slate-600 dark:text-slate-300">
        {outcome.copied
          ? `Copied ${outcome.label} (${formatSize(new TextEncoder().encode(outcome.text).length)}).`
          : `The browser refused the clipboard: ${outcome.label} is selected below, press Ctrl+C.`}
      </p>
      <textarea
        ref={area}
        readOnly
        data-testid="share-preview"
        aria-label={`Copied text: ${outcome.label}`}
        value={outcome.text}
        rows={6}
        spellCheck={false}
        className="mt-1 w-full resize-y rounded border border-slate-300 bg-slate-50 p-1.5 font-mono text-[11px] leading-4 text-slate-800 dark:border-slate-600 dark:bg-slate-950 dark:text-slate-200"
      />
    </div>
  );
}
