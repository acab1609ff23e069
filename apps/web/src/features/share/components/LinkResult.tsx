import { useEffect, useRef } from 'react';

export interface MadeLink {
  readonly kind: 'permalink' | 'fragment';
  readonly url: string;
  /** One line saying what the link is: where it lives, its version or events, its size. */
  readonly summary: string;
  readonly copied: boolean;
}

export function LinkResult({ link }: { link: MadeLink }) {
  const input = useRef<HTMLInputElement>(null);
  // Selected whenever a new link is shown, so Ctrl+C copies it if the clipboard was refused.
  useEffect(() => {
    if (link.url !== '') input.current?.select();
  }, [link.url]);
  return (
    <div data-testid="share-result" data-kind={link.kind} className="mt-2 space-y-1">
      <p data-testid="share-link-kind" className="text-xs font-medium text-slate-700 dark:text-slate-200">
        {link.summary}
      </p>
      <input
        ref={input}
        readOnly
        data-testid="share-link-url"
        aria-label={link.kind === 'permalink' ? 'Permalink' : 'Link without a server'}
        value={link.url}
        className="field-control w-full font-mono text-xs"
        onFocus={(e) => e.currentTarget.select()}
      />
      <p role="status" className="text-xs text-slate-600 dark:text-slate-300">
        {link.copied
          ? 'Copied to the clipboard.'
          : 'The browser refused the clipboard: the link is selected, press Ctrl+C.'}
        {link.kind === 'permalink' && (
          <>
            {' '}
            <a
              href={link.url}
              target="_blank"
              rel="noopener"
              className="text-sky-700 underline dark:text-sky-400"
            >
              Open the review page
            </a>
          </>
        )}
      </p>
    </div>
  );
}
