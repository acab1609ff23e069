import type { Rule } from '@rulebench/rules';
import type { RuleFormat } from '../store/rule-store.js';
import {
  type FindingCounts,
  findingCounts,
  type ReplayStatus,
  replayStatus,
  ruleFindings,
} from './rule-validation.js';

export interface AttackRef {
  readonly id: string;
  readonly name: string;
}

/** What the library list shows and searches for one rule; stored beside each entry. */
export interface RuleSummary {
  readonly rule_id: string;
  readonly name: string;
  readonly description: string;
  readonly type: string;
  readonly language: string | null;
  readonly severity: string;
  readonly risk_score: number;
  readonly tags: readonly string[];
  readonly index: readonly string[];
  readonly tactics: readonly AttackRef[];
  /** Techniques and subtechniques. */
  readonly techniques: readonly AttackRef[];
  readonly replay: ReplayStatus;
  readonly findings: FindingCounts;
  /** What the latest revision was saved from, and the file name when it came from one. */
  readonly format: RuleFormat;
  readonly origin: string | null;
}

const DESCRIPTION_LENGTH = 500;

export function summarizeRule(rule: Rule, format: RuleFormat, origin: string | null): RuleSummary {
  const tactics: AttackRef[] = [];
  const techniques: AttackRef[] = [];
  for (const threat of rule.threat ?? []) {
    tactics.push({ id: threat.tactic.id, name: threat.tactic.name });
    for (const technique of threat.technique ?? []) {
      techniques.push({ id: technique.id, name: technique.name });
      for (const sub of technique.subtechnique ?? []) techniques.push({ id: sub.id, name: sub.name });
    }
  }
  return {
    rule_id: rule.rule_id,
    name: rule.name,
    description: rule.description.slice(0, DESCRIPTION_LENGTH),
    type: rule.type,
    language: rule.language ?? null,
    severity: rule.severity,
    risk_score: rule.risk_score,
    tags: rule.tags ?? [],
    index: rule.index ?? [],
    tactics: dedupe(tactics),
    techniques: dedupe(techniques),
    replay: replayStatus(rule),
    findings: findingCounts(ruleFindings(rule)),
    format,
    origin,
  };
}

function dedupe(refs: readonly AttackRef[]): AttackRef[] {
  const seen = new Set<string>();
  return refs.filter((r) => {
    if (seen.has(r.id)) return false;
    seen.add(r.id);
    return true;
  });
}

export interface RuleFilter {
  /** Free text: name, rule_id, description, tags, ATT&CK ids and names, index patterns. */
  readonly q?: string;
  /** A tag, case-insensitive, whole. */
  readonly tag?: string;
  /** A tactic id (`TA0002`) or name (`Execution`), case-insensitive, whole. */
  readonly tactic?: string;
  /** A technique id (`T1047`, also finding its subtechniques) or a part of its name. */
  readonly technique?: string;
  readonly type?: string;
  readonly source?: 'bundled' | 'user';
}

const fold = (s: string) => s.toLowerCase();

export function matchesFilter(summary: RuleSummary, source: 'bundled' | 'user', filter: RuleFilter): boolean {
  if (filter.source && source !== filter.source) return false;
  if (filter.type && fold(summary.type) !== fold(filter.type)) return false;
  if (filter.tag) {
    const tag = fold(filter.tag.trim());
    if (!summary.tags.some((t) => fold(t) === tag)) return false;
  }
  if (filter.tactic) {
    const tactic = fold(filter.tactic.trim());
    if (!summary.tactics.some((t) => fold(t.id) === tactic || fold(t.name) === tactic)) return false;
  }
  if (filter.technique) {
    const technique = fold(filter.technique.trim());
    const hit = summary.techniques.some((t) => {
      const id = fold(t.id);
      return id === technique || id.startsWith(`${technique}.`) || fold(t.name).includes(technique);
    });
    if (!hit) return false;
  }
  if (filter.q?.trim()) {
    const words = fold(filter.q).split(/\s+/).filter(Boolean);
    const haystack = fold(
      [
        summary.name,
        summary.rule_id,
        summary.description,
        summary.type,
        ...summary.tags,
        ...summary.index,
        ...summary.tactics.flatMap((t) => [t.id, t.name]),
        ...summary.techniques.flatMap((t) => [t.id, t.name]),
      ].join('\n'),
    );
    if (!words.every((w) => haystack.includes(w))) return false;
  }
  return true;
}
