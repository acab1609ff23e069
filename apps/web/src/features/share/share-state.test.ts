import type { EqlSearchResponse } from '@rulebench/eql';
import { describe, expect, it } from 'vitest';
import { previewItems } from '../exceptions/rule-exceptions.js';
import { decodeFragment } from './fragment-codec.js';
import { formatSize, MAX_FRAGMENT_EVENTS, planFragmentLink } from './fragment-link.js';
import { eventsToShare, type ShareableState, selectionOf, snapshotInput } from './share-state.js';

const hit = (id: string, extra: Record<string, unknown> = {}) => ({
  _index: 'sysmon-sample',
  _id: id,
  _source: { '@timestamp': '2020-01-01T00:00:00Z', id, ...extra },
});

const eventsResponse = (ids: string[]): EqlSearchResponse =>
  ({
    is_partial: false,
    is_running: false,
    took: 1,
    timed_out: false,
    hits: { total: { value: ids.length, relation: 'eq' }, events: ids.map((id) => hit(id)) },
  }) as unknown as EqlSearchResponse;

const rule = { name: 'R', query: 'any where true', note: 'guide' };

const state = (
  response: EqlSearchResponse | undefined,
  selected: ShareableState['selected'],
): ShareableState => ({
  rule,
  query: 'any where id != null',
  corpus: 'sysmon-sample',
  size: 100,
  selected,
  response,
});

describe('selectionOf', () => {
  it('names the row, its sequence and its panel', () => {
    expect(selectionOf({ key: 'e:5', hit: hit('5') }, false)).toEqual({
      event: 'e:5',
      sequence: null,
      panel: 'matches',
    });
    expect(selectionOf({ key: 's:2:1', hit: hit('9') }, false)).toEqual({
      event: 's:2:1',
      sequence: '2',
      panel: 'matches',
    });
    expect(selectionOf({ key: 'n:3', hit: hit('3') }, true)).toEqual({
      event: 'n:3',
      sequence: null,
      panel: 'near-misses',
      hit: hit('3'),
    });
    expect(selectionOf(null, true)).toEqual({ event: null, sequence: null, panel: 'matches' });
  });
});

describe('snapshotInput', () => {
  it('names the corpus by id and keeps the edited query beside the rule', () => {
    expect(snapshotInput(state(undefined, { key: 'e:1', hit: hit('1') }))).toEqual({
      v: 1,
      rule,
      query: 'any where id != null',
      corpus: { id: 'sysmon-sample' },
      options: { size: 100, result_position: 'tail' },
      selection: { event: 'e:1', sequence: null, panel: 'matches', hit: hit('1') },
    });
  });
});

describe('the previewed exception', () => {
  const preview = previewItems([{ field: 'process.name', operator: 'is', value: 'EXCEL.EXE' }]);

  it('travels in the options of a permalink and of a fragment link, and only when there is one', async () => {
    const withPreview = { ...state(undefined, null), exceptions: preview };
    expect(snapshotInput(withPreview).options).toEqual({
      size: 100,
      result_position: 'tail',
      exceptions: [
        {
          item_id: 'rulebench-preview',
          name: 'Previewed exception',
          description: '',
          type: 'simple',
          namespace_type: 'single',
          entries: [{ field: 'process.name', operator: 'included', type: 'match', value: 'EXCEL.EXE' }],
        },
      ],
    });
    expect(snapshotInput({ ...withPreview, exceptions: [] }).options).toEqual({
      size: 100,
      result_position: 'tail',
    });
    const plan = await planFragmentLink('http://rb.example', withPreview);
    if (!plan.ok) throw new Error(plan.reason);
    const decoded = await decodeFragment(plan.url.slice('http://rb.example/#s='.length));
    expect(decoded.options.exceptions).toEqual(preview);
  });
});

describe('eventsToShare', () => {
  it('takes each matched event once, sequence members included, plus a selected near miss', () => {
    const sequences = {
      ...eventsResponse([]),
      hits: {
        total: { value: 2, relation: 'eq' },
        sequences: [
          { events: [hit('1'), hit('2')] },
          { events: [hit('2'), { _index: '', _id: '', _source: {}, missing: true }, hit('3')] },
        ],
      },
    } as unknown as EqlSearchResponse;
    expect(eventsToShare(sequences, { key: 'n:40', hit: hit('40') }).map((e) => e._id)).toEqual([
      '1',
      '2',
      '3',
      '40',
    ]);
    expect(
      eventsToShare(eventsResponse(['4', '5']), { key: 'e:5', hit: hit('5') }).map((e) => e._id),
    ).toEqual(['4', '5']);
    expect(eventsToShare(undefined, null)).toEqual([]);
  });
});

describe('planFragmentLink', () => {
  it('makes a #s= link on the given origin that decodes to the state', async () => {
    const plan = await planFragmentLink(
      'http://rb.example',
      state(eventsResponse(['1', '2']), { key: 'e:2', hit: hit('2') }),
    );
    if (!plan.ok) throw new Error(plan.reason);
    expect(plan.url.startsWith('http://rb.example/#s=')).toBe(true);
    expect(plan.length).toBe(plan.url.length);
    expect(plan.events).toBe(2);
    const decoded = await decodeFragment(plan.url.slice('http://rb.example/#s='.length));
    expect(decoded.query).toBe('any where id != null');
    expect(decoded.selection).toEqual({ event: 'e:2', panel: 'matches' });
    expect(decoded.events.map((e) => e._id)).toEqual(['1', '2']);
  });

  it('refuses more than the event limit, and links longer than the size limit', async () => {
    const many = Array.from({ length: MAX_FRAGMENT_EVENTS + 1 }, (_, i) => String(i));
    expect(await planFragmentLink('http://x', state(eventsResponse(many), null))).toEqual({
      ok: false,
      reason:
        'Too big for a link without a server: 101 events, at most 100. Lower the result size or narrow the query, or create a permalink (stored on this server).',
    });
    // Random text does not compress: 90 events of 1 kB each overflow 64 kB.
    const noise = (n: number) =>
      Array.from({ length: n }, () => Math.random().toString(36).slice(2)).join('');
    const big = Array.from({ length: 90 }, (_, i) => ({ ...hit(String(i)), _source: { blob: noise(100) } }));
    const plan = await planFragmentLink('http://x', state(undefined, null), big);
    expect(plan.ok).toBe(false);
    if (!plan.ok)
      expect(plan.reason).toMatch(/^Too big for a link without a server: \d+ kB, at most 64 kB\./);
  });

  it('formats sizes', () => {
    expect(formatSize(812)).toBe('812 B');
    expect(formatSize(2048)).toBe('2.0 kB');
    expect(formatSize(12_345)).toBe('12 kB');
  });
});
