import { useQuery } from '@tanstack/react-query';
import { type ReactNode, useMemo, useState } from 'react';
import { navigate } from '../../../app/navigation.js';
import type { SelectedHit } from '../../search/components/MatchList.js';
import { decodeFragment } from '../../share/fragment-codec.js';
import {
  resolveSelection,
  seedExceptions,
  seedHistoryState,
  seedRule,
  type WorkbenchSeed,
} from '../../share/workbench-seed.js';
import { useUploadEvents } from '../api/upload-events.js';
import { searchFragment } from '../local-search.js';
import { ReviewLayout, type ReviewResults } from './ReviewLayout.js';
import { ReviewMessage } from './ReviewView.js';

/** `/#s=…`: a state carried whole in the link, searched in the browser; no server data needed. */
export function FragmentView({ payload, themeToggle }: { payload: string; themeToggle?: ReactNode }) {
  const decoded = useQuery({
    queryKey: ['fragment', payload],
    queryFn: () => decodeFragment(payload),
    staleTime: Number.POSITIVE_INFINITY,
    retry: false,
  });
  const state = decoded.data;
  const outcome = useMemo(() => {
    if (!state) return undefined;
    try {
      return { response: searchFragment(state) } as const;
    } catch (error) {
      return { error: error instanceof Error ? error.message : String(error) } as const;
    }
  }, [state]);
  const [picked, setPicked] = useState<SelectedHit | null>(null);
  const upload = useUploadEvents();

  if (decoded.isError) {
    return <ReviewMessage title="This link cannot be opened">{decoded.error.message}</ReviewMessage>;
  }
  if (!state || !outcome) {
    return (
      <p role="status" className="p-6 text-sm text-slate-500">
        Reading the link…
      </p>
    );
  }
  const response = 'response' in outcome ? outcome.response : undefined;
  const selected = picked ?? resolveSelection(response, state.selection, state.events);
  const results: ReviewResults =
    'error' in outcome
      ? { message: `The query could not run: ${outcome.error}`, failed: true }
      : { response };

  const fork = async () => {
    let corpus: string | undefined;
    if (state.events.length > 0) {
      try {
        const name = `Shared link: ${typeof state.rule.name === 'string' ? state.rule.name : 'events'}`.slice(
          0,
          200,
        );
        corpus = (await upload.mutateAsync({ name, events: state.events })).corpus.id;
      } catch {
        return;
      }
    }
    const seed: WorkbenchSeed = {
      rule: seedRule(state.rule, state.query),
      query: state.query,
      ...(corpus !== undefined && { corpus }),
      ...(state.options.size !== undefined && { size: state.options.size }),
      selected,
      ...seedExceptions(state.options),
      origin: 'a link without a server',
    };
    navigate('/', seedHistoryState(seed));
  };

  const events = state.events.length;
  return (
    <ReviewLayout
      rule={state.rule}
      query={state.query}
      badge="Link without a server · read-only"
      actions={
        <>
          <button
            type="button"
            className="btn-primary"
            data-testid="review-fork"
            onClick={fork}
            disabled={upload.isPending}
            title="Open an editable copy in the workbench (the link's events become a corpus on this server)"
          >
            {upload.isPending ? 'Forking…' : 'Fork'}
          </button>
          {themeToggle}
        </>
      }
      notice={
        <>
          Opened from a link that carries its own state: the {events} event{events === 1 ? '' : 's'} it holds
          {state.corpus ? ` (from “${state.corpus}”)` : ''} were searched in this browser; no events or
          results came from a server.
          {upload.isError && (
            <span role="alert" className="ml-2 text-red-700 dark:text-red-400">
              Fork failed: {upload.error.message}
            </span>
          )}
        </>
      }
      results={results}
      exceptions={state.options.exceptions}
      selected={selected}
      onSelect={setPicked}
    />
  );
}
