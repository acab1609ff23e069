/**
 * Keeping keyboard focus inside an open drawer or dialog: Tab from the last focusable element
 * wraps to the first, Shift+Tab from the first (or from the panel itself) to the last.
 */

/** What Tab can reach, in document order (hidden and disabled elements excluded). */
export const TABBABLE =
  'a[href], details > summary:first-of-type, button:not([disabled]), input:not([disabled]):not([type="hidden"]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"]), [contenteditable="true"]';

export function tabbables(root: HTMLElement): HTMLElement[] {
  return [...root.querySelectorAll<HTMLElement>(TABBABLE)].filter(
    (el) => el.tabIndex >= 0 && el.getClientRects().length > 0 && !el.closest('[inert]'),
  );
}

/**
 * Where Tab must go instead of where the browser would take it, or undefined to let the browser
 * move focus (it stays inside). `active` is the focused element, `container` the panel itself;
 * `inside` says whether an element is within the panel (focus on something the list does not
 * know, such as an editor's hidden textarea, is left to the browser).
 */
export function wrapTarget<T>(
  items: readonly T[],
  active: T | null,
  container: T,
  backwards: boolean,
  inside: (element: T) => boolean,
): T | undefined {
  const first = items[0];
  const last = items.at(-1);
  if (first === undefined || last === undefined) return container;
  if (active === null || active === container || !inside(active)) return backwards ? last : first;
  if (backwards && active === first) return last;
  if (!backwards && active === last) return first;
  return undefined;
}
