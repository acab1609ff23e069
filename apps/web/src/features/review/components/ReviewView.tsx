import { type ReactNode, useMemo, useState } from 'react';
import { navigate } from '../../../app/navigation.js';
import { ApiError } from '../../../lib/api-client.js';
import { plural } from '../../../lib/plural.js';
import { useCorpora } from '../../corpora/api/get-corpora.js';
import type { SelectedHit } from '../../search/components/MatchList.js';
import {
  resolveSelection,
  seedExceptions,
  seedHistoryState,
  seedRule,
  type WorkbenchSeed,
} from '../../share/workbench-seed.js';
import { usePermalink } from '../api/get-permalink.js';
import { usePermalinkSearch } from '../api/get-permalink-search.js';
import { useRestorePermalinkCorpus } from '../api/restore-corpus.js';
import { AppLink } from './AppLink.js';
import { ForkChoice } from './ForkChoice.js';
import { ReviewLayout, type ReviewResults } from './ReviewLayout.js';
import { VersionDiff } from './VersionDiff.js';
import { VersionList } from './VersionList.js';

export function ReviewMessage({ title, children }: { title: string; children: ReactNode }) {
  return (
    <div className="grid h-full place-items-center p-8">
      <div role="alert" data-testid="review-error" className="max-w-lg space-y-2 text-center">
        <h1 className="text-lg font-semibold">{title}</h1>
        <p className="text-sm text-slate-600 dark:text-slate-300">{children}</p>
        <AppLink href="/" className="text-sm text-sky-700 underline dark:text-sky-400">
          Open the workbench
        </AppLink>
      </div>
    </div>
  );
}

