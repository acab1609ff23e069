import { reviewPath } from '../../../app/route.js';
import type { PermalinkVersionInfo } from '../api/get-permalink.js';
import { AppLink } from './AppLink.js';

const when = (iso: string) => iso.replace('T', ' ').replace(/\.\d+Z$|Z$/, ' UTC');

export function VersionList({
  id,
  versions,
  current,
}: {
  id: string;
  versions: readonly PermalinkVersionInfo[];
  current: number;
}) {
  return (
    <nav aria-label="Versions" data-testid="review-versions">
      <ol className="space-y-0.5">
        {versions.map((v) => (
          <li key={v.version} data-testid="review-version" className="text-xs">
            <AppLink
              href={reviewPath(id, v.version)}
              aria-current={v.version === current ? 'page' : undefined}
              className={`flex items-baseline gap-2 rounded px-1.5 py-0.5 ${
                v.version === current
                  ? 'bg-sky-100 font-semibold text-sky-900 dark:bg-sky-900/60 dark:text-sky-100'
                  : 'text-sky-800 hover:bg-slate-100 dark:text-sky-300 dark:hover:bg-slate-800'
              }`}
            >
              <span>Version {v.version}</span>
              <span
                className={`font-normal ${v.version === current ? 'text-slate-700 dark:text-slate-200' : 'text-slate-500 dark:text-slate-400'}`}
              >
                {when(v.created_at)}
              </span>
            </AppLink>
          </li>
        ))}
      </ol>
    </nav>
  );
}
