/**
 * A corpus as a file on the user's disk: the `rulebench` CLI reads files, not the server, so the
 * share menu's command names the file the download saves (or, for a corpus bundled with
 * Rulebench, the file in the repository it was loaded from).
 */
export interface DownloadableCorpus {
  readonly id: string;
  readonly name: string;
  readonly source?: 'bundled' | 'upload' | undefined;
  /** The file it was loaded from (for bundled corpora, a file in `apps/server/corpora/`). */
  readonly origin?: string | null | undefined;
}

/** Where bundled corpora live in the repository (the server loads every `.ndjson` there). */
export const BUNDLED_CORPORA_DIR = 'apps/server/corpora';

/** The name the download saves the events under: the corpus id (already a safe file name). */
export const corpusFileName = (corpus: Pick<DownloadableCorpus, 'id'>) => `${corpus.id}.ndjson`;

/** What `--events` should say: the repository file of a bundled corpus, else the downloaded file. */
export function cliEventsPath(corpus: DownloadableCorpus | undefined): string {
  if (corpus === undefined) return 'events.ndjson';
  if (corpus.source === 'bundled' && corpus.origin) return `${BUNDLED_CORPORA_DIR}/${corpus.origin}`;
  return corpusFileName(corpus);
}

/**
 * The server streams `{"_id","_source"}` lines (what the workbench's scanners want); a file for
 * the CLI or another tool holds the documents themselves, one per line, as they were imported.
 */
export function unwrapHitLine(line: string): string | undefined {
  if (line.trim() === '') return undefined;
  const hit = JSON.parse(line) as { _source?: unknown };
  return JSON.stringify(hit._source ?? hit);
}

/** Splits a text stream into lines and passes each through `unwrapHitLine`. */
function unwrapHits(): TransformStream<string, string> {
  let rest = '';
  return new TransformStream({
    transform(chunk, controller) {
      const lines = (rest + chunk).split('\n');
      rest = lines.pop() ?? '';
      const out = lines.map(unwrapHitLine).filter((l) => l !== undefined);
      if (out.length > 0) controller.enqueue(`${out.join('\n')}\n`);
    },
    flush(controller) {
      const last = unwrapHitLine(rest);
      if (last !== undefined) controller.enqueue(`${last}\n`);
    },
  });
}

/** Saves the corpus's events as NDJSON under `corpusFileName`, streamed from the server. */
export async function downloadCorpus(corpus: Pick<DownloadableCorpus, 'id'>): Promise<void> {
  const response = await fetch(`/api/corpora/${encodeURIComponent(corpus.id)}/events.ndjson`);
  if (!response.ok || response.body === null)
    throw new Error(`${response.status} ${response.statusText}`.trim());
  const text = response.body
    .pipeThrough(new TextDecoderStream())
    .pipeThrough(unwrapHits())
    .pipeThrough(new TextEncoderStream());
  const blob = await new Response(text, { headers: { 'content-type': 'application/x-ndjson' } }).blob();
  const url = URL.createObjectURL(blob);
  try {
    const a = document.createElement('a');
    a.href = url;
    a.download = corpusFileName(corpus);
    document.body.append(a);
    a.click();
    a.remove();
  } finally {
    // The click has handed the blob to the download; revoking later frees it.
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
  }
}
