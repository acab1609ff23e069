import type { DetectedInput, RecordPosition } from '@rulebench/events';

/** Where a rejected record was: the fields of its position that apply, and why it was rejected. */
export interface ReportedError extends RecordPosition {
  readonly reason: string;
}

/** What one uploaded file (or zip member) turned out to be. */
export interface ReportedInput extends DetectedInput {
  readonly file?: string;
}

/** What happened to the records of one import, as the API reports it. */
export interface ImportReport {
  /** Records read (non-blank lines, array elements, EVTX records). */
  readonly read: number;
  readonly imported: number;
  readonly rejected: number;
  /** Imported events that have no `@timestamp`: stored, but searches order them first. */
  readonly withoutTimestamp: number;
  /** The first rejections, in input order. */
  readonly errors: readonly ReportedError[];
  /** True when more records were rejected than `errors` lists. */
  readonly errorsTruncated: boolean;
  /** The formats recognised, one entry per file or zip member. */
  readonly inputs: readonly ReportedInput[];
}

export const MAX_REPORTED_ERRORS = 100;
const MAX_REPORTED_INPUTS = 100;

/** Accumulates an {@link ImportReport}. */
export class ImportReportBuilder {
  read = 0;
  imported = 0;
  rejected = 0;
  withoutTimestamp = 0;
  readonly #errors: ReportedError[] = [];
  readonly #inputs: ReportedInput[] = [];

  reject(position: RecordPosition, reason: string): void {
    this.rejected++;
    if (this.#errors.length < MAX_REPORTED_ERRORS) this.#errors.push({ ...position, reason });
  }

  input(input: ReportedInput): void {
    if (this.#inputs.length < MAX_REPORTED_INPUTS) this.#inputs.push(input);
  }

  build(): ImportReport {
    return {
      read: this.read,
      imported: this.imported,
      rejected: this.rejected,
      withoutTimestamp: this.withoutTimestamp,
      errors: [...this.#errors],
      errorsTruncated: this.rejected > this.#errors.length,
      inputs: [...this.#inputs],
    };
  }
}
