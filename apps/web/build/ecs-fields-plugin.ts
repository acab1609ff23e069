/**
 * `virtual:ecs-fields`: a compact ECS field table for the editor (name, type, one-line
 * description, example, allowed values), derived at build time from `@elastic/ecs`. The full
 * `EcsFlat` is 1.5 MB and cannot be tree-shaken; this is a small fraction of it, and the app
 * loads it lazily the first time completion or hover needs it.
 */

import { EcsFlat } from '@elastic/ecs';
import type { Plugin } from 'vite';

const ID = 'virtual:ecs-fields';
const RESOLVED = `\0${ID}`;

interface FlatField {
  readonly type: string;
  readonly short?: string;
  readonly description?: string;
  readonly example?: unknown;
  readonly allowed_values?: readonly { readonly name: string; readonly description?: string }[];
  readonly multi_fields?: readonly { readonly flat_name: string; readonly type: string }[];
}

/** One row: [name, type, short description, example, allowed values]. */
type Row = [string, string, string, string?, string[]?];

function oneLine(text: string | undefined): string {
  return (text ?? '').replace(/\s+/g, ' ').trim();
}

export function buildEcsRows(flat: Record<string, FlatField>): Row[] {
  const rows: Row[] = [];
  for (const [name, field] of Object.entries(flat)) {
    const row: Row = [name, field.type, oneLine(field.short ?? field.description)];
    const example = field.example === undefined ? undefined : oneLine(String(field.example));
    const allowed = field.allowed_values?.map((v) => v.name);
    if (example !== undefined || allowed !== undefined) row.push(example ?? '');
    if (allowed !== undefined) row.push(allowed);
    rows.push(row);
    for (const multi of field.multi_fields ?? [])
      rows.push([multi.flat_name, multi.type, `${name} as ${multi.type}`]);
  }
  return rows.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
}

export function ecsFieldsPlugin(): Plugin {
  return {
    name: 'rulebench:ecs-fields',
    resolveId(id) {
      return id === ID ? RESOLVED : undefined;
    },
    load(id) {
      if (id !== RESOLVED) return undefined;
      const rows = buildEcsRows(EcsFlat as unknown as Record<string, FlatField>);
      return `export default ${JSON.stringify(rows)};`;
    },
  };
}
