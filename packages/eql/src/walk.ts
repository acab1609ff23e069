/**
 * Traversal of the syntax tree, in one place for every consumer: the verifier's checks, the
 * explanation tree, the rules package's field and value checks and the editor's warnings all
 * need "the children of this node" and must agree on it. The `switch` statements are exhaustive,
 * so a new node kind fails to compile here rather than being skipped silently somewhere else.
 */

import type { Expression, Node } from './ast.js';

/** The direct sub-expressions of `node`, in source order. */
export function childExpressions(node: Expression): readonly Expression[] {
  switch (node.kind) {
    case 'Literal':
    case 'Field':
      return [];
    case 'Not':
    case 'Negate':
      return [node.operand];
    case 'Logical':
      return node.operands;
    case 'Comparison':
    case 'Arithmetic':
      return [node.left, node.right];
    case 'In':
      return [node.value, ...node.list];
    case 'StringMatch':
      return [node.value, ...node.patterns];
    case 'FunctionCall':
      return node.args;
  }
}

/** The direct children of any node (queries, terms and pipes included), in source order. */
export function childNodes(node: Node): readonly Node[] {
  switch (node.kind) {
    case 'EventCategory':
    case 'TimeSpan':
      return [];
    case 'EventQuery':
      return [node.category, node.condition];
    case 'SequenceTerm':
    case 'SampleTerm':
      return [node.query, ...node.by];
    case 'Sequence': {
      const children: Node[] = [...node.by];
      if (node.maxspan !== null) children.push(node.maxspan);
      children.push(...node.terms);
      if (node.until !== null) children.push(node.until);
      return children;
    }
    case 'Sample':
      return [...node.by, ...node.terms];
    case 'Pipe':
      return node.args;
    case 'Query':
      return [node.body, ...node.pipes];
    default:
      return childExpressions(node);
  }
}

/** Calls `visit` on `root` and every node below it, parents before children, in source order. */
function walk<T>(root: T, children: (node: T) => readonly T[], visit: (node: T) => void): void {
  // An explicit stack: deeply nested input (long `and` chains, many parentheses) cannot overflow.
  const stack: T[] = [root];
  while (stack.length > 0) {
    const current = stack.pop() as T;
    visit(current);
    const below = children(current);
    for (let index = below.length - 1; index >= 0; index -= 1) stack.push(below[index] as T);
  }
}

/** Calls `visit` on `node` and every expression below it, parents before children. */
export function walkExpression(node: Expression, visit: (node: Expression) => void): void {
  walk(node, childExpressions, visit);
}

/** Calls `visit` on `node` and every node below it (queries, terms, pipes, expressions), parents first. */
export function walkNodes(node: Node, visit: (node: Node) => void): void {
  walk(node, childNodes, visit);
}
