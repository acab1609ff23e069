/** Messages between the page and the near-miss worker. */

import type { NearMissScan } from './near-misses.js';

export interface NearMissResult extends NearMissScan {
  /** Sequences and samples have no single clause list to miss by. */
  readonly unsupported: boolean;
}

export interface NearMissRequest {
  /** The page's origin: a worker's relative URLs would resolve against its own script. */
  readonly origin: string;
  readonly corpus: string;
  readonly query: string;
  /** Events to scan at most. */
  readonly limit: number;
}

export interface NearMissProgress {
  readonly scanned: number;
  readonly total: number;
}

export type NearMissWorkerMessage =
  | ({ readonly type: 'progress' } & NearMissProgress)
  | { readonly type: 'done'; readonly result: NearMissResult }
  | { readonly type: 'error'; readonly message: string };
