import { describe, expect, it } from 'vitest';
import { boundMarkdownNesting, MAX_MARKDOWN_NESTING, remarkMaxDepth } from './markdown-depth.js';

describe('boundMarkdownNesting', () => {
  it('keeps ordinary guides exactly as written', () => {
    const guide = '## Triage\n\n> quoted\n> > twice\n\n- a\n  - b\n    - c\n\n1. one\n\n    code\n';
    expect(boundMarkdownNesting(guide)).toBe(guide);
  });

  it('caps quotes and list markers opening a line', () => {
    expect(boundMarkdownNesting(`${'>'.repeat(20_000)} x`)).toBe(`${'>'.repeat(MAX_MARKDOWN_NESTING)} x`);
    expect(boundMarkdownNesting(`${'- '.repeat(3_000)}x`)).toBe(`${'- '.repeat(MAX_MARKDOWN_NESTING)}x`);
    expect(boundMarkdownNesting(`${'> - '.repeat(100)}x`, 4)).toBe('> - > - x');
  });

  it('caps the indentation of deeply nested list items', () => {
    const nested = Array.from({ length: 3_000 }, (_, i) => `${'  '.repeat(i)}- level ${i}`).join('\n');
    const bounded = boundMarkdownNesting(nested).split('\n');
    expect(bounded[2]).toBe('    - level 2');
    expect(bounded[2_999]).toBe(`${' '.repeat(MAX_MARKDOWN_NESTING * 4)}- level 2999`);
  });
});

describe('remarkMaxDepth', () => {
  it('replaces what lies deeper than the limit by an ellipsis, without recursion', () => {
    type Node = { type: string; value?: string; children?: Node[] };
    const root: Node = { type: 'root', children: [] };
    let node = root;
    for (let i = 0; i < 100_000; i++) {
      const child: Node = { type: 'emphasis', children: [] };
      node.children = [child];
      node = child;
    }
    remarkMaxDepth(3)(root);
    expect(JSON.stringify(root)).toBe(
      '{"type":"root","children":[{"type":"emphasis","children":[{"type":"emphasis","children":[{"type":"emphasis","children":[{"type":"text","value":"…"}]}]}]}]}',
    );
  });
});
