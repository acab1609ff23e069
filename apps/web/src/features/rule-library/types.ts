/**
 * The rule library as `/api/rules*` sends it: the contract lives in `@rulebench/rules` (library-api.ts)
 * so the server and the web app read the same types. Type-only, so nothing of it reaches the bundle.
 */
export type {
  AttackRef,
  ExportFormat,
  FindingCounts,
  ImportedOther,
  ImportedRule,
  ImportResult,
  ImportStatus,
  LocatedFinding,
  ReplayStatus,
  RuleDetail,
  RuleList,
  RuleListFilter,
  RuleListItem,
  RuleProblem,
  SaveResult,
  StoredFormat,
} from '@rulebench/rules';
