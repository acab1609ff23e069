import type { ServerResponse } from 'node:http';
import { type CompiledQuery, DEFAULT_SIZE, pipeLimit, type QueryNode } from '@rulebench/eql';

/** What one search may cost: its running time and the events its response may hold. */
export interface SearchLimits {
  /** Stop and fail a search that runs longer than this. */
  readonly timeoutMs: number;
  /** Most events in one response: results × events per result (sequence stages, sample terms). */
  readonly maxResponseEvents: number;
}

export const DEFAULT_SEARCH_LIMITS: SearchLimits = { timeoutMs: 10_000, maxResponseEvents: 10_000 };

/** The server's limits from its configuration. */
export function searchLimits(config: {
  readonly searchTimeoutMs: number;
  readonly maxResponseEvents: number;
}): SearchLimits {
  return { timeoutMs: config.searchTimeoutMs, maxResponseEvents: config.maxResponseEvents };
}

/** A search refused or stopped for its cost: a client error (400) that says which limit and why. */
export class SearchLimitError extends Error {
  override readonly name = 'SearchLimitError';
  readonly statusCode = 400;
  readonly code: 'response_too_large' | 'search_timeout';

  constructor(code: SearchLimitError['code'], message: string) {
    super(message);
    this.code = code;
  }
}

export function isSearchLimitError(error: unknown): error is SearchLimitError {
  return error instanceof SearchLimitError;
}

/** The client went away mid-search: the work stops; nobody is left to answer. */
export class SearchCancelledError extends Error {
  override readonly name = 'SearchCancelledError';
  /** nginx's "client closed request": logged as a client event, not a server failure. */
  readonly statusCode = 499;
  readonly code = 'client_closed_request';

  constructor() {
    super('the client closed the connection; the search was stopped');
  }
}

/** Aborted once `response`'s connection closes before the response was sent in full. */
export function disconnectSignal(response: ServerResponse): AbortSignal {
  const controller = new AbortController();
  response.once('close', () => {
    if (!response.writableFinished) controller.abort();
  });
  return controller.signal;
}

/** Events in one result: 1 for an event query, one per stage (runs counted) for a sequence, one per term for a sample. */
export function eventsPerResult(ast: QueryNode): number {
  const body = ast.body;
  switch (body.kind) {
    case 'EventQuery':
      return 1;
    case 'Sequence':
      return body.terms.reduce((sum, term) => sum + Math.max(1, term.runs ?? 1), 0);
    case 'Sample':
      return body.terms.length;
  }
}

/**
 * Refuses, before any event is read, a search whose response could hold more events than
 * allowed (60 stages × size 10,000 made a 333 MB answer; 150 stages overflowed a string).
 * `| head N` / `| tail N` pipes lower the number of results counted.
 */
export function checkResponseSize(compiled: CompiledQuery, size: number | undefined, max: number): void {
  const perResult = eventsPerResult(compiled.ast);
  let results = size ?? DEFAULT_SIZE;
  for (const pipe of compiled.ast.pipes) {
    const count = pipeLimit(pipe.args[0]);
    if (count !== undefined) results = Math.min(results, count);
  }
  const events = results * perResult;
  if (events <= max) return;
  const each = perResult === 1 ? '' : ` × ${perResult} events per result`;
  throw new SearchLimitError(
    'response_too_large',
    `the response could hold ${events} events (size ${results}${each}); the limit is ${max} events per search: lower size`,
  );
}

/** How often the clock is read while events stream through a search. */
const CHECK_EVERY = 256;

/** A search's time budget, checked cheaply while events stream through it. */
export class SearchDeadline {
  readonly #end: number;
  readonly #timeoutMs: number;
  #calls = 0;

  constructor(timeoutMs: number, now: number = Date.now()) {
    this.#timeoutMs = timeoutMs;
    this.#end = now + timeoutMs;
  }

  /** Call once per event; throws once the budget is spent. */
  tick(): void {
    if (++this.#calls % CHECK_EVERY !== 0) return;
    this.check();
  }

  check(): void {
    if (Date.now() <= this.#end) return;
    throw new SearchLimitError(
      'search_timeout',
      `the search ran longer than ${formatSeconds(this.#timeoutMs)} and was stopped; narrow the query (a filter, a shorter maxspan, fewer stages) or raise SEARCH_TIMEOUT_SECONDS`,
    );
  }
}

const formatSeconds = (ms: number) => `${Number((ms / 1000).toFixed(3))} s`;
