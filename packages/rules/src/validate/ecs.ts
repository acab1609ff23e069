import { EcsFlat } from '@elastic/ecs';
import type { FieldInfo } from './schema.js';

let table: Map<string, FieldInfo> | undefined;

/**
 * Every ECS field with its type, plus allowed values where ECS lists them (event.category,
 * event.type, …). Built once; this module is the only one that pulls in the large ECS table,
 * so a browser can import it lazily.
 */
export function ecsFields(): ReadonlyMap<string, FieldInfo> {
  if (table) return table;
  table = new Map();
  for (const [name, field] of Object.entries(EcsFlat as Record<string, EcsFlatField>)) {
    const allowed = field.allowed_values?.map((v) => v.name);
    table.set(name, allowed ? { type: field.type, allowedValues: allowed } : { type: field.type });
    for (const multi of field.multi_fields ?? []) table.set(multi.flat_name, { type: multi.type });
  }
  return table;
}

/**
 * Per `event.category` value, the `event.type` values ECS expects with it, from `EcsFlat`. The
 * browser does not load `EcsFlat`: `ecs-event-types.ts` is this table, generated and checked.
 */
export function ecsExpectedEventTypes(): Record<string, readonly string[]> {
  const category = (EcsFlat as Record<string, EcsFlatField>)['event.category'];
  return Object.fromEntries(
    (category?.allowed_values ?? []).map((v) => [v.name, v.expected_event_types ?? []] as const),
  );
}

interface EcsFlatField {
  readonly type: string;
  readonly allowed_values?: readonly {
    readonly name: string;
    readonly expected_event_types?: readonly string[];
  }[];
  readonly multi_fields?: readonly { readonly flat_name: string; readonly type: string }[];
}
