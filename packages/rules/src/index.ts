export {
  ATTACK_CATALOG,
  attackSubtechnique,
  attackTactic,
  attackTechnique,
  subtechniquesOf,
  techniquesOfTactic,
} from './attack/catalog.js';
export type {
  AttackCatalog,
  AttackSubtechniqueFact,
  AttackTacticFact,
  AttackTechniqueFact,
} from './attack/catalog-types.js';
export { MAX_RULE_VALUE_DEPTH, ruleShapeProblem } from './decode-object.js';
export { type EffectiveSchedule, effectiveSchedule, RULE_DEFAULTS } from './defaults.js';
export { RuleError, type RuleErrorCode, type RuleErrorInit } from './errors.js';
export { type FieldKind, METADATA_FIELDS, REQUIRED_RULE_FIELDS, RULE_FIELDS } from './fields.js';
export { kibanaToTomlRule, ruleToKibana } from './kibana/convert.js';
export {
  classifyKibanaObject,
  decodeKibanaNdjson,
  decodeKibanaRule,
  type KibanaExport,
  type KibanaExportItem,
  type KibanaItemKind,
} from './kibana/decode.js';
export { encodeKibanaNdjson } from './kibana/encode.js';
export { extractGuidePlugins, renderGuidePlugins } from './kibana/guide-plugins.js';
export type {
  AttackRef,
  ExportFormat,
  FindingCounts,
  ImportedOther,
  ImportedRule,
  ImportResult,
  ImportStatus,
  LibrarySource,
  LocatedFinding,
  ReplayStatus,
  RevisionInfo,
  RuleDetail,
  RuleList,
  RuleListFilter,
  RuleListItem,
  RuleProblem,
  RuleSummary,
  SaveResult,
  StoredFormat,
} from './library-api.js';
export type { CreatedPermalink, PermalinkVersionInfo, PermalinkView } from './permalink-api.js';
export type {
  AlertSuppression,
  InvestigationFields,
  Rule,
  RuleMetadata,
  RuleObject,
  RuleTransforms,
  RuleType,
  RuleValue,
  Severity,
  Threat,
  ThreatEntry,
  ThreatTechnique,
  ThresholdSpec,
} from './rule.js';
export { decodeUtf8 } from './text.js';
export { DEFAULT_MAX_TEXT_LENGTH, type DecodeOptions, decodeTomlRule } from './toml/decode.js';
export { isDeepStrictEqual } from './toml/deep-equal.js';
export { type EncodeOptions, encodeTomlRule } from './toml/encode.js';
export { locateFindingInToml, tomlPathOf } from './toml/finding-location.js';
export { type KeyLocation, locateTomlKeys, type TextPosition, type TomlLocations } from './toml/locate.js';
export { locateTomlQuery, type QueryLocation } from './toml/query-location.js';
export { closestNames, didYouMean } from './validate/did-you-mean.js';
export { countBySeverity, type Finding, type FindingSeverity } from './validate/finding.js';
export { type QueryValidationOptions, queryFields, validateEqlQuery } from './validate/query.js';
export { RULE_TYPES, validateRequired } from './validate/required.js';
export { parseInterval, parseRelativeDateMath, validateSchedule } from './validate/schedule.js';
export {
  createFieldSchema,
  type FieldInfo,
  type FieldSchema,
  indexPatternsOverlap,
  mergeFieldMaps,
  type NonEcsSchema,
  nonEcsFields,
} from './validate/schema.js';
export {
  isKnownSeverity,
  type KnownSeverity,
  SEVERITY_RISK_RANGES,
  validateSeverity,
} from './validate/severity.js';
export { ATTACK_TACTICS, validateThreat } from './validate/threat.js';
export { type RuleValidationOptions, validateRule } from './validate/validate-rule.js';
