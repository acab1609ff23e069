import type { Rule } from './rule.js';

/** What Kibana applies when a rule leaves these fields out. */
export const RULE_DEFAULTS = {
  interval: '5m',
  from: 'now-6m',
  to: 'now',
  max_signals: 100,
} as const;

export interface EffectiveSchedule {
  readonly interval: string;
  readonly from: string;
  readonly to: string;
  readonly max_signals: number;
}

/** The schedule Kibana runs the rule with: the rule's own values, else Kibana's defaults. */
export function effectiveSchedule(
  rule: Pick<Rule, 'interval' | 'from' | 'to' | 'max_signals'>,
): EffectiveSchedule {
  return {
    interval: rule.interval ?? RULE_DEFAULTS.interval,
    from: rule.from ?? RULE_DEFAULTS.from,
    to: rule.to ?? RULE_DEFAULTS.to,
    max_signals: rule.max_signals ?? RULE_DEFAULTS.max_signals,
  };
}
