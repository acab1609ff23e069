/**
 * Moving keyboard focus out of a widget that consumes Tab (Monaco): the next (or previous)
 * tabbable element in document order outside `container`. Monaco's own tab-focus mode is a
 * global toggle in the standalone editor, so the query editor binds Tab to this instead.
 */

const TABBABLE =
  'a[href], button:not([disabled]), input:not([disabled]):not([type="hidden"]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

function visible(el: HTMLElement): boolean {
  return el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden';
}

/** Picks the element to focus among `candidates` (document order), before or after `container`. */
export function neighbourOf<T>(
  container: T,
  candidates: readonly T[],
  isInside: (candidate: T) => boolean,
  isAfter: (candidate: T) => boolean,
  backwards: boolean,
): T | undefined {
  const outside = candidates.filter((c) => c !== container && !isInside(c));
  return backwards ? outside.filter((c) => !isAfter(c)).at(-1) : outside.find(isAfter);
}

export function focusOutside(container: HTMLElement, backwards: boolean): boolean {
  const candidates = [...document.querySelectorAll<HTMLElement>(TABBABLE)].filter(
    (el) => el.tabIndex >= 0 && visible(el),
  );
  const target = neighbourOf(
    container,
    candidates,
    (el) => container.contains(el),
    (el) => (container.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0,
    backwards,
  );
  target?.focus();
  return target !== undefined;
}
