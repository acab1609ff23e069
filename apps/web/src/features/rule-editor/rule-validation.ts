/**
 * Validation in the browser, by the same `validateRule` the server and CLI run. Field types and
 * allowed values come from the editor's compact ECS table (already loaded lazily for completion),
 * which holds exactly what the validator reads from ECS, so the full `EcsFlat` never ships.
 */
import {
  createFieldSchema,
  type FieldInfo,
  type FieldSchema,
  type Finding,
  type Rule,
  validateRule,
} from '@rulebench/rules';
import type { EcsRow } from '../editor/field-catalog.js';

export function schemaFromEcsRows(rows: readonly EcsRow[]): FieldSchema {
  const fields = new Map<string, FieldInfo>();
  for (const [name, type, , , allowed] of rows) {
    fields.set(name, allowed ? { type, allowedValues: allowed } : { type });
  }
  return createFieldSchema(fields);
}

/** Every finding for the rule; without a schema the query is only parsed, as on the server without ECS. */
export function validateDraft(rule: Rule, schema: FieldSchema | undefined): Finding[] {
  try {
    return validateRule(rule, schema ? { schema } : {});
  } catch (error) {
    // A validator bug must not take the editor down; say so where findings are listed.
    return [
      {
        severity: 'error',
        code: 'validation-failed',
        field: '',
        message: `validation failed: ${error instanceof Error ? error.message : String(error)}`,
      },
    ];
  }
}
