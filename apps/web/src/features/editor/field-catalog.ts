/**
 * What the editor knows about fields: ECS (type, description, example, allowed values) merged
 * with what the current corpus holds (types seen, how many events, example values).
 */

export type EcsRow = readonly [string, string, string, string?, (readonly string[])?];

export interface CorpusFieldInfo {
  readonly name: string;
  readonly types: readonly string[];
  readonly count: number;
  readonly examples: readonly unknown[];
}

export interface FieldDoc {
  readonly name: string;
  /** ECS type (`keyword`, `long`, `ip`, …), if ECS defines the field. */
  readonly ecsType?: string;
  readonly description?: string;
  readonly example?: string;
  readonly allowedValues?: readonly string[];
  /** Present when the corpus has the field. */
  readonly corpus?: CorpusFieldInfo;
}

export type FieldCatalog = ReadonlyMap<string, FieldDoc>;

export function buildFieldCatalog(ecs: readonly EcsRow[], corpus: readonly CorpusFieldInfo[]): FieldCatalog {
  const map = new Map<string, FieldDoc>();
  for (const [name, type, description, example, allowed] of ecs) {
    map.set(name, {
      name,
      ecsType: type,
      ...(description ? { description } : {}),
      ...(example ? { example } : {}),
      ...(allowed ? { allowedValues: allowed } : {}),
    });
  }
  for (const field of corpus) {
    const known = map.get(field.name);
    map.set(field.name, known ? { ...known, corpus: field } : { name: field.name, corpus: field });
  }
  return map;
}

/** The type to show for a field: ECS's when known, else what the corpus holds. */
export function fieldTypeLabel(doc: FieldDoc): string {
  if (doc.ecsType) return doc.ecsType;
  return doc.corpus?.types.join(' | ') ?? 'unknown';
}

let ecsRows: Promise<readonly EcsRow[]> | undefined;

/** The ECS table, loaded once and lazily (it is a separate chunk). */
export function loadEcsRows(): Promise<readonly EcsRow[]> {
  const loading =
    ecsRows ??
    import('virtual:ecs-fields')
      .then((m) => m.default as readonly EcsRow[])
      .catch((error: unknown) => {
        ecsRows = undefined;
        throw error;
      });
  ecsRows = loading;
  return loading;
}
