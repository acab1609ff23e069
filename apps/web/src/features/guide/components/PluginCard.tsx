import { fillPlaceholders, type PluginName, providersQuery } from '../guide-plugins.js';

const TITLES: Record<PluginName, string> = {
  investigate: 'Investigate in timeline',
  insight: 'Insight',
  osquery: 'Osquery',
};

function str(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/**
 * A Kibana guide plugin shown as a readable, inert block: the label, and the query it would
 * run with `{{field}}` filled from the selected event. Nothing here is clickable or fetched.
 */
export function PluginCard({ plugin, json, source }: { plugin: PluginName; json: string; source: unknown }) {
  let config: Record<string, unknown> = {};
  try {
    const parsed: unknown = JSON.parse(json);
    if (typeof parsed === 'object' && parsed !== null) config = parsed as Record<string, unknown>;
  } catch {
    // Shown raw below.
  }
  const label = str(config.label);
  const description = str(config.description);
  const query = plugin === 'osquery' ? str(config.query) : providersQuery(config.providers);
  const range = str(config.relativeFrom)
    ? `${config.relativeFrom} → ${str(config.relativeTo) ?? 'now'}`
    : undefined;
  return (
    <div
      data-testid="guide-plugin"
      data-plugin={plugin}
      className="not-prose rounded border border-sky-200 bg-sky-50/60 px-3 py-2 text-xs dark:border-sky-900 dark:bg-sky-950/40"
    >
      <div className="flex items-baseline gap-2">
        <span className="font-semibold uppercase tracking-wide text-sky-800 dark:text-sky-300">
          {TITLES[plugin]}
        </span>
        {label && (
          <span className="font-medium text-slate-800 dark:text-slate-200">
            {fillPlaceholders(label, source)}
          </span>
        )}
      </div>
      {description && (
        <p className="mt-0.5 text-slate-600 dark:text-slate-400">{fillPlaceholders(description, source)}</p>
      )}
      {query ? (
        <pre className="mt-1 whitespace-pre-wrap rounded bg-white/70 p-1.5 font-mono text-[11px] dark:bg-slate-900/70">
          {fillPlaceholders(query, source)}
        </pre>
      ) : (
        <pre className="mt-1 whitespace-pre-wrap font-mono text-[11px]">{json}</pre>
      )}
      {range && <p className="mt-0.5 text-[11px] text-slate-500 dark:text-slate-400">Time range: {range}</p>}
    </div>
  );
}
