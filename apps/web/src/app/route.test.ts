import { describe, expect, it } from 'vitest';
import { fragmentHash, parseRoute, reviewPath } from './route.js';

describe('parseRoute', () => {
  const id = 'Ab3dEf6hIj9kLm2n';

  it('maps / to the workbench, and / with #s= to a fragment link', () => {
    expect(parseRoute('/', '')).toEqual({ page: 'workbench' });
    expect(parseRoute('/', '#other')).toEqual({ page: 'workbench' });
    expect(parseRoute('/', '#s=abc_-')).toEqual({ page: 'fragment', payload: 'abc_-' });
    expect(parseRoute('/', fragmentHash('xyz'))).toEqual({ page: 'fragment', payload: 'xyz' });
  });

  it('reads review paths with and without a version', () => {
    expect(parseRoute(`/r/${id}`, '')).toEqual({ page: 'review', id, version: undefined });
    expect(parseRoute(`/r/${id}/12`, '')).toEqual({ page: 'review', id, version: 12 });
    expect(parseRoute(`/r/${id}/3/`, '')).toEqual({ page: 'review', id, version: 3 });
    expect(parseRoute(reviewPath(id, 2), '')).toEqual({ page: 'review', id, version: 2 });
    expect(reviewPath(id)).toBe(`/r/${id}`);
  });

  it('refuses malformed ids and versions', () => {
    expect(parseRoute('/r/short', '')).toEqual({ page: 'not-found', path: '/r/short' });
    expect(parseRoute(`/r/${id}/0`, '')).toEqual({ page: 'not-found', path: `/r/${id}/0` });
    expect(parseRoute(`/r/${id}/x`, '')).toEqual({ page: 'not-found', path: `/r/${id}/x` });
    expect(parseRoute('/elsewhere', '')).toEqual({ page: 'not-found', path: '/elsewhere' });
  });
});
