import { type ReactNode, useEffect, useRef } from 'react';
import { tabbables, wrapTarget } from '../focus-trap.js';

interface DrawerProps {
  readonly side: 'left' | 'right';
  readonly label: string;
  readonly testId: string;
  readonly onClose: () => void;
  /** Width classes, e.g. `w-[480px]`. */
  readonly width: string;
  /**
   * A modal drawer dims the page and holds focus until closed; a non-modal one leaves the page
   * usable with the pointer (the rule editor beside the query editor). Both keep Tab inside.
   */
  readonly modal: boolean;
  readonly children: ReactNode;
}

/**
 * A full-height side panel: Esc closes it, focus moves in when it opens and back to the opener
 * when it closes, and Tab / Shift+Tab cycle through the panel without leaving it.
 */
export function Drawer({ side, label, testId, onClose, width, modal, children }: DrawerProps) {
  const ref = useRef<HTMLDivElement>(null);
  const close = useRef(onClose);
  close.current = onClose;

  useEffect(() => {
    const previous = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    const first = ref.current?.querySelector<HTMLElement>('[data-autofocus]');
    (first ?? ref.current)?.focus();
    return () => {
      // The opener may be gone (re-rendered); then the focus goes to the page, not nowhere.
      if (previous?.isConnected) previous.focus();
    };
  }, []);

  useEffect(() => {
    if (!modal) return;
    // Focus that lands outside a modal drawer (a click on the page behind is blocked by the
    // backdrop, but script or the browser may move it) is brought back in.
    const onFocusIn = (event: FocusEvent) => {
      const panel = ref.current;
      if (!panel || !(event.target instanceof Node) || panel.contains(event.target)) return;
      (tabbables(panel)[0] ?? panel).focus();
    };
    document.addEventListener('focusin', onFocusIn);
    return () => document.removeEventListener('focusin', onFocusIn);
  }, [modal]);

  const panel = (
    <div
      ref={ref}
      role="dialog"
      aria-modal={modal}
      aria-label={label}
      data-testid={testId}
      tabIndex={-1}
      onKeyDown={(e) => {
        if (e.defaultPrevented || !ref.current) return;
        if (e.key === 'Escape') {
          e.preventDefault();
          close.current();
        } else if (e.key === 'Tab' && !e.altKey && !e.ctrlKey && !e.metaKey) {
          const active = document.activeElement instanceof HTMLElement ? document.activeElement : null;
          const panel = ref.current;
          const target = wrapTarget(tabbables(panel), active, panel, e.shiftKey, (el) => panel.contains(el));
          if (target === undefined) return;
          e.preventDefault();
          target.focus();
        }
      }}
      className={`fixed inset-y-0 ${side === 'left' ? 'left-0 border-r' : 'right-0 border-l'} z-40 flex ${width} max-w-full flex-col border-slate-200 bg-white shadow-2xl outline-none dark:border-slate-700 dark:bg-slate-900`}
    >
      {children}
    </div>
  );
  if (!modal) return panel;
  return (
    <>
      <div aria-hidden className="fixed inset-0 z-30 bg-slate-900/30 dark:bg-black/50" onClick={onClose} />
      {panel}
    </>
  );
}

export function DrawerHeader({
  title,
  onClose,
  children,
}: {
  title: string;
  onClose: () => void;
  children?: ReactNode;
}) {
  return (
    <div className="flex shrink-0 items-center gap-2 border-b border-slate-200 px-4 py-2 dark:border-slate-800">
      <h2 className="min-w-0 flex-1 truncate text-sm font-semibold">{title}</h2>
      {children}
      <button type="button" className="btn" onClick={onClose} title={`Close ${title.toLowerCase()} (Esc)`}>
        Close{' '}
        <span aria-hidden className="kbd">
          Esc
        </span>
      </button>
    </div>
  );
}
