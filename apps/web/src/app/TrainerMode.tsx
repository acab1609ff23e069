import { useEffect, useRef, useState } from 'react';
import { EventJson } from '../features/event/components/EventJson.js';
import { Guide } from '../features/guide/components/Guide.js';
import type { Rule } from '../features/rule/types.js';
import { type EventLike, toMatchRow } from '../features/search/match-row.js';
import type { EqlSearchResponse } from '../features/search/types.js';
import { ErrorBoundary } from './ErrorBoundary.js';
import { groupLabel, joinKeysLabel, type TrainerStep } from './trainer-steps.js';

/** Every matched event in order: plain matches, or each present event of each sequence. */
export function trainerEvents(response: EqlSearchResponse | undefined): EventLike[] {
  if (!response) return [];
  if (response.hits.sequences)
    return response.hits.sequences.flatMap((s) => s.events.filter((e) => !e.missing));
  return [...(response.hits.events ?? [])];
}

interface TrainerModeProps {
  readonly rule: Rule;
  /** The matched events in order, with the sequence or sample each belongs to. */
  readonly steps: readonly TrainerStep[];
  readonly onClose: () => void;
}

/**
 * Full-screen guide beside one matched event at a time, for demoing an investigation:
 * ←/→ (or k/j) step through the matches, Esc closes.
 */
export function TrainerMode({ rule, steps: events, onClose }: TrainerModeProps) {
  const [index, setIndex] = useState(0);
  const dialogRef = useRef<HTMLDivElement>(null);
  const current = events[index];
  const event = current?.event;
  const group = current?.group;

  useEffect(() => {
    const previous = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    dialogRef.current?.focus();
    return () => previous?.focus();
  }, []);

  const step = (delta: number) => setIndex((i) => Math.max(0, Math.min(events.length - 1, i + delta)));
  const row = event ? toMatchRow(event) : undefined;

  return (
    <div
      ref={dialogRef}
      role="dialog"
      aria-modal="true"
      aria-label="Trainer mode"
      data-testid="trainer-mode"
      tabIndex={-1}
      className="fixed inset-0 z-50 flex flex-col bg-slate-50 outline-none dark:bg-slate-950"
      onKeyDown={(e) => {
        if (e.key === 'Escape') onClose();
        else if (e.key === 'ArrowRight' || e.key === 'j') step(1);
        else if (e.key === 'ArrowLeft' || e.key === 'k') step(-1);
        else return;
        e.preventDefault();
      }}
    >
      <div className="border-b border-slate-200 bg-white px-6 py-2 dark:border-slate-800 dark:bg-slate-900">
        <div className="flex items-center gap-4">
          <h2 className="min-w-0 flex-1 truncate text-lg font-semibold">{rule.name}</h2>
          <div className="flex shrink-0 items-center gap-2">
            <button type="button" className="btn" onClick={() => step(-1)} disabled={index === 0}>
              ← Previous
            </button>
            <button
              type="button"
              className="btn"
              onClick={() => step(1)}
              disabled={index >= events.length - 1}
            >
              Next →
            </button>
            <button type="button" className="btn" onClick={onClose}>
              Close <span className="kbd">Esc</span>
            </button>
          </div>
        </div>
        <p className="mt-0.5 flex min-w-0 items-baseline gap-3 text-sm">
          <span className="shrink-0 whitespace-nowrap text-slate-500 dark:text-slate-400">
            Match <span data-testid="trainer-position">{events.length === 0 ? 0 : index + 1}</span> of{' '}
            {events.length}
          </span>
          {group && (
            <span data-testid="trainer-group" className="shrink-0 whitespace-nowrap font-medium">
              {groupLabel(group)}
              {group.joinKeys.length > 0 && (
                <span className="font-normal text-slate-600 dark:text-slate-300">
                  {' '}
                  · join key <span className="font-mono">{joinKeysLabel(group.joinKeys)}</span>
                </span>
              )}
            </span>
          )}
          {row && (
            <span className="truncate font-mono">
              <strong>{row.process ?? '—'}</strong>
              {row.target ? ` → ${row.target}` : ''} · {row.host ?? 'unknown host'} · {row.timestamp}
            </span>
          )}
        </p>
      </div>
      <div className="grid min-h-0 flex-1 grid-cols-[minmax(0,1.2fr)_minmax(0,1fr)] gap-3 p-3">
        <section aria-label="Guide for this match" className="panel">
          <h3 className="panel-header">Investigation guide</h3>
          <ErrorBoundary label="The investigation guide">
            <Guide note={rule.note} setup={rule.setup} transform={rule.transform} source={event?._source} />
          </ErrorBoundary>
        </section>
        <section aria-label="Matched event" className="panel">
          <h3 className="panel-header">Matched event</h3>
          {event ? (
            <ErrorBoundary label="The event view">
              <EventJson event={event} />
            </ErrorBoundary>
          ) : (
            <p className="p-4 text-sm text-slate-500 dark:text-slate-400">No matches to step through.</p>
          )}
        </section>
      </div>
    </div>
  );
}
