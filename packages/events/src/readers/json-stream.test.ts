import { describe, expect, it } from 'vitest';
import { readJsonArrayElements } from './json-stream.js';

async function elements(text: string, paths: string[][], size = 3) {
  const bytes = new TextEncoder().encode(text);
  const chunks = function* () {
    for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
  };
  const out: unknown[] = [];
  for await (const r of readJsonArrayElements(chunks(), paths))
    out.push(r.kind === 'record' ? [r.path, r.value] : r);
  return out;
}

describe('readJsonArrayElements', () => {
  it('finds elements at a path, ignoring brackets and quotes inside strings', async () => {
    const text = '{"x":{"hits":[9]},"hits":{"hits":[{"a":"]}\\"["},"s",12,true,null,[1,[2]]],"more":1}}';
    expect(await elements(text, [['hits', 'hits']])).toEqual([
      [0, { a: ']}"[' }],
      [0, 's'],
      [0, 12],
      [0, true],
      [0, null],
      [0, [1, [2]]],
    ]);
  });

  it('reads several paths in document order, including through arrays', async () => {
    const text = '{"hits":{"events":[{"n":1}],"sequences":[{"events":[{"n":2}]},{"events":[]}]}}';
    expect(
      await elements(
        text,
        [
          ['hits', 'events'],
          ['hits', 'sequences'],
        ],
        1,
      ),
    ).toEqual([
      [0, { n: 1 }],
      [1, { events: [{ n: 2 }] }],
      [1, { events: [] }],
    ]);
  });

  it('reads a top-level array and fails on a truncated document', async () => {
    expect(await elements(' [ {"a":1} , {"b":[2]} ] ', [[]])).toEqual([
      [0, { a: 1 }],
      [0, { b: [2] }],
    ]);
    await expect(elements('[{"a":1},{"b":', [[]])).rejects.toThrow(
      'json: the document ends before it is complete',
    );
  });
});
