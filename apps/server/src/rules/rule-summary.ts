import type { AttackRef, Rule, RuleListFilter, RuleSummary } from '@rulebench/rules';
import type { RuleFormat } from '../store/rule-store.js';
import { findingCounts, replayStatus, ruleFindings } from './rule-validation.js';

export type { AttackRef, RuleSummary } from '@rulebench/rules';

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

/** Filters of `GET /api/rules`, the same the web app sends. */
export type RuleFilter = RuleListFilter;

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
