import { describePosition, formatCount } from '../corpus-format.js';
import type { ImportReport } from '../types.js';

const FORMAT_NAMES: Record<string, string> = {
  ndjson: 'NDJSON',
  'json-array': 'JSON array',
  'es-search': 'Elasticsearch _search response',
  'eql-search': 'Elasticsearch _eql/search response',
  json: 'JSON',
  evtx: 'EVTX',
};

/** Records read, imported and rejected, with where each rejected one was and why. */
export function ImportReportView({ report, stored }: { report: ImportReport; stored: boolean }) {
  return (
    <div data-testid="import-report" className="space-y-2 text-sm">
      <dl className="grid grid-cols-3 gap-2 text-center">
        {(
          [
            ['Read', report.read, 'report-read'],
            ['Imported', report.imported, 'report-imported'],
            ['Rejected', report.rejected, 'report-rejected'],
          ] as const
        ).map(([label, value, testId]) => (
          <div key={label} className="rounded border border-slate-200 px-2 py-1.5 dark:border-slate-700">
            <dt className="text-[11px] font-semibold uppercase tracking-wide text-slate-500 dark:text-slate-400">
              {label}
            </dt>
            <dd
              data-testid={testId}
              className={`text-lg font-semibold tabular-nums ${
                label === 'Rejected' && value > 0 ? 'text-red-700 dark:text-red-400' : ''
              }`}
            >
              {new Intl.NumberFormat('en-US').format(value)}
            </dd>
          </div>
        ))}
      </dl>
      {report.inputs.length > 0 && (
        <p className="text-xs text-slate-600 dark:text-slate-400">
          Read as{' '}
          {report.inputs
            .map((input) => {
              const name = [input.file, input.entry].filter(Boolean).join(' › ');
              const wrapper = input.compression === 'none' ? '' : ` in ${input.compression}`;
              return `${name ? `${name}: ` : ''}${FORMAT_NAMES[input.format] ?? input.format}${wrapper}`;
            })
            .join('; ')}
          .
        </p>
      )}
      {stored && report.withoutTimestamp > 0 && (
        <p className="text-xs text-amber-800 dark:text-amber-300">
          {formatCount(report.withoutTimestamp, 'event')} without a readable @timestamp: they sort first and
          never fall in a time range.
        </p>
      )}
      {report.errors.length > 0 && (
        <div>
          <h4 className="text-xs font-semibold text-slate-700 dark:text-slate-300">
            {stored ? 'Skipped records' : 'Records that could not be imported'}
          </h4>
          <ul
            data-testid="report-errors"
            className="mt-1 max-h-40 overflow-y-auto rounded border border-red-200 bg-red-50 text-xs dark:border-red-900 dark:bg-red-950/40"
          >
            {report.errors.map((error) => (
              <li
                key={`${describePosition(error)}: ${error.reason}`}
                className="border-b border-red-100 px-2 py-1 last:border-b-0 dark:border-red-900/60"
              >
                <span className="font-semibold text-red-800 dark:text-red-300">
                  {describePosition(error)}
                </span>
                <span className="text-slate-700 dark:text-slate-300">: {error.reason}</span>
              </li>
            ))}
          </ul>
          {report.errorsTruncated && (
            <p className="mt-1 text-xs text-slate-600 dark:text-slate-400">
              Only the first {report.errors.length} of {formatCount(report.rejected, 'rejected record')} are
              listed.
            </p>
          )}
        </div>
      )}
    </div>
  );
}