/** `/r/:id[/:version]`: a permalink as its author saw it, read-only, with its versions. */
export function ReviewView({
  id,
  version,
  themeToggle,
}: {
  id: string;
  version: number | undefined;
  themeToggle?: ReactNode;
}) {
  const view = usePermalink(id, version);
  const current = view.data?.version;
  const snapshot = view.data?.snapshot;
  const search = usePermalinkSearch(id, current, snapshot?.corpus != null);
  const corpora = useCorpora();
  const [picked, setPicked] = useState<{ version: number; hit: SelectedHit } | null>(null);
  const [compare, setCompare] = useState<{ from: number; to: number } | null>(null);
  const [choosingFork, setChoosingFork] = useState(false);
  const restore = useRestorePermalinkCorpus();

  const stored = useMemo(
    () => (snapshot ? resolveSelection(search.data, snapshot.selection) : null),
    [snapshot, search.data],
  );
  if (view.isError) {
    const missing = view.error instanceof ApiError && view.error.status === 404;
    return (
      <ReviewMessage title={missing ? 'No such permalink' : 'Could not open the permalink'}>
        {view.error.message}
      </ReviewMessage>
    );
  }
  if (!view.data || !snapshot || current === undefined) {
    return (
      <p role="status" className="p-6 text-sm text-slate-500">
        Loading permalink…
      </p>
    );
  }
  const data = view.data;
  const selected = picked?.version === current ? picked.hit : stored;
  const versions = data.versions.map((v) => v.version);
  const latest = Math.max(...versions);
  const diffRange =
    compare ??
    (versions.length > 1
      ? { from: current > 1 ? current - 1 : current, to: current > 1 ? current : current + 1 }
      : null);

  const results: ReviewResults =
    snapshot.corpus === null
      ? { message: 'This permalink holds no events: it was made without a corpus.' }
      : search.isError
        ? { message: `The stored search could not run: ${search.error.message}`, failed: true }
        : search.data
          ? { response: search.data }
          : { message: 'Re-running the stored query over the stored events…' };

  const corpusList = (corpora.data ?? []) as readonly { id: string; name: string; contentHash?: string }[];
  // Only a corpus holding the very same events will do: an id reused for other events would not.
  const corpusHere =
    snapshot.corpus === null
      ? undefined
      : corpusList.find((c) => c.contentHash === snapshot.corpus?.content_hash);
  const storedCorpusName = data.corpus?.name ?? snapshot.corpus?.name ?? snapshot.corpus?.index ?? '';

  const openFork = (corpus: string | undefined) => {
    const seed: WorkbenchSeed = {
      rule: seedRule(snapshot.rule, snapshot.query),
      query: snapshot.query,
      ...(corpus !== undefined && { corpus }),
      ...(snapshot.options.size !== undefined && { size: snapshot.options.size }),
      // On another corpus the stored event is not among the events: nothing is selected there.
      selected: corpus === undefined && snapshot.corpus !== null ? null : selected,
      ...seedExceptions(snapshot.options),
      // Saving continues this permalink only if this browser made it (the share menu decides).
      base: { id: data.id, version: latest },
      origin: `permalink ${data.id} version ${current}`,
    };
    navigate('/', seedHistoryState(seed));
  };
  const fork = () => {
    if (snapshot.corpus === null || corpusHere) openFork(corpusHere?.id);
    else setChoosingFork(true);
  };
  const restoreAndFork = () =>
    restore.mutate({ id: data.id, version: current }, { onSuccess: (made) => openFork(made.corpus.id) });

  return (
    <ReviewLayout
      rule={snapshot.rule}
      query={snapshot.query}
      badge={`Permalink · version ${current} of ${latest} · read-only`}
      actions={
        <>
          <button
            type="button"
            className="btn-primary"
            data-testid="review-fork"
            onClick={fork}
            disabled={snapshot.corpus !== null && corpora.isPending}
            title="Open an editable copy in the workbench, on the events this link ran on"
          >
            Fork
          </button>
          {themeToggle}
        </>
      }
      notice={
        <>
          Made {data.created_at.replace('T', ' ').replace(/\.\d+Z$|Z$/, ' UTC')}
          {data.corpus
            ? ` over ${plural(data.corpus.event_count, 'event')} of “${data.corpus.name}” (content ${data.corpus.content_hash.slice(0, 12)}…). The matches are those events searched again with the stored query and options.`
            : '.'}
          {selected &&
            snapshot.selection.event === selected.key &&
            ' The selected event is the one the author had selected.'}
        </>
      }
      aside={
        <div>
          <div className="mb-1 flex items-center justify-between gap-2">
            <h2 className="text-[11px] font-semibold uppercase tracking-wide text-slate-500 dark:text-slate-400">
              Versions
            </h2>
            {versions.length > 1 && (
              <button
                type="button"
                className="text-xs text-sky-700 underline dark:text-sky-400"
                data-testid="review-compare"
                aria-expanded={compare !== null}
                onClick={() => setCompare(compare ? null : diffRange)}
              >
                {compare ? 'Hide changes' : 'Compare versions'}
              </button>
            )}
          </div>
          <VersionList id={data.id} versions={data.versions} current={current} />
        </div>
      }
      below={
        <>
          {choosingFork && (
            <ForkChoice
              corpusName={storedCorpusName}
              eventCount={data.corpus?.event_count ?? 0}
              fallbackName={corpusList[0]?.name}
              restoring={restore.isPending}
              error={restore.isError ? `Could not restore the events: ${restore.error.message}` : null}
              onRestore={restoreAndFork}
              onForkWithout={() => openFork(undefined)}
              onCancel={() => setChoosingFork(false)}
            />
          )}
          {compare && (
            <div className="max-h-[38vh] shrink-0 overflow-y-auto border-b border-slate-200 bg-white px-4 py-2 dark:border-slate-800 dark:bg-slate-900">
              <VersionDiff
                id={data.id}
                versions={versions}
                from={compare.from}
                to={compare.to}
                onChange={(from, to) => setCompare({ from, to })}
              />
            </div>
          )}
        </>
      }
      results={results}
      exceptions={snapshot.options.exceptions}
      selected={selected}
      onSelect={(hit) => setPicked({ version: current, hit })}
    />
  );
}
