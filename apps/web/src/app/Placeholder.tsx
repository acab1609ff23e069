import type { ReactNode } from 'react';

export function Placeholder({ children }: { children: ReactNode }) {
  return <div className="p-4 text-sm text-slate-500 dark:text-slate-400">{children}</div>;
}
