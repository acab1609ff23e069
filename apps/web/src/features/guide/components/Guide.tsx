import { type ReactNode, useMemo } from 'react';
import Markdown, { type Components } from 'react-markdown';
import remarkGfm from 'remark-gfm';
import { ErrorBoundary } from '../../../app/ErrorBoundary.js';
import {
  fieldsMentioned,
  fillGuideText,
  inlineTransforms,
  PLUGIN_LANGUAGE_PREFIX,
  PLUGIN_NAMES,
  type PluginName,
  pluginsToBlocks,
} from '../guide-plugins.js';
import { stripLeadingHeading } from '../guide-text.js';
import { boundMarkdownNesting, remarkMaxDepth } from '../markdown-depth.js';
import { safeUrl } from '../safe-url.js';
import { PluginCard } from './PluginCard.js';

// The depth bound first, so nothing after it walks a tree deeper than it.
const remarkPlugins = [remarkMaxDepth, remarkGfm];

function pluginOf(className: unknown): PluginName | undefined {
  const classes = Array.isArray(className)
    ? className.map(String)
    : typeof className === 'string'
      ? className.split(' ')
      : [];
  for (const c of classes) {
    const name = c.replace(/^language-/, '').replace(PLUGIN_LANGUAGE_PREFIX, '');
    if (
      c.startsWith(`language-${PLUGIN_LANGUAGE_PREFIX}`) &&
      (PLUGIN_NAMES as readonly string[]).includes(name)
    ) {
      return name as PluginName;
    }
  }
  return undefined;
}

/**
 * Raw HTML is skipped (no rehype-raw), URLs go through `safeUrl`, links open outside the app,
 * images are never loaded (a guide must not make the page contact another host), and Kibana
 * plugins render as inert cards.
 */
function components(source: unknown): Components {
  return {
    a: ({ href, children }) => {
      const target = href ?? '';
      if (target === '') return <span className="text-slate-500 dark:text-slate-400">{children}</span>;
      const inPage = target.startsWith('#');
      return (
        <a href={target} {...(inPage ? {} : { target: '_blank', rel: 'noopener noreferrer nofollow' })}>
          {children}
        </a>
      );
    },
    img: ({ alt, src }) => (
      <span
        className="inline-block rounded border border-dashed border-slate-300 px-1.5 text-xs text-slate-500 dark:text-slate-400 dark:border-slate-600"
        title={typeof src === 'string' ? src : undefined}
      >
        [image{alt ? `: ${alt}` : ''}]
      </span>
    ),
    pre: ({ node, children }) => {
      const code = node?.children[0];
      if (code?.type === 'element' && code.tagName === 'code') {
        const plugin = pluginOf(code.properties.className);
        if (plugin) {
          const text = code.children.map((c) => (c.type === 'text' ? c.value : '')).join('');
          return <PluginCard plugin={plugin} json={text.trim()} source={source} />;
        }
      }
      return <pre>{children}</pre>;
    },
  };
}

/**
 * A guide's markdown, nesting bounded (see markdown-depth.ts). Whatever still fails to render
 * shows as an error in place of the guide, never a blank page; a new text tries again.
 */
export function GuideMarkdown({ markdown, source }: { markdown: string; source?: unknown }): ReactNode {
  const parts = useMemo(() => components(source), [source]);
  const bounded = useMemo(() => boundMarkdownNesting(markdown), [markdown]);
  return (
    <ErrorBoundary key={bounded} label="The investigation guide">
      <Markdown remarkPlugins={remarkPlugins} components={parts} skipHtml urlTransform={safeUrl}>
        {bounded}
      </Markdown>
    </ErrorBoundary>
  );
}

interface GuideProps {
  readonly note: string | undefined;
  readonly setup: string | undefined;
  readonly transform?: Readonly<Record<string, readonly unknown[]>> | undefined;
  /** The selected event's `_source`: fills `{{field}}` and lists the fields the guide names. */
  readonly source?: unknown;
}

export function Guide({ note, setup, transform, source }: GuideProps) {
  const prepared = useMemo(
    () => (note ? pluginsToBlocks(inlineTransforms(note, transform)) : ''),
    [note, transform],
  );
  const filled = useMemo(() => fillGuideText(prepared, source), [prepared, source]);
  const mentioned = useMemo(
    () => (source === undefined || !note ? [] : fieldsMentioned(note, source)),
    [note, source],
  );
  return (
    <div data-testid="guide" className="min-h-0 flex-1 overflow-y-auto px-4 py-3">
      {mentioned.length > 0 && (
        <section
          data-testid="guide-fields"
          aria-label="Fields named in the guide"
          className="mb-3 rounded border border-slate-200 bg-slate-50 px-3 py-2 dark:border-slate-700 dark:bg-slate-800/60"
        >
          <h3 className="text-[11px] font-semibold uppercase tracking-wide text-slate-500 dark:text-slate-400">
            In this event
          </h3>
          <dl className="mt-1 grid grid-cols-[auto_minmax(0,1fr)] gap-x-3 gap-y-0.5 font-mono text-xs">
            {mentioned.map((f) => (
              <div key={f.name} className="contents">
                <dt className="text-slate-500 dark:text-slate-400">{f.name}</dt>
                <dd className="truncate text-slate-900 dark:text-slate-100" title={f.value}>
                  {f.value}
                </dd>
              </div>
            ))}
          </dl>
        </section>
      )}
      {note ? (
        <div className="markdown">
          <GuideMarkdown markdown={filled} source={source} />
        </div>
      ) : (
        <p className="text-sm text-slate-500 dark:text-slate-400">This rule has no investigation guide.</p>
      )}
      {setup ? (
        <details
          data-testid="guide-setup"
          className="mt-6 rounded border border-slate-200 dark:border-slate-700"
        >
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
