/**
 * The query as plain read-only text, shown where the editor will be while Monaco (most of the
 * bundle, loaded lazily) is still on its way: the page is useful at first paint, and the swap
 * to the editor does not move anything (same font, line height, gutter and padding as the editor).
 */
export function QueryPreview({ text }: { readonly text: string }) {
  const lines = text.split('\n');
  return (
    <div
      data-testid="query-preview"
      aria-busy="true"
      title="The editor is loading"
      className="max-h-80 min-h-24 overflow-auto py-1.5 font-mono text-[13px] leading-[19px] text-slate-800 dark:text-slate-200"
    >
      {lines.map((line, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: lines are positional and never reorder
        <div key={i} className="flex">
          <span
            aria-hidden
            className="w-[23px] shrink-0 select-none text-right text-slate-400 dark:text-slate-500"
          >
            {i + 1}
          </span>
          <span className="min-w-0 whitespace-pre-wrap break-words pl-[10px]">{line || ' '}</span>
        </div>
      ))}
    </div>
  );
}
