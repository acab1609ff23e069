import type { Store } from '../store/store.js';
import type { CorpusRecord } from '../store/types.js';
import { type ImportReport, ImportReportBuilder } from './import-report.js';
import { type ImportTarget, InlineTarget, RecordBatch, WorkerTarget } from './import-target.js';
import { acceptRecord } from './records.js';
import type { SourceRecord } from './source-records.js';

export interface ImportRequest {
  readonly name: string;
  readonly description: string;
  readonly origin: string | null;
  /** Import the good records and report the bad ones; otherwise any bad record fails the import. */
  readonly skipInvalid: boolean;
  /** Called at most every {@link PROGRESS_INTERVAL_MS} while records arrive, for progress bars. */
  readonly onProgress?: (report: { readonly read: number; readonly imported: number }) => void;
  /** The report to fill, when the caller adds to it too (the formats it recognised). */
  readonly report?: ImportReportBuilder;
}

export type ImportFailure = 'invalid_records' | 'no_events' | 'unreadable_input';

export type ImportOutcome =
  | { readonly ok: true; readonly corpus: CorpusRecord; readonly report: ImportReport }
  | { readonly ok: false; readonly reason: ImportFailure; readonly report: ImportReport };

export const PROGRESS_INTERVAL_MS = 250;

/**
 * A batch goes to the store once it holds this many characters of documents, or this many
 * records: large enough that handing it to the worker costs little, small enough that the worker
 * starts early and memory stays bounded (a few batches in flight).
 */
export const BATCH_CHARS = 1 << 20;
export const BATCH_RECORDS = 2048;

/**
 * Imports a stream of records as a new corpus, in one transaction on a dedicated connection:
 * until it commits, nothing is visible, and an error, an aborted upload or a killed process
 * leaves the store as it was. Records are written in batches; an import larger than one batch
 * is written by a worker thread, so parsing and writing overlap.
 *
 * `source` may hand records over one by one or in arrays (`eventRecordBatches`): arrays are
 * read with one async step each, which for small records costs about as much as the rest of the
 * import's work on this thread.
 */
export function importCorpus(
  store: Store,
  source: AsyncIterable<SourceRecord | readonly SourceRecord[]>,
  request: ImportRequest,
): Promise<ImportOutcome> {
  return store.writeLock.run(async () => {
    const report = request.report ?? new ImportReportBuilder();
    let target: ImportTarget | undefined;
    let batch = new RecordBatch();
    let unreadable = false;
    let lastProgress = Date.now();
    try {
      reading: for await (const step of source) {
        const items: readonly SourceRecord[] = isRecordArray(step) ? step : [step];
        for (let i = 0; i < items.length; i++) {
          const item = items[i] as SourceRecord;
          if ('fatal' in item && item.fatal) {
            report.reject(item.position, item.error);
            unreadable = true;
            break reading;
          }
          report.read++;
          if (
            request.onProgress &&
            report.read % 500 === 0 &&
            Date.now() - lastProgress >= PROGRESS_INTERVAL_MS
          ) {
            lastProgress = Date.now();
            request.onProgress({ read: report.read, imported: report.imported });
          }
          const record =
            'error' in item
              ? { ok: false as const, reason: item.error }
              : acceptRecord(item.value, item.text);
          if (!record.ok) {
            report.reject(item.position, record.reason);
            continue;
          }
          // Once the import is bound to fail, keep reading only to report every bad record.
          if (report.rejected > 0 && !request.skipInvalid) continue;
          batch.add(record.doc, record.ts);
          report.imported++;
          if (record.ts === null) report.withoutTimestamp++;
          if (batch.chars >= BATCH_CHARS || batch.size >= BATCH_RECORDS) {
            target ??= new WorkerTarget(store);
            // Waits only while the worker has too many batches in hand (bounded memory).
            await target.write(batch);
            batch = new RecordBatch();
          }
        }
      }
      if (unreadable || (report.rejected > 0 && !request.skipInvalid)) {
        return {
          ok: false,
          reason: unreadable ? 'unreadable_input' : 'invalid_records',
          report: { ...report.build(), imported: 0, withoutTimestamp: 0 },
        };
      }
      if (report.imported === 0) return { ok: false, reason: 'no_events', report: report.build() };
      target ??= new InlineTarget(store);
      if (batch.size > 0) await target.write(batch);
      const id = await target.commit({
        name: request.name,
        description: request.description,
        source: 'upload',
        origin: request.origin,
      });
      const corpus = store.corpora.get(id);
      if (!corpus) throw new Error(`imported corpus ${id} is not visible after commit`);
      return { ok: true, corpus, report: report.build() };
    } finally {
      target?.close();
    }
  });
}

function isRecordArray(step: SourceRecord | readonly SourceRecord[]): step is readonly SourceRecord[] {
  return Array.isArray(step);
}
