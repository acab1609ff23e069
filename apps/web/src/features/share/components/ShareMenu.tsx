import { useEffect, useId, useRef, useState } from 'react';
import { useCreatePermalink } from '../api/create-permalink.js';
import { cliSearchCommand, esCurlCommand } from '../commands.js';
import {
  cliEventsPath,
  corpusFileName,
  type DownloadableCorpus,
  downloadCorpus,
} from '../corpus-download.js';
import { formatSize, MAX_FRAGMENT_EVENTS, planFragmentLink } from '../fragment-link.js';
import { isOwnPermalink, rememberOwnPermalink } from '../own-permalinks.js';
import { parsePastedEvents } from '../pasted-events.js';
import { ruleAsKibanaNdjson, ruleAsToml } from '../rule-export.js';
import { ruleRecord, type ShareableState, snapshotInput, snapshotOptions } from '../share-state.js';
import type { PermalinkBase } from '../types.js';
import { CopiedText } from './CopiedText.js';
import { LinkResult, type MadeLink } from './LinkResult.js';
import { useClipboard } from './use-clipboard.js';

interface ShareMenuProps {
  /** Undefined while the rule loads. */
  readonly state: ShareableState | undefined;
  /** The permalink this state came from (a fork): saving makes its next version. */
  readonly base?: PermalinkBase | undefined;
  /** The query was edited after the results on screen were produced. */
  readonly editedSinceRun?: boolean;
  /** The corpus the query runs on, for its download and the command line that reads it. */
  readonly corpus?: DownloadableCorpus | undefined;
}

