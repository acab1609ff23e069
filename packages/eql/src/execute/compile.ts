/**
 * `compile` turns a query into a reusable `CompiledQuery` (parse and verify once, conditions
 * compiled to closures once); `search` runs one over events and returns the Elasticsearch
 * `_eql/search` response. Each query body kind has an executor factory; sequences and samples
 * plug in through `registerExecutorFactory`.
 */

import type { QueryBody, QueryNode } from '../ast.js';
import type { FieldType } from '../evaluate/compare.js';
import { type CompileContext, createCompileContext } from '../evaluate/context.js';
import { parseAndVerify } from '../verify.js';
import {
  ConditionCache,
  createExecutorContext,
  type ExecutorFactory,
  type QueryExecutor,
} from './context.js';
import { createEventQueryExecutor } from './event-query.js';
import { constrainedTermQueries } from './sequence/key-constraints.js';
import type { EqlEvent, EqlSearchResponse, SearchOptions } from './types.js';
import { resolveSearchOptions } from './window.js';

export interface CompileOptions {
  /** Mapping types by dotted field path, for fields whose JSON type does not tell (`version`, `date`). */
  readonly fieldTypes?: Readonly<Record<string, FieldType>>;
  /**
   * Mapping `format` of `date` fields by dotted path, where it is not the default
   * (`strict_date_optional_time||epoch_millis`), e.g. `{ "day": "dd-MM-yyyy" }`.
   */
  readonly dateFormats?: Readonly<Record<string, string>>;
  /** The timestamp field, typed as a `date` in conditions. Default `@timestamp`. */
  readonly timestampField?: string;
  /** Default true: run conditions as generated functions where the runtime allows (see `filter-codegen`). */
  readonly generateCode?: boolean;
}

export interface CompiledQuery {
  readonly ast: QueryNode;
  /** The query text (empty when compiled from a hand-built AST). */
  readonly source: string;
  readonly kind: QueryBody['kind'];
  /** Field types and source text the conditions were compiled with (explanations reuse them). */
  readonly context: CompileContext;
  /** A push-style executor: `push` events, then `finish` for the response. */
  executor(options?: SearchOptions): QueryExecutor;
}

type Factories = { [K in QueryBody['kind']]?: ExecutorFactory<Extract<QueryBody, { kind: K }>> };

const factories: Factories = { EventQuery: createEventQueryExecutor };

/** Installs the executor for a query body kind (the sequence and sample modules call this). */
export function registerExecutorFactory<K extends QueryBody['kind']>(
  kind: K,
  factory: ExecutorFactory<Extract<QueryBody, { kind: K }>>,
): void {
  (factories as Record<string, unknown>)[kind] = factory;
}

function factoryFor(body: QueryBody): ExecutorFactory<QueryBody> {
  const factory = factories[body.kind] as ExecutorFactory<QueryBody> | undefined;
  if (factory === undefined) throw new Error(`No executor registered for ${body.kind} queries`);
  return factory;
}

/** Parses (and verifies) text, or takes a ready AST, and compiles it once for any number of runs. */
export function compile(query: string | QueryNode, options: CompileOptions = {}): CompiledQuery {
  const source = typeof query === 'string' ? query : '';
  const ast = typeof query === 'string' ? parseAndVerify(query) : query;
  const compileContext = createCompileContext({ source, ...options });
  const cache = new ConditionCache(compileContext);
  // Compile every condition now, so that errors surface here and not on the first event.
  const body = ast.body;
  if (body.kind === 'EventQuery') cache.plan(body);
  else for (const query of constrainedTermQueries(body)) cache.plan(query);
  if (body.kind === 'Sequence' && body.until !== null) cache.plan(body.until.query);
  return {
    ast,
    source,
    kind: body.kind,
    context: compileContext,
    executor(searchOptions?: SearchOptions): QueryExecutor {
      const resolved = resolveSearchOptions(searchOptions);
      return factoryFor(body)(body, createExecutorContext(cache, ast.pipes, resolved));
    },
  };
}

export type SearchRequestOptions = SearchOptions & CompileOptions;

/**
 * Runs a query over events (any order unless `presorted`) and returns the `_eql/search` response.
 * With `verifyOrder`, input found out of order is run again unsorted (so it is read twice: a
 * one-shot iterable is kept in an array for that).
 */
export function search(
  query: string | CompiledQuery,
  events: Iterable<EqlEvent>,
  options: SearchRequestOptions = {},
): EqlSearchResponse {
  const compiled = typeof query === 'string' ? compile(query, options) : query;
  const replayable = options.verifyOrder && !Array.isArray(events) ? [...events] : events;
  const run = runOver(compiled.executor(options), replayable);
  if (!run.unsorted) return run.finish();
  return runOver(
    compiled.executor({ ...options, presorted: false, verifyOrder: false }),
    replayable,
  ).finish();
}

function runOver(run: QueryExecutor, events: Iterable<EqlEvent>): QueryExecutor {
  for (const event of events) {
    run.push(event);
    if (run.done) break;
  }
  return run;
}
