import { useMemo, useState } from 'react';
import type { EventLike } from '../../search/match-row.js';
import { type JsonTokenKind, tokenizeJson } from '../json-tokens.js';

const TOKEN_CLASS: Record<JsonTokenKind, string | undefined> = {
  key: 'text-sky-800 dark:text-sky-300',
  string: 'text-green-800 dark:text-green-300',
  number: 'text-blue-700 dark:text-blue-300',
  boolean: 'text-violet-700 dark:text-violet-300',
  null: 'text-slate-500',
  punctuation: 'text-slate-500',
  space: undefined,
};

export function EventJson({ event }: { event: EventLike }) {
  const [copied, setCopied] = useState(false);
  const json = useMemo(() => JSON.stringify(event._source, null, 2), [event]);
  // Line by line, so a wrapped long value stays under its key instead of at column 0.
  const lines = useMemo(
    () =>
      json.split('\n').map((line) => {
        const indent = line.length - line.trimStart().length;
        return { indent, tokens: tokenizeJson(line.trimStart()) };
      }),
    [json],
  );
  const copy = () => {
    void navigator.clipboard?.writeText(json).then(
      () => {
        setCopied(true);
        setTimeout(() => setCopied(false), 1200);
      },
      () => undefined,
    );
  };
  return (
    <div className="flex min-h-0 flex-1 flex-col">
      <div className="flex shrink-0 items-center gap-2 border-b border-slate-200 px-3 py-1 text-xs text-slate-600 dark:border-slate-800 dark:text-slate-400">
        <span className="truncate font-mono" title={`${event._index} / ${event._id}`}>
          {event._index} / {event._id}
        </span>
        <button type="button" className="btn ml-auto h-6 px-2 text-xs" onClick={copy}>
          {copied ? 'Copied' : 'Copy JSON'}
        </button>
      </div>
      <pre
        data-testid="event-json"
        // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard.
        tabIndex={0}
        className="min-h-0 flex-1 overflow-auto whitespace-pre-wrap py-2 pr-3 pl-1 font-mono text-xs leading-snug text-slate-800 [overflow-wrap:anywhere] dark:text-slate-200"
      >
        {lines.map((line, n) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: lines are positional.
          <span key={n} className="block" style={{ paddingLeft: `${line.indent + 2}ch`, textIndent: '-2ch' }}>
            {line.tokens.map((t, i) =>
              t.kind === 'space' ? (
                t.text
              ) : (
                // biome-ignore lint/suspicious/noArrayIndexKey: tokens are positional and never reorder.
                <span key={i} className={TOKEN_CLASS[t.kind]}>
                  {t.text}
                </span>
              ),
            )}
            {'\n'}
          </span>
        ))}
      </pre>
    </div>
  );
}
