// Separate entry point (`@rulebench/rules/ecs`): the ECS table is large, so browsers load it lazily.
export { ecsFields } from './validate/ecs.js';
export { ruleFieldSchema } from './validate/rule-schema.js';
