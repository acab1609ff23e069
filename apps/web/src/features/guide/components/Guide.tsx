import type { ReactNode } from 'react';
import Markdown, { type Components } from 'react-markdown';
import remarkGfm from 'remark-gfm';
import { stripLeadingHeading } from '../guide-text.js';
import { safeUrl } from '../safe-url.js';

const remarkPlugins = [remarkGfm];

/**
 * Raw HTML is skipped (no rehype-raw), URLs go through `safeUrl`, links open outside the app,
 * and images are never loaded: a guide must not make the page contact another host.
 */
const components: Components = {
  a: ({ href, children }) => {
    const target = href ?? '';
    if (target === '') return <span className="text-slate-500">{children}</span>;
    const inPage = target.startsWith('#');
    return (
      <a href={target} {...(inPage ? {} : { target: '_blank', rel: 'noopener noreferrer nofollow' })}>
        {children}
      </a>
    );
  },
  img: ({ alt, src }) => (
    <span
      className="inline-block rounded border border-dashed border-slate-300 px-1.5 text-xs text-slate-500 dark:border-slate-600"
      title={typeof src === 'string' ? src : undefined}
    >
      [image{alt ? `: ${alt}` : ''}]
    </span>
  ),
};

export function GuideMarkdown({ markdown }: { markdown: string }): ReactNode {
  return (
    <Markdown remarkPlugins={remarkPlugins} components={components} skipHtml urlTransform={safeUrl}>
      {markdown}
    </Markdown>
  );
}

interface GuideProps {
  readonly note: string | undefined;
  readonly setup: string | undefined;
}

export function Guide({ note, setup }: GuideProps) {
  return (
    <div data-testid="guide" className="min-h-0 flex-1 overflow-y-auto px-4 py-3">
      {note ? (
        <div className="markdown">
          <GuideMarkdown markdown={note} />
        </div>
      ) : (
        <p className="text-sm text-slate-500">This rule has no investigation guide.</p>
      )}
      {setup ? (
        <details data-testid="guide-setup" className="mt-6 rounded border border-slate-200 dark:border-slate-700">
          <summary className="cursor-pointer select-none px-3 py-1.5 text-sm font-semibold text-slate-700 dark:text-slate-300">
            Setup
          </summary>
          <div className="markdown border-t border-slate-200 px-3 py-2 dark:border-slate-700">
            <GuideMarkdown markdown={stripLeadingHeading(setup, 'Setup')} />
          </div>
        </details>
      ) : null}
    </div>
  );
}
