import type { Rule } from '../rule.js';
import type { Finding } from './finding.js';

/** Kibana's risk-score bands per severity (the Security app's severity → risk score mapping). */
export const SEVERITY_RISK_RANGES = {
  low: [0, 21],
  medium: [22, 47],
  high: [48, 73],
  critical: [74, 100],
} as const satisfies Record<string, readonly [number, number]>;

export type KnownSeverity = keyof typeof SEVERITY_RISK_RANGES;

export function isKnownSeverity(value: string): value is KnownSeverity {
  return Object.hasOwn(SEVERITY_RISK_RANGES, value);
}

export function validateSeverity(rule: Rule): Finding[] {
  const findings: Finding[] = [];
  if (!Number.isInteger(rule.risk_score) || rule.risk_score < 0 || rule.risk_score > 100) {
    findings.push({
      severity: 'error',
      code: 'risk-score-range',
      field: 'risk_score',
      message: `risk_score ${rule.risk_score} is outside 0–100.`,
    });
  }
  if (!isKnownSeverity(rule.severity)) {
    findings.push({
      severity: 'error',
      code: 'severity-value',
      field: 'severity',
      message: `severity "${rule.severity}" is not one of low, medium, high, critical.`,
    });
    return findings;
  }
  const [low, high] = SEVERITY_RISK_RANGES[rule.severity];
  if (findings.length === 0 && (rule.risk_score < low || rule.risk_score > high)) {
    findings.push({
      severity: 'warning',
      code: 'severity-risk-mismatch',
      field: 'risk_score',
      message: `risk_score ${rule.risk_score} does not fit severity "${rule.severity}" (${low}–${high}).`,
    });
  }
  return findings;
}
