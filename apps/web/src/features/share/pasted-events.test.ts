import { describe, expect, it } from 'vitest';
import { parsePastedEvents } from './pasted-events.js';

describe('parsePastedEvents', () => {
  it('reads NDJSON, numbering bare documents', () => {
    expect(parsePastedEvents('{"a":1}\n\n{"a":2}\n')).toEqual({
      ok: true,
      events: [
        { _index: 'pasted', _id: '1', _source: { a: 1 } },
        { _index: 'pasted', _id: '2', _source: { a: 2 } },
      ],
    });
  });

  it('reads arrays, single events and search responses, keeping ids', () => {
    expect(parsePastedEvents('[{"a":1}]')).toEqual({
      ok: true,
      events: [{ _index: 'pasted', _id: '1', _source: { a: 1 } }],
    });
    expect(parsePastedEvents('{"a":1}')).toEqual({
      ok: true,
      events: [{ _index: 'pasted', _id: '1', _source: { a: 1 } }],
    });
    const search = { hits: { hits: [{ _index: 'logs', _id: 'x9', _source: { b: 2 } }] } };
    expect(parsePastedEvents(JSON.stringify(search))).toEqual({
      ok: true,
      events: [{ _index: 'logs', _id: 'x9', _source: { b: 2 } }],
    });
    const eql = {
      hits: { sequences: [{ events: [{ _index: 'l', _id: '1', _source: {} }, { missing: true }] }] },
    };
    expect(parsePastedEvents(JSON.stringify(eql))).toEqual({
      ok: true,
      events: [{ _index: 'l', _id: '1', _source: {} }],
    });
    expect(parsePastedEvents('  ')).toEqual({ ok: true, events: [] });
  });

  it('says which line or event is wrong', () => {
    expect(parsePastedEvents('{"a":1}\nnot json')).toEqual({
      ok: false,
      error: 'Line 2 is not JSON: paste NDJSON (one event per line) or a JSON array.',
    });
    expect(parsePastedEvents('[1]')).toEqual({ ok: false, error: 'Event 1 is not a JSON object.' });
  });
});
