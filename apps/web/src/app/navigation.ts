import { useSyncExternalStore } from 'react';
import { parseRoute, type Route } from './route.js';

/** pushState fires no event of its own: this one tells subscribers the location changed. */
const CHANGE = 'rulebench:navigate';

/** Counts history moves, so a page can start afresh when its entry changes even if its path does not. */
let entry = 0;

function subscribe(onChange: () => void): () => void {
  const changed = () => {
    entry++;
    onChange();
  };
  window.addEventListener('popstate', changed);
  window.addEventListener('hashchange', changed);
  window.addEventListener(CHANGE, changed);
  return () => {
    window.removeEventListener('popstate', changed);
    window.removeEventListener('hashchange', changed);
    window.removeEventListener(CHANGE, changed);
  };
}

const locationKey = () => `${entry}|${window.location.pathname}${window.location.hash}`;

/** The page the location names, and a number that changes with every history move. */
export function useRoute(): { readonly route: Route; readonly entry: number } {
  const key = useSyncExternalStore(subscribe, locationKey);
  const bar = key.indexOf('|');
  const location = key.slice(bar + 1);
  const hashAt = location.indexOf('#');
  const route =
    hashAt < 0 ? parseRoute(location, '') : parseRoute(location.slice(0, hashAt), location.slice(hashAt));
  return { route, entry: Number(key.slice(0, bar)) };
}

/**
 * Goes to `path` inside the app. `state` rides along in the history entry (it survives a
 * reload and comes back with the back button), which is how a fork carries its state.
 */
export function navigate(path: string, state?: unknown): void {
  window.history.pushState(state ?? null, '', path);
  window.dispatchEvent(new Event(CHANGE));
}

/** The state the current history entry was pushed with. */
export function historyState(): unknown {
  return window.history.state;
}
