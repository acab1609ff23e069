import { ecsFields } from './ecs.js';
import {
  createFieldSchema,
  type FieldSchema,
  mergeFieldMaps,
  type NonEcsSchema,
  nonEcsFields,
} from './schema.js';

/** ECS plus the non-ECS fields that the given schema declares for the rule's index patterns. */
export function ruleFieldSchema(index: readonly string[] | undefined, nonEcs?: NonEcsSchema): FieldSchema {
  const extra = nonEcs && index ? nonEcsFields(nonEcs, index) : new Map();
  return createFieldSchema(mergeFieldMaps(ecsFields(), extra));
}
