import { describe, expect, it } from 'vitest';
import { diffLines } from './line-diff.js';

const show = (oldText: string, newText: string) =>
  diffLines(oldText, newText).map(
    (l) => `${l.kind === 'same' ? ' ' : l.kind === 'added' ? '+' : '-'}${l.text}`,
  );

describe('diffLines', () => {
  it('finds nothing changed between equal texts', () => {
    expect(show('a\nb', 'a\nb')).toEqual([' a', ' b']);
    expect(diffLines('', '')).toEqual([]);
  });

  it('shows a changed line as removed then added, with both line numbers', () => {
    expect(
      diffLines('process where\n  process.name == "a"\nand x', 'process where\n  process.name == "b"\nand x'),
    ).toEqual([
      { kind: 'same', text: 'process where', before: 1, after: 1 },
      { kind: 'removed', text: '  process.name == "a"', before: 2 },
      { kind: 'added', text: '  process.name == "b"', after: 2 },
      { kind: 'same', text: 'and x', before: 3, after: 3 },
    ]);
  });

  it('keeps the longest common run of lines when lines move', () => {
    expect(show('a\nb\nc\nd', 'b\nc\nx\na\nd')).toEqual(['-a', ' b', ' c', '+x', '+a', ' d']);
  });

  it('handles insertions and deletions at either end, and CRLF', () => {
    expect(show('b\nc', 'a\nb\nc\nd')).toEqual(['+a', ' b', ' c', '+d']);
    expect(show('a\r\nb\r\nc', 'b')).toEqual(['-a', ' b', '-c']);
    expect(show('', 'x')).toEqual(['+x']);
    expect(show('x', '')).toEqual(['-x']);
  });

  it('numbers lines after the common head and before the common tail', () => {
    const lines = diffLines('h\nold\nt', 'h\nnew1\nnew2\nt');
    expect(lines.at(-1)).toEqual({ kind: 'same', text: 't', before: 3, after: 4 });
    expect(lines.filter((l) => l.kind === 'added').map((l) => l.after)).toEqual([2, 3]);
  });
});
