import { isObject } from './json-value.js';

/** JSON value kinds as a field catalogue reports them. */
export type ValueKind = 'string' | 'number' | 'boolean' | 'null' | 'object';

export interface FieldEntry {
  /** Dotted path; array elements share their array's path (dns.answers.data). */
  readonly field: string;
  /** Number of documents with at least one value. */
  readonly count: number;
  readonly types: Readonly<Partial<Record<ValueKind, number>>>;
  /** Most frequent scalar values, most frequent first, ties by value. */
  readonly values: readonly { readonly value: string | number | boolean; readonly count: number }[];
}

export interface CatalogueOptions {
  /** How many example values to report per field (default 10). */
  readonly topValues?: number;
  /** Distinct values tracked per field before new ones stop being counted (default 1000). */
  readonly maxDistinct?: number;
}

interface FieldStats {
  count: number;
  types: Partial<Record<ValueKind, number>>;
  values: Map<string | number | boolean, number>;
  seenIn: number;
}

/** Builds the field catalogue of a corpus incrementally, in bounded memory per field. */
export class FieldCatalogueBuilder {
  private readonly fields = new Map<string, FieldStats>();
  private documents = 0;
  private readonly topValues: number;
  private readonly maxDistinct: number;

  constructor(options: CatalogueOptions = {}) {
    this.topValues = options.topValues ?? 10;
    this.maxDistinct = options.maxDistinct ?? 1000;
  }

  add(doc: Readonly<Record<string, unknown>>): void {
    this.documents++;
    this.visit(doc, '');
  }

  get documentCount(): number {
    return this.documents;
  }

  /** Fields sorted by name. */
  result(): FieldEntry[] {
    return [...this.fields.entries()]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([field, stats]) => ({
        field,
        count: stats.count,
        types: { ...stats.types },
        values: [...stats.values.entries()]
          .sort(
            (a, b) => b[1] - a[1] || (String(a[0]) < String(b[0]) ? -1 : String(a[0]) > String(b[0]) ? 1 : 0),
          )
          .slice(0, this.topValues)
          .map(([value, count]) => ({ value, count })),
      }));
  }

  private visit(node: Readonly<Record<string, unknown>>, prefix: string): void {
    for (const [key, value] of Object.entries(node))
      this.record(prefix === '' ? key : `${prefix}.${key}`, value);
  }

  private record(field: string, value: unknown): void {
    if (Array.isArray(value)) {
      for (const item of value) this.record(field, item);
      return;
    }
    if (isObject(value)) {
      this.touch(field, 'object');
      this.visit(value, field);
      return;
    }
    const kind: ValueKind =
      value === null
        ? 'null'
        : typeof value === 'number'
          ? 'number'
          : typeof value === 'boolean'
            ? 'boolean'
            : 'string';
    const stats = this.touch(field, kind);
    if (
      value === null ||
      (typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'boolean')
    )
      return;
    const current = stats.values.get(value);
    if (current !== undefined) stats.values.set(value, current + 1);
    else if (stats.values.size < this.maxDistinct) stats.values.set(value, 1);
  }

  private touch(field: string, kind: ValueKind): FieldStats {
    let stats = this.fields.get(field);
    if (!stats) {
      stats = { count: 0, types: {}, values: new Map(), seenIn: 0 };
      this.fields.set(field, stats);
    }
    if (stats.seenIn !== this.documents) {
      stats.seenIn = this.documents;
      stats.count++;
    }
    stats.types[kind] = (stats.types[kind] ?? 0) + 1;
    return stats;
  }
}

/** The catalogue of a whole set of documents. */
export function buildFieldCatalogue(
  docs: Iterable<Readonly<Record<string, unknown>>>,
  options?: CatalogueOptions,
): FieldEntry[] {
  const builder = new FieldCatalogueBuilder(options);
  for (const doc of docs) builder.add(doc);
  return builder.result();
}