const errorText = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** The header's Share button and its menu: links to this state, and the rule in other forms. */
export function ShareMenu({ state, base: initialBase, editedSinceRun = false, corpus }: ShareMenuProps) {
  const [open, setOpen] = useState(false);
  const [base, setBase] = useState<PermalinkBase | undefined>(initialBase);
  // Unticked by default for a link someone else made (a fork): the first save makes a new id.
  const [nextVersionChoice, setNextVersionChoice] = useState<boolean | null>(null);
  const ownBase = base !== undefined && isOwnPermalink(base.id);
  const asNextVersion = nextVersionChoice ?? ownBase;
  const [downloading, setDownloading] = useState(false);
  const [link, setLink] = useState<MadeLink | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [pasted, setPasted] = useState('');
  const [busy, setBusy] = useState(false);
  const clipboard = useClipboard();
  const create = useCreatePermalink();
  const button = useRef<HTMLButtonElement>(null);
  const panel = useRef<HTMLDivElement>(null);
  const ids = useId();

  useEffect(() => {
    setBase(initialBase);
    setNextVersionChoice(null);
  }, [initialBase]);

  useEffect(() => {
    if (!open) return;
    panel.current?.querySelector<HTMLElement>('button, input, textarea')?.focus();
    const onPointer = (e: PointerEvent) => {
      const target = e.target as Node;
      if (!panel.current?.contains(target) && !button.current?.contains(target)) setOpen(false);
    };
    // On the document, not the panel: focus may have left it (a button disabled while it works).
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape') return;
      setOpen(false);
      button.current?.focus();
    };
    document.addEventListener('pointerdown', onPointer);
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('pointerdown', onPointer);
      document.removeEventListener('keydown', onKey);
    };
  }, [open]);

  const show = (made: MadeLink) => {
    clipboard.clear();
    setError(null);
    setLink(made);
  };

  const makePermalink = async () => {
    if (!state) return;
    setError(null);
    const useBase = base !== undefined && asNextVersion ? base : undefined;
    try {
      const created = await create.mutateAsync({
        snapshot: snapshotInput(state),
        ...(useBase && { base: useBase }),
      });
      const url = new URL(created.url, window.location.origin).href;
      const copied = await clipboard.copy('the permalink', url);
      rememberOwnPermalink(created.id);
      setBase({ id: created.id, version: created.version });
      setNextVersionChoice(null);
      show({
        kind: 'permalink',
        url,
        copied,
        summary: created.created
          ? `Permalink, stored on this server: version ${created.version}${created.version > 1 ? ` of ${created.id}` : ''}.`
          : `Nothing changed since version ${created.version}: this is its permalink, stored on this server.`,
      });
    } catch (e) {
      setLink(null);
      setError(`Could not create the permalink: ${errorText(e)}`);
    }
  };

  const makeFragmentLink = async () => {
    if (!state) return;
    setError(null);
    const parsed = parsePastedEvents(pasted);
    if (!parsed.ok) {
      setLink(null);
      setError(parsed.error);
      return;
    }
    setBusy(true);
    try {
      const usePasted = parsed.events.length > 0;
      const plan = await planFragmentLink(
        window.location.origin,
        state,
        usePasted ? parsed.events : undefined,
      );
      if (!plan.ok) {
        setLink(null);
        setError(plan.reason);
        return;
      }
      const copied = await clipboard.copy('the link', plan.url);
      const events = `${plan.events} ${usePasted ? 'pasted ' : ''}event${plan.events === 1 ? '' : 's'}`;
      show({
        kind: 'fragment',
        url: plan.url,
        copied,
        summary: `Link without a server: the rule, query and ${events} are in the link itself (${formatSize(plan.length)}); it opens on any Rulebench.`,
      });
    } catch (e) {
      setLink(null);
      setError(`Could not make the link: ${errorText(e)}`);
    } finally {
      setBusy(false);
    }
  };

  const download = async () => {
    if (!corpus) return;
    setError(null);
    setDownloading(true);
    try {
      await downloadCorpus(corpus);
    } catch (e) {
      setError(`Could not download the events: ${errorText(e)}`);
    } finally {
      setDownloading(false);
    }
  };

  const copyAs = (label: string, text: () => string) => async () => {
    if (!state) return;
    setLink(null);
    setError(null);
    try {
      await clipboard.copy(label, text());
    } catch (e) {
      setError(`Could not write ${label}: ${errorText(e)}`);
    }
  };

  return (
    <div className="relative shrink-0">
      <button
        ref={button}
        type="button"
        className="btn"
        data-testid="share-button"
        aria-haspopup="dialog"
        aria-expanded={open}
        aria-controls={open ? `${ids}-panel` : undefined}
        disabled={!state}
        onClick={() => setOpen((o) => !o)}
      >
        Share
      </button>
      {open && state && (
        <div
          ref={panel}
          id={`${ids}-panel`}
          role="dialog"
          aria-label="Share"
          data-testid="share-menu"
          className="absolute right-0 top-8 z-40 w-[26rem] rounded border border-slate-300 bg-white p-3 text-sm shadow-lg dark:border-slate-600 dark:bg-slate-900"
        >
          <h2 className="text-[11px] font-semibold uppercase tracking-wide text-slate-500 dark:text-slate-400">
            Link to this state
          </h2>
          <div className="mt-1.5 flex flex-wrap gap-2">
            <button
              type="button"
              className="btn-primary"
              data-testid="share-create-permalink"
              onClick={makePermalink}
              disabled={create.isPending}
              title="Store the rule, query, events and selection on this server; the link never changes"
            >
              {create.isPending ? 'Creating…' : 'Create permalink'}
            </button>
            <button
              type="button"
              className="btn"
              data-testid="share-copy-link"
              onClick={makeFragmentLink}
              disabled={busy}
              title={`Put the whole state (up to ${MAX_FRAGMENT_EVENTS} events) in the link itself; nothing is stored`}
            >
              Copy link
            </button>
          </div>
          {base && (
            <label className="mt-2 flex items-center gap-1.5 text-xs text-slate-700 dark:text-slate-300">
              <input
                type="checkbox"
                data-testid="share-next-version"
                checked={asNextVersion}
                onChange={(e) => setNextVersionChoice(e.target.checked)}
              />
              <span>
                Save as the next version of permalink <span className="font-mono">{base.id}</span> (now at
                version {base.version})
                {!ownBase && ' — a link made elsewhere: left unticked, saving makes a new permalink'}
              </span>
            </label>
          )}
          <p className="mt-1.5 text-xs text-slate-500 dark:text-slate-400">
            A permalink is stored here and shows the matches exactly as now. A link without a server carries
            the rule, query and {state.response ? 'matched events' : 'events'} in its fragment and opens on
            any Rulebench.
            {editedSinceRun &&
              ' The query was edited since the last run: the link carries the events of that run.'}
          </p>
          <details className="mt-1.5 text-xs">
            <summary className="cursor-pointer select-none text-slate-600 dark:text-slate-300">
              Use pasted events in the link instead
            </summary>
            <label htmlFor={`${ids}-paste`} className="mt-1 block text-slate-600 dark:text-slate-300">
              Events (NDJSON, a JSON array or a search response; up to {MAX_FRAGMENT_EVENTS})
            </label>
            <textarea
              id={`${ids}-paste`}
              data-testid="share-paste-events"
              value={pasted}
              onChange={(e) => setPasted(e.target.value)}
              rows={4}
              spellCheck={false}
              className="mt-1 w-full resize-y rounded border border-slate-300 bg-white p-1.5 font-mono text-[11px] dark:border-slate-600 dark:bg-slate-950"
            />
          </details>
          {error && (
            <p role="alert" data-testid="share-error" className="mt-2 text-xs text-red-700 dark:text-red-400">
              {error}
            </p>
          )}
          {link && <LinkResult link={link} />}

          <h2 className="mt-4 text-[11px] font-semibold uppercase tracking-wide text-slate-500 dark:text-slate-400">
            Copy as
          </h2>
          <div className="mt-1.5 grid grid-cols-2 gap-2">
            <button
              type="button"
              className="btn justify-center"
              data-testid="share-copy-toml"
              onClick={copyAs('the rule as TOML', () => ruleAsToml(ruleRecord(state.rule), state.query))}
            >
              Rule as TOML
            </button>
            <button
              type="button"
              className="btn justify-center"
              data-testid="share-copy-ndjson"
              onClick={copyAs('the rule as Kibana NDJSON', () =>
                ruleAsKibanaNdjson(ruleRecord(state.rule), state.query),
              )}
            >
              Rule as Kibana NDJSON
            </button>
            <button
              type="button"
              className="btn justify-center"
              data-testid="share-copy-curl"
              title="The query as an Elasticsearch _eql/search request over the rule's indices and look-back window"
              onClick={copyAs('the curl request', () =>
                esCurlCommand(ruleRecord(state.rule), state.query, snapshotOptions(state)),
              )}
            >
              curl for Elasticsearch
            </button>
            <button
              type="button"
              className="btn justify-center"
              data-testid="share-copy-cli"
              title={
                corpus?.source === 'bundled'
                  ? 'The same search with the rulebench command line, from the repository root'
                  : `The same search with the rulebench command line, over ${corpus ? corpusFileName(corpus) : 'the events'} as downloaded below`
              }
              onClick={copyAs('the command line', () =>
                cliSearchCommand(state.query, snapshotOptions(state), cliEventsPath(corpus)),
              )}
            >
              rulebench command
            </button>
          </div>
          {corpus && (
            <p className="mt-2 flex items-center gap-2 text-xs text-slate-600 dark:text-slate-300">
              <button
                type="button"
                className="btn h-7 px-2 text-xs"
                data-testid="share-download-corpus"
                onClick={download}
                disabled={downloading}
                title="Every event of the corpus, one ECS document per line: what rulebench search --events reads"
              >
                {downloading ? 'Downloading…' : 'Download events (NDJSON)'}
              </button>
              <span className="min-w-0 truncate">
                “{corpus.name}” as <span className="font-mono">{corpusFileName(corpus)}</span>
              </span>
            </p>
          )}
          {clipboard.last && <CopiedText outcome={clipboard.last} />}
        </div>
      )}
    </div>
  );
}
