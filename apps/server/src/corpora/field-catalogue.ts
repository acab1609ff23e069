/** One field seen in a corpus, for completion and the events table's column picker. */
export interface CatalogueField {
  /** Dotted path; nested objects and flat dotted keys give the same name. */
  readonly name: string;
  /** JSON types seen: `string`, `long` (integers), `double`, `boolean`. Sorted. */
  readonly types: readonly string[];
  /** How many events have a value there. */
  readonly count: number;
  /** Up to {@link MAX_EXAMPLES} distinct values, in first-seen order. */
  readonly examples: readonly unknown[];
}

export const MAX_EXAMPLES = 5;
const MAX_EXAMPLE_LENGTH = 200;
const MAX_FIELDS = 10_000;

interface FieldStats {
  types: Set<string>;
  count: number;
  examples: unknown[];
  exampleKeys: Set<string>;
  lastEvent: number;
}

/** Accumulates the field catalogue of a stream of documents in one pass. */
export class FieldCatalogueBuilder {
  readonly #fields = new Map<string, FieldStats>();
  #events = 0;

  add(document: unknown): void {
    this.#events++;
    this.#walk(document, '');
  }

  build(): CatalogueField[] {
    return [...this.#fields.entries()]
      .map(([name, s]) => ({ name, types: [...s.types].sort(), count: s.count, examples: s.examples }))
      .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  }

  #walk(node: unknown, path: string): void {
    if (Array.isArray(node)) {
      for (const item of node) this.#walk(item, path);
      return;
    }
    if (node !== null && typeof node === 'object') {
      for (const [key, value] of Object.entries(node))
        this.#walk(value, path === '' ? key : `${path}.${key}`);
      return;
    }
    if (node === null || node === undefined || path === '') return;
    this.#record(path, node);
  }

  #record(path: string, value: unknown): void {
    let stats = this.#fields.get(path);
    if (!stats) {
      if (this.#fields.size >= MAX_FIELDS) return;
      stats = { types: new Set(), count: 0, examples: [], exampleKeys: new Set(), lastEvent: 0 };
      this.#fields.set(path, stats);
    }
    // An array contributes one count per event, not one per element.
    if (stats.lastEvent !== this.#events) {
      stats.count++;
      stats.lastEvent = this.#events;
    }
    stats.types.add(typeof value === 'number' ? (Number.isInteger(value) ? 'long' : 'double') : typeof value);
    if (stats.examples.length < MAX_EXAMPLES) {
      const example =
        typeof value === 'string' && value.length > MAX_EXAMPLE_LENGTH
          ? `${value.slice(0, MAX_EXAMPLE_LENGTH)}…`
          : value;
      const key = `${typeof example}:${String(example)}`;
      if (!stats.exampleKeys.has(key)) {
        stats.exampleKeys.add(key);
        stats.examples.push(example);
      }
    }
  }
}
