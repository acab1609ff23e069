/** Generic traversal over expressions, for checks that look at every sub-expression. */

import type { Expression } from '../ast.js';

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

/** Call `visit` on `node` and every expression below it, parents before children. */
export function walkExpression(node: Expression, visit: (node: Expression) => void): void {
  const stack: Expression[] = [node];
  while (stack.length > 0) {
    const current = stack.pop() as Expression;
    visit(current);
    const children = childExpressions(current);
    for (let index = children.length - 1; index >= 0; index -= 1) stack.push(children[index] as Expression);
  }
}
