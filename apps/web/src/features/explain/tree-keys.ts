import type { KeyboardEvent as ReactKeyboardEvent } from 'react';

/**
 * Keyboard model of the why tree (WAI-ARIA tree pattern): the tree is one Tab stop (roving
 * tabindex), ↑/↓ move between visible items, Home/End jump, → expands, ← collapses or goes to
 * the parent item. Items are found in the DOM, so the rows keep their own markup.
 */

/** The item index a key moves to among `count` visible items, or null for other keys. */
export function nextTreeIndex(key: string, current: number, count: number): number | null {
  if (count === 0) return null;
  switch (key) {
    case 'ArrowDown':
      return Math.min(count - 1, current + 1);
    case 'ArrowUp':
      return Math.max(0, current - 1);
    case 'Home':
      return 0;
    case 'End':
      return count - 1;
    default:
      return null;
  }
}

function items(tree: HTMLElement): HTMLElement[] {
  return [...tree.querySelectorAll<HTMLElement>('[role="treeitem"]')].filter(
    (el) => el.getClientRects().length > 0,
  );
}

/** Moves the tree's single Tab stop to `item` and focuses it. */
function rove(tree: HTMLElement, item: HTMLElement): void {
  for (const el of tree.querySelectorAll<HTMLElement>('[role="treeitem"]')) el.tabIndex = -1;
  item.tabIndex = 0;
  item.focus();
}

/** Keeps exactly one item tabbable (the first, until the user moves). Call after each render. */
export function ensureTabStop(tree: HTMLElement | null): void {
  if (!tree) return;
  const all = [...tree.querySelectorAll<HTMLElement>('[role="treeitem"]')];
  const stops = all.filter((el) => el.tabIndex === 0);
  const keep = stops[0] ?? all[0];
  for (const el of all) el.tabIndex = el === keep ? 0 : -1;
}

export function onTreeKeyDown(e: ReactKeyboardEvent<HTMLElement>): void {
  const tree = e.currentTarget;
  const item = e.target instanceof HTMLElement ? e.target.closest<HTMLElement>('[role="treeitem"]') : null;
  if (!item || !tree.contains(item)) return;
  const visible = items(tree);
  const index = visible.indexOf(item);
  const expanded = item.getAttribute('aria-expanded');
  if (e.key === 'ArrowRight' && expanded === 'false') item.click();
  else if (e.key === 'ArrowLeft' && expanded === 'true') item.click();
  else if (e.key === 'ArrowLeft') {
    const parent = item.parentElement?.closest('[role="group"]')?.previousElementSibling;
    if (parent instanceof HTMLElement && parent.getAttribute('role') === 'treeitem') rove(tree, parent);
  } else {
    const next = nextTreeIndex(e.key, index, visible.length);
    const target = next === null ? undefined : visible[next];
    if (!target) return;
    rove(tree, target);
  }
  e.preventDefault();
}
