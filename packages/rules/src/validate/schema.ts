/**
 * What the validator knows about fields: their Elasticsearch type and, for a few ECS fields,
 * the allowed values. Built from ECS plus the non-ECS fields of the rule's index patterns.
 */

export interface FieldInfo {
  /** Elasticsearch mapping type: keyword, long, date, ip, boolean, object, flattened, … */
  readonly type: string;
  readonly allowedValues?: readonly string[];
}

export interface FieldSchema {
  /** The field, or undefined when neither ECS nor the index patterns define it. */
  lookup(field: string): FieldInfo | undefined;
  /** Every concrete field name, for "did you mean". */
  names(): readonly string[];
}

/** Types whose children are free-form: `labels.anything`, a flattened field's keys. */
const OPEN_TYPES = new Set(['object', 'flattened', 'nested']);

export function createFieldSchema(fields: ReadonlyMap<string, FieldInfo>): FieldSchema {
  let names: string[] | undefined;
  return {
    lookup(field) {
      const exact = fields.get(field);
      if (exact) return exact;
      // A prefix mapped as an open type admits any sub-field.
      for (let cut = field.lastIndexOf('.'); cut > 0; cut = field.lastIndexOf('.', cut - 1)) {
        const parent = fields.get(field.slice(0, cut));
        if (parent && OPEN_TYPES.has(parent.type)) return { type: 'keyword' };
      }
      return undefined;
    },
    names() {
      names ??= [...fields.keys()];
      return names;
    },
  };
}

/** Later maps win; used to lay index-pattern fields over ECS. */
export function mergeFieldMaps(...maps: readonly ReadonlyMap<string, FieldInfo>[]): Map<string, FieldInfo> {
  const out = new Map<string, FieldInfo>();
  for (const map of maps) for (const [k, v] of map) out.set(k, v);
  return out;
}

/**
 * The non-ECS schema layout of detection-rules (`etc/non-ecs-schema.json`): index pattern →
 * fields, each either a dotted key with a type or nested objects of them.
 */
export type NonEcsSchema = { readonly [indexPattern: string]: NonEcsNode };
type NonEcsNode = { readonly [key: string]: NonEcsNode | string };

export function nonEcsFields(schema: NonEcsSchema, indexPatterns: readonly string[]): Map<string, FieldInfo> {
  const out = new Map<string, FieldInfo>();
  for (const [pattern, node] of Object.entries(schema)) {
    if (!indexPatterns.some((index) => indexPatternsOverlap(pattern, index))) continue;
    flatten(node, '', out);
  }
  return out;
}

function flatten(node: NonEcsNode, prefix: string, out: Map<string, FieldInfo>): void {
  for (const [key, value] of Object.entries(node)) {
    const name = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(name, { type: value });
    else flatten(value, name, out);
  }
}

/**
 * Whether a schema's index pattern applies to a rule's index pattern: either matches the other
 * as a glob (`logs-endpoint.events.*` covers `logs-endpoint.events.process-*`).
 */
export function indexPatternsOverlap(a: string, b: string): boolean {
  return globMatch(a, b) || globMatch(b, a);
}

function globMatch(pattern: string, text: string): boolean {
  const source = pattern
    .split('*')
    .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
    .join('.*');
  return new RegExp(`^${source}$`).test(text);
}
