import { describeSchedule } from '../../rule/schedule.js';
import { findingsFor } from '../findings.js';
import { isReplayable, ruleTypeName, withField } from '../rule-draft.js';
import type { TabProps } from './DetailsTab.js';
import { FieldFindings, LinesField, NumberField, TextAreaField, TextField } from './fields.js';

/** Where the rule searches and when: index patterns, schedule, alert limit; the query of non-EQL rules. */
export function QueryTab({ draft, base, findings, update }: TabProps) {
  const text =
    (
      key:
        | 'interval'
        | 'from'
        | 'to'
        | 'timestamp_override'
        | 'event_category_override'
        | 'tiebreaker_field'
        | 'timestamp_field',
    ) =>
    (value: string) =>
      update((d) => withField(d, key, value.trim() === '' ? undefined : value, base));
  const schedule = describeSchedule(draft.interval, draft.from, draft.max_signals);
  const eql = isReplayable(draft);
  return (
    <div className="space-y-3">
      {eql ? (
        <div className="rounded border border-slate-200 bg-slate-50 px-3 py-2 text-xs text-slate-700 dark:border-slate-700 dark:bg-slate-800/60 dark:text-slate-300">
          <p>
            The EQL query is edited in the query editor of the workbench; what the validator finds in it
            (unknown fields, type clashes, values ECS does not allow) is marked there.
          </p>
          <FieldFindings findings={findingsFor(findings, 'query')} />
        </div>
      ) : (
        <>
          <p
            data-testid="editor-not-replayable"
            className="rounded border border-amber-300 bg-amber-50 px-3 py-2 text-xs text-amber-950 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-100"
          >
            This is a {ruleTypeName(draft.type)} rule. Every field opens, saves and exports intact, but only
            EQL rules can be replayed over events.
          </p>
          {draft.query !== undefined && (
            <TextAreaField
              label={`Query (${draft.language ?? draft.type})`}
              value={draft.query}
              onChange={(v) => update((d) => withField(d, 'query', v, base))}
              findings={findingsFor(findings, 'query', 'language')}
              rows={8}
              mono
              testId="editor-query-text"
            />
          )}
        </>
      )}
      <LinesField
        label="Index patterns"
        value={draft.index}
        onChange={(v) => update((d) => withField(d, 'index', v, base))}
        findings={findingsFor(findings, 'index')}
        mono
        testId="editor-index"
      />
      <fieldset className="rounded border border-slate-200 p-3 dark:border-slate-700">
        <legend className="px-1 text-xs font-semibold text-slate-600 dark:text-slate-400">Schedule</legend>
        <div className="grid grid-cols-3 gap-3">
          <TextField
            label="Runs every"
            hint="interval"
            value={draft.interval}
            placeholder="5m"
            onChange={text('interval')}
            findings={findingsFor(findings, 'interval')}
            mono
            testId="editor-interval"
          />
          <TextField
            label="Looks back from"
            hint="from"
            value={draft.from}
            placeholder="now-6m"
            onChange={text('from')}
            findings={findingsFor(findings, 'from')}
            mono
            testId="editor-from"
          />
          <NumberField
            label="Max alerts per run"
            hint="max_signals"
            min={1}
            value={draft.max_signals}
            onChange={(v) => update((d) => withField(d, 'max_signals', v, base))}
            findings={findingsFor(findings, 'max_signals')}
            testId="editor-max-signals"
          />
        </div>
        <p data-testid="editor-schedule-summary" className="mt-2 text-xs text-slate-600 dark:text-slate-400">
          {schedule.detail}
        </p>
        {draft.to !== undefined && (
          <div className="mt-3 w-1/3">
            <TextField
              label="Up to"
              hint="to"
              value={draft.to}
              onChange={text('to')}
              findings={findingsFor(findings, 'to')}
              mono
            />
          </div>
        )}
      </fieldset>
      <div className="grid grid-cols-2 gap-3">
        <TextField
          label="Timestamp override"
          value={draft.timestamp_override}
          placeholder="event.ingested"
          onChange={text('timestamp_override')}
          findings={findingsFor(findings, 'timestamp_override')}
          mono
        />
        {eql && (
          <>
            <TextField
              label="Event category field"
              value={draft.event_category_override}
              placeholder="event.category"
              onChange={text('event_category_override')}
              findings={findingsFor(findings, 'event_category_override')}
              mono
            />
            <TextField
              label="Tiebreaker field"
              value={draft.tiebreaker_field}
              onChange={text('tiebreaker_field')}
              findings={findingsFor(findings, 'tiebreaker_field')}
              mono
            />
            <TextField
              label="Timestamp field"
              value={draft.timestamp_field}
              placeholder="@timestamp"
              onChange={text('timestamp_field')}
              findings={findingsFor(findings, 'timestamp_field')}
              mono
            />
          </>
        )}
      </div>
    </div>
  );
}
