/** What happened to the records of one import, as the API reports it. */
export interface ImportReport {
  /** Records read (non-blank lines). */
  readonly read: number;
  readonly imported: number;
  readonly rejected: number;
  /** Imported events that have no `@timestamp`: stored, but searches order them first. */
  readonly withoutTimestamp: number;
  /** The first rejections, in input order. */
  readonly errors: readonly { readonly line: number; readonly reason: string }[];
  /** True when more records were rejected than `errors` lists. */
  readonly errorsTruncated: boolean;
}

export const MAX_REPORTED_ERRORS = 100;

/** Accumulates an {@link ImportReport}. */
export class ImportReportBuilder {
  read = 0;
  imported = 0;
  rejected = 0;
  withoutTimestamp = 0;
  readonly #errors: { line: number; reason: string }[] = [];

  reject(line: number, reason: string): void {
    this.rejected++;
    if (this.#errors.length < MAX_REPORTED_ERRORS) this.#errors.push({ line, reason });
  }

  build(): ImportReport {
    return {
      read: this.read,
      imported: this.imported,
      rejected: this.rejected,
      withoutTimestamp: this.withoutTimestamp,
      errors: [...this.#errors],
      errorsTruncated: this.rejected > this.#errors.length,
    };
  }
}
