import { describe, expect, it } from 'vitest';
import { fromBase64Url, toBase64Url } from './base64url.js';
import { checkFragmentState, decodeFragment, encodeFragment, FragmentError } from './fragment-codec.js';
import type { FragmentState } from './types.js';

const state: FragmentState = {
  v: 1,
  rule: { name: 'Rule é ✓', note: '## Guide\n\n{{host.name}}', index: ['logs-*'] },
  query: 'process where process.name == "cmd.exe"',
  corpus: 'sysmon-sample',
  options: { size: 100 },
  selection: { event: 'e:7', panel: 'matches' },
  events: [{ _index: 'sysmon-sample', _id: '7', _source: { process: { name: 'cmd.exe' } } }],
};

describe('base64url', () => {
  it('round-trips every byte value without + / or padding', () => {
    const bytes = Uint8Array.from({ length: 256 }, (_, i) => i);
    const text = toBase64Url(bytes);
    expect(text).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(text.length).toBe(342);
    expect(Array.from(fromBase64Url(text))).toEqual(Array.from(bytes));
    expect(toBase64Url(new Uint8Array([0xfb, 0xff]))).toBe('-_8');
  });

  it('refuses characters outside the alphabet', () => {
    expect(() => fromBase64Url('ab+c')).toThrow('not base64url text');
    expect(() => fromBase64Url('abcde')).toThrow('not base64url text');
  });
});

describe('fragment codec', () => {
  it('round-trips a state, compressed', async () => {
    const encoded = await encodeFragment(state);
    expect(encoded).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(await decodeFragment(encoded)).toEqual(state);
  });

  it('compresses repetitive events well below their JSON size', async () => {
    const events = Array.from({ length: 100 }, (_, i) => ({
      _index: 'sysmon',
      _id: String(i),
      _source: { host: { name: 'WORKSTATION-01' }, process: { name: 'EXCEL.EXE', pid: i } },
    }));
    const big = { ...state, events };
    const encoded = await encodeFragment(big);
    expect(encoded.length).toBeLessThan(JSON.stringify(big).length / 4);
    expect((await decodeFragment(encoded)).events).toHaveLength(100);
  });

  it('explains damaged links', async () => {
    const encoded = await encodeFragment(state);
    await expect(decodeFragment('%%%')).rejects.toThrow(
      new FragmentError('the link is damaged: its state is not base64url text (was it cut short?)'),
    );
    await expect(decodeFragment(encoded.slice(0, 10))).rejects.toThrow(
      'the link is damaged: its state does not decompress (was it cut short?)',
    );
  });

  it('checks the shape and keeps only known options', () => {
    expect(() => checkFragmentState({ v: 2 })).toThrow(
      'the link was made by a newer Rulebench (state version 2)',
    );
    expect(() => checkFragmentState({ v: 1, rule: {}, query: 'x', events: [{ _id: 1 }] })).toThrow(
      'event 1 of the link is not an {_index, _id, _source} event',
    );
    expect(
      checkFragmentState({
        v: 1,
        rule: { name: 'r' },
        query: 'any where true',
        options: { size: 5, evil: 'x', result_position: 'sideways' },
        events: [],
      }),
    ).toEqual({
      v: 1,
      rule: { name: 'r' },
      query: 'any where true',
      corpus: null,
      options: { size: 5 },
      selection: {},
      events: [],
    });
  });
});
