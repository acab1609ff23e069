/**
 * The app's few pages, read from the location. No router library: `/` is the workbench,
 * `/r/:id[/:version]` a permalink's review view, and `/#s=…` a link that carries its whole
 * state in the fragment (so it opens on any Rulebench, even one that never saw it).
 */
export type Route =
  | { readonly page: 'workbench' }
  | { readonly page: 'review'; readonly id: string; readonly version: number | undefined }
  | { readonly page: 'fragment'; readonly payload: string }
  | { readonly page: 'not-found'; readonly path: string };

const REVIEW_PATH = /^\/r\/([0-9A-Za-z]{16})(?:\/([1-9][0-9]{0,8}))?\/?$/;
const FRAGMENT_PREFIX = '#s=';

export function parseRoute(pathname: string, hash: string): Route {
  if (pathname === '/' || pathname === '' || pathname === '/index.html') {
    if (hash.startsWith(FRAGMENT_PREFIX))
      return { page: 'fragment', payload: hash.slice(FRAGMENT_PREFIX.length) };
    return { page: 'workbench' };
  }
  const review = REVIEW_PATH.exec(pathname);
  if (review?.[1] !== undefined) {
    return {
      page: 'review',
      id: review[1],
      version: review[2] === undefined ? undefined : Number(review[2]),
    };
  }
  return { page: 'not-found', path: pathname };
}

export const reviewPath = (id: string, version?: number) =>
  version === undefined ? `/r/${id}` : `/r/${id}/${version}`;

export const fragmentHash = (payload: string) => `${FRAGMENT_PREFIX}${payload}`;
