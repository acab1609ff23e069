/** The permalink contract, as `apps/server/src/schemas/permalinks.ts` defines it (snapshot v1). */

/** An event as search results carry it. */
export interface SharedEvent {
  readonly _index: string;
  readonly _id: string;
  readonly _source: Record<string, unknown>;
}

/** `_eql/search` options a snapshot keeps (snake_case, as Elasticsearch takes them). */
export interface SnapshotOptions {
  readonly size?: number;
  readonly timestamp_field?: string;
  readonly tiebreaker_field?: string;
  readonly event_category_field?: string;
  readonly result_position?: 'head' | 'tail';
  readonly max_samples_per_key?: number;
  readonly exceptions?: readonly unknown[];
}

/**
 * What the workbench had selected. `event` is the row key of the match list (`e:<id>`,
 * `s:<sequence>:<stage>`, `n:<id>` for a near miss); `hit` is the event itself, so a
 * selection outside the stored matches (a near miss) can still be shown.
 */
export interface SnapshotSelection {
  readonly event?: string | null;
  readonly sequence?: string | null;
  readonly panel?: string | null;
  readonly hit?: SharedEvent;
}

/** The rule as the server sends it: every field of the detection-rules model, kept as is. */
export type SnapshotRule = Readonly<Record<string, unknown>>;

export interface SnapshotInput {
  readonly v: 1;
  readonly rule: SnapshotRule;
  readonly query: string;
  readonly corpus: { readonly id: string } | null;
  readonly options: SnapshotOptions;
  readonly selection: SnapshotSelection;
}

export interface SnapshotV1 {
  readonly v: 1;
  readonly rule: SnapshotRule;
  readonly query: string;
  /** `name`: the corpus's name when the snapshot was made (absent in older snapshots). */
  readonly corpus: { readonly index: string; readonly name?: string; readonly content_hash: string } | null;
  readonly options: SnapshotOptions;
  readonly selection: SnapshotSelection;
}

/** A version of a permalink to build on: saving again makes the next version under its id. */
export interface PermalinkBase {
  readonly id: string;
  readonly version: number;
}

export type { CreatedPermalink } from '@rulebench/rules';

/** What a fragment link (`/#s=…`) carries: a snapshot with the events themselves. */
export interface FragmentState {
  readonly v: 1;
  readonly rule: SnapshotRule;
  readonly query: string;
  /** The name of the corpus the events came from, for display. */
  readonly corpus: string | null;
  readonly options: SnapshotOptions;
  readonly selection: SnapshotSelection;
  readonly events: readonly SharedEvent[];
}
