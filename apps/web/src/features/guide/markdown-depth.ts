/**
 * Bounds on how deeply a guide's markdown may nest. The markdown pipeline (micromark's
 * transforms, mdast→hast, React) recurses once per level, so a hostile guide (`>` repeated 20,000
 * times, 3,000 nested list levels) overflowed the stack and blanked the page. Real guides nest a
 * few levels; past `MAX_MARKDOWN_NESTING` the extra markers are dropped before parsing, and the
 * tree is pruned after parsing for nesting the text cap cannot see (inline constructs).
 */
export const MAX_MARKDOWN_NESTING = 24;

/** Leading spaces kept on a line: deeper indentation only nests lists further. */
const MAX_INDENT = MAX_MARKDOWN_NESTING * 4;

/** One container marker at the start of a line: a quote, or a list item marker and its space. */
const CONTAINER = /^[ \t]{0,3}(?:>|[-+*][ \t]|\d{1,9}[.)][ \t])/;

/**
 * The markdown with at most `max` container markers (block quotes, list items) opening any line
 * and at most `max * 4` columns of indentation before a line's text. Everything else is kept.
 */
export function boundMarkdownNesting(markdown: string, max = MAX_MARKDOWN_NESTING): string {
  if (markdown.length < max) return markdown;
  const lines = markdown.split('\n');
  let changed = false;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as string;
    let rest = line;
    let kept = '';
    let count = 0;
    for (;;) {
      const match = CONTAINER.exec(rest);
      if (match === null) break;
      if (count < max) kept += match[0];
      count++;
      rest = rest.slice(match[0].length);
    }
    let indent = 0;
    while (indent < rest.length && (rest[indent] === ' ' || rest[indent] === '\t')) indent++;
    if (count <= max && indent <= MAX_INDENT) continue;
    lines[i] = kept + rest.slice(0, Math.min(indent, MAX_INDENT)) + rest.slice(indent);
    changed = true;
  }
  return changed ? lines.join('\n') : markdown;
}

interface TreeNode {
  type: string;
  value?: string;
  children?: TreeNode[];
}

/**
 * A remark plugin: nodes deeper than `max` levels (far more than the text bounds leave: a list
 * level is two) are replaced by a text "…", walking the tree
 * with an explicit stack (a recursive walk would overflow on the very trees it guards against).
 */
export function remarkMaxDepth(max = MAX_MARKDOWN_NESTING * 8) {
  return (tree: TreeNode): void => {
    const stack: Array<[TreeNode, number]> = [[tree, 0]];
    for (let entry = stack.pop(); entry !== undefined; entry = stack.pop()) {
      const [node, depth] = entry;
      if (node.children === undefined) continue;
      if (depth >= max) {
        node.children = [{ type: 'text', value: '…' }];
        continue;
      }
      for (const child of node.children) stack.push([child, depth + 1]);
    }
  };
}
