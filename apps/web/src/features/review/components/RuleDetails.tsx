import type { ReactNode } from 'react';
import { describeSchedule } from '../../rule/schedule.js';
import type { SnapshotRule } from '../../share/types.js';

const strings = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
const text = (value: unknown): string | undefined =>
  typeof value === 'string' && value !== '' ? value : undefined;

interface ThreatRow {
  readonly tactic: string;
  readonly techniques: string;
}

function threatRows(value: unknown): ThreatRow[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((entry) => {
    if (typeof entry !== 'object' || entry === null) return [];
    const t = entry as {
      tactic?: { id?: string; name?: string };
      technique?: { id?: string; name?: string }[];
    };
    const tactic = t.tactic ? `${t.tactic.name ?? ''} (${t.tactic.id ?? '?'})` : '—';
    const techniques = (t.technique ?? []).map((x) => `${x.id ?? '?'} ${x.name ?? ''}`.trim()).join(', ');
    return [{ tactic, techniques }];
  });
}

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <>
      <dt className="text-[11px] font-medium uppercase tracking-wide text-slate-500 dark:text-slate-400">
        {label}
      </dt>
      <dd className="min-w-0 break-words text-xs text-slate-800 dark:text-slate-200">{children}</dd>
    </>
  );
}

/** The rule's metadata as stored: what it is, where it looks, when it runs, what it maps to. */
export function RuleDetails({ rule }: { rule: SnapshotRule }) {
  const index = strings(rule.index);
  const schedule = describeSchedule(
    text(rule.interval),
    text(rule.from),
    typeof rule.max_signals === 'number' ? rule.max_signals : undefined,
  );
  const threat = threatRows(rule.threat);
  const references = strings(rule.references);
  return (
    <dl
      data-testid="review-rule-details"
      className="grid grid-cols-[auto_minmax(0,1fr)] items-baseline gap-x-3 gap-y-1"
    >
      {text(rule.description) && <Row label="Description">{text(rule.description)}</Row>}
      {text(rule.rule_id) && (
        <Row label="Rule id">
          <span className="font-mono">{text(rule.rule_id)}</span>
        </Row>
      )}
      <Row label="Indices">
        <span className="font-mono">{index.length > 0 ? index.join(', ') : '—'}</span>
      </Row>
      <Row label="Schedule">
        <span title={schedule.detail}>{schedule.label}</span>
      </Row>
      {threat.length > 0 && (
        <Row label="ATT&CK">
          {threat.map((t) => (
            <div key={`${t.tactic}${t.techniques}`}>
              {t.tactic}
              {t.techniques && ` · ${t.techniques}`}
            </div>
          ))}
        </Row>
      )}
      {references.length > 0 && (
        <Row label="References">
          {references.map((r) => (
            <div key={r} className="truncate" title={r}>
              {r}
            </div>
          ))}
        </Row>
      )}
    </dl>
  );
}
