import { compileFieldAccessor, didYouMean, suggestionList, toEpochMillis } from '@rulebench/eql';

/** How many events have their timestamp checked for being a date: a file's format is uniform. */
const CHECKED_EVENTS = 1000;

/**
 * Watches the timestamp field of the events a search reads, for the two cases where
 * Elasticsearch would not answer as the search did, silently: no event has the field (ES refuses
 * the search: "Unknown column [@timestamp]", elastic/kibana#90719), or events hold a value that
 * is not a date in the default format (ES refuses them at indexing; no query returns them).
 */
export class TimestampWatch {
  private readonly read: (doc: Record<string, unknown>) => unknown;
  private events = 0;
  private seen = false;
  private firstEventFields: readonly string[] = [];
  private invalid: { readonly id: string; readonly value: unknown } | undefined;

  constructor(readonly field: string) {
    this.read = compileFieldAccessor(field);
  }

  observe(doc: Record<string, unknown>, id: string): void {
    const index = this.events++;
    if (this.seen && (this.invalid !== undefined || index >= CHECKED_EVENTS)) return;
    if (index === 0) this.firstEventFields = fieldPaths(doc);
    const value = this.read(doc);
    if (value === undefined) return;
    this.seen = true;
    if (this.invalid !== undefined || index >= CHECKED_EVENTS) return;
    const values: readonly unknown[] = Array.isArray(value) ? value : [value];
    const bad = values.find((v) => v !== null && toEpochMillis(v) === undefined);
    if (bad !== undefined) this.invalid = { id, value: bad };
  }

  /** Notes for stderr, one per line; none when all is well. */
  notes(inputName: string): string[] {
    const { field } = this;
    if (this.events > 0 && !this.seen) {
      const near = suggestionList(field, this.firstEventFields);
      const hint = near.length > 0 ? `${didYouMean(near)} (--timestamp-field)` : '';
      return [
        `note: no event has the timestamp field [${field}]: Elasticsearch would refuse this search (Unknown column [${field}])${hint}`,
      ];
    }
    if (this.invalid !== undefined) {
      const shown = JSON.stringify(this.invalid.value) ?? String(this.invalid.value);
      return [
        `note: ${inputName}:${this.invalid.id}: [${field}] ${shown.length > 60 ? `${shown.slice(0, 57)}…` : shown} is not a date in Elasticsearch's default format (strict_date_optional_time||epoch_millis): it would refuse such events at indexing, and no query returns them`,
      ];
    }
    return [];
  }
}

/** The dotted paths of a document's values (at most 1,000), for "did you mean". */
function fieldPaths(doc: Record<string, unknown>): string[] {
  const paths: string[] = [];
  const visit = (value: unknown, prefix: string): void => {
    if (paths.length >= 1000) return;
    if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
      for (const [key, child] of Object.entries(value))
        visit(child, prefix === '' ? key : `${prefix}.${key}`);
    } else if (prefix !== '') paths.push(prefix);
  };
  visit(doc, '');
  return paths;
}
