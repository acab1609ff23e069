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

describe('readJsonArrayElements refuses malformed documents at the offending character', () => {
  const top: string[][] = [[]];
  const hits: string[][] = [['hits', 'hits']];
  const refused = async (text: string, paths: string[][], size = 3) => {
    try {
      await elements(text, paths, size);
    } catch (error) {
      return (error as Error).message;
    }
    return 'accepted';
  };
  const cases: Array<[string, string, string[][], string]> = [
    [
      'trailing garbage',
      '[{"a":1}] garbage',
      top,
      'json: unexpected "g" at line 1, column 11 (character 11); expected the end of the document',
    ],
    [
      'extra closing brackets',
      '[{"a":1}]}}}}',
      top,
      'json: unexpected "}" at line 1, column 10 (character 10); expected the end of the document',
    ],
    [
      'a trailing comma',
      '[{"a":1},\n]',
      top,
      'json: unexpected "]" at line 2, column 1 (character 11); expected a value (not a trailing comma)',
    ],
    [
      'two elements without a comma',
      '[{"a":1} {"b":2}]',
      top,
      'json: unexpected "{" at line 1, column 10 (character 10); expected "," or "]"',
    ],
    [
      'a search response followed by text',
      '{"took":5,"timed_out":false,"hits":{"total":{"value":1},"hits":[{"_source":{"a":1}}]}}\nxyz',
      hits,
      'json: unexpected "x" at line 2, column 1 (character 88); expected the end of the document',
    ],
    [
      'a bad literal outside elements',
      '{"took":tru,"hits":{"hits":[]}}',
      hits,
      'json: unexpected "tru" at line 1, column 9 (character 9); expected a value',
    ],
    [
      'a missing colon',
      '{"hits" {"hits":[]}}',
      hits,
      'json: unexpected "{" at line 1, column 9 (character 9); expected ":"',
    ],
    [
      'a comma after a key',
      '{"took":1,}',
      hits,
      'json: unexpected "}" at line 1, column 11 (character 11); expected a key in double quotes (not a trailing comma)',
    ],
    [
      'two documents',
      '[1] [2]',
      top,
      'json: unexpected "[" at line 1, column 5 (character 5); expected the end of the document',
    ],
  ];
  for (const [what, text, paths, message] of cases) {
    it(what, async () => {
      for (const size of [1, 3, 1000]) expect(await refused(text, paths, size)).toBe(message);
    });
  }

  it('still reads well-formed documents with scalars, empty containers and whitespace around', async () => {
    const text =
      ' \n{"took": -1.5e3, "ok": true, "none": null, "e": {}, "a": [], "hits": {"hits": [ 1 , {"b":[]} ]}}\n ';
    for (const size of [1, 7])
      expect(await elements(text, hits, size)).toEqual([
        [0, 1],
        [0, { b: [] }],
      ]);
    expect(await elements('[]', top)).toEqual([]);
  });
});
