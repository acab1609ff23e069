import { describe, expect, it } from 'vitest';
import type { Expression, Node } from './ast.js';
import { parse, parseExpression } from './parser.js';
import { childExpressions, childNodes, walkExpression, walkNodes } from './walk.js';

/** A short name per node: its kind, and the field path or literal where there is one. */
function name(node: Node): string {
  if (node.kind === 'Field') return `Field ${node.path.join('.')}`;
  if (node.kind === 'Literal') return `Literal ${String(node.value)}`;
  if (node.kind === 'EventCategory') return `EventCategory ${node.name ?? 'any'}`;
  return node.kind;
}

describe('walkExpression', () => {
  it('visits parents before children, in source order', () => {
    const visited: string[] = [];
    walkExpression(parseExpression('a == 1 and not b in ("x", c) or length(d) > -2'), (node) => {
      visited.push(name(node));
    });
    expect(visited).toEqual([
      'Logical',
      'Logical',
      'Comparison',
      'Field a',
      'Literal 1',
      'Not',
      'In',
      'Field b',
      'Literal x',
      'Field c',
      'Comparison',
      'FunctionCall',
      'Field d',
      'Literal -2',
    ]);
  });

  it('does not overflow the stack on very deep nesting', () => {
    // Deeper than the parser allows, so built by hand: the walk must not rely on recursion.
    const depth = 100_000;
    let deep: Expression = { kind: 'Field', path: ['x'], optional: false, loc: { start: 0, end: 1 } };
    for (let i = 0; i < depth; i++) deep = { kind: 'Not', operand: deep, loc: deep.loc };
    let count = 0;
    walkExpression(deep, () => {
      count += 1;
    });
    expect(count).toBe(depth + 1);
  });
});

describe('childNodes', () => {
  it('lists a sequence’s keys, maxspan, terms and until in source order', () => {
    const query = parse(
      'sequence by host.id with maxspan=5s [process where true] by user.name ![file where x] until [any where y] | head 3',
    );
    expect(childNodes(query).map(name)).toEqual(['Sequence', 'Pipe']);
    const sequence = childNodes(query)[0] as Node;
    expect(childNodes(sequence).map(name)).toEqual([
      'Field host.id',
      'TimeSpan',
      'SequenceTerm',
      'SequenceTerm',
      'SequenceTerm',
    ]);
    const term = childNodes(sequence)[2] as Node;
    expect(childNodes(term).map(name)).toEqual(['EventQuery', 'Field user.name']);
  });

  it('agrees with childExpressions on expressions', () => {
    const expression = parseExpression('f(a, b + 1) : ("x*", "y")');
    expect(childNodes(expression)).toEqual(childExpressions(expression));
  });
});

describe('walkNodes', () => {
  it('reaches every field of a sample query, categories and pipe arguments included', () => {
    const visited: string[] = [];
    walkNodes(parse('sample by host [process where a == 1] by pid [file where b] | tail 2'), (node) => {
      visited.push(name(node));
    });
    expect(visited).toEqual([
      'Query',
      'Sample',
      'Field host',
      'SampleTerm',
      'EventQuery',
      'EventCategory process',
      'Comparison',
      'Field a',
      'Literal 1',
      'Field pid',
      'SampleTerm',
      'EventQuery',
      'EventCategory file',
      'Field b',
      'Pipe',
      'Literal 2',
    ]);
  });
});
