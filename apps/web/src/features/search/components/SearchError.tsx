import { ApiError } from '../../../lib/api-client.js';

export function SearchError({ error }: { error: unknown }) {
  const message = error instanceof Error ? error.message : String(error);
  const details = error instanceof ApiError ? error.details : [];
  const code = error instanceof ApiError ? error.code : undefined;
  return (
    <div
      role="alert"
      data-testid="search-error"
      className="m-2 rounded border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-800 dark:border-red-800 dark:bg-red-950/60 dark:text-red-200"
    >
      <p className="font-semibold">
        The search failed
        {code ? <span className="ml-1 font-mono text-xs font-normal opacity-75">({code})</span> : null}
      </p>
      {details.length > 0 ? (
        <ul className="mt-1 space-y-0.5 font-mono text-xs">
          {details.map((d, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: details have no identity and never reorder.
            <li key={i}>
              {d.line !== undefined && d.column !== undefined ? `${d.line}:${d.column} ` : ''}
              {d.message}
            </li>
          ))}
        </ul>
      ) : (
        <p className="mt-1 text-xs">{message}</p>
      )}
    </div>
  );
}
