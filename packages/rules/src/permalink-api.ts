/**
 * Permalinks as `/api/permalinks*` sends them (apps/server/src/schemas/permalinks.ts), shared by the
 * server and the web app. Types only. The snapshot is a parameter: the server types it from its
 * request schema, the web app from its own share model; both describe the same JSON.
 */

export interface CreatedPermalink {
  readonly id: string;
  readonly version: number;
  /** The review page, `/r/{id}/{version}` (a path; the origin is the page's). */
  readonly url: string;
  /** False when this exact state was already stored (the existing version is returned). */
  readonly created: boolean;
}

export interface PermalinkVersionInfo {
  readonly version: number;
  readonly created_at: string;
  readonly url: string;
}

/** `GET /api/permalinks/:id[/:version]`. */
export interface PermalinkView<Snapshot> {
  readonly id: string;
  readonly version: number;
  readonly url: string;
  readonly created_at: string;
  readonly snapshot: Snapshot;
  /** Null when the snapshot holds no events. */
  readonly corpus: {
    readonly index: string;
    /** The corpus's name when the snapshot was made (its id for older snapshots). */
    readonly name: string;
    readonly content_hash: string;
    readonly event_count: number;
  } | null;
  readonly versions: readonly PermalinkVersionInfo[];
}
