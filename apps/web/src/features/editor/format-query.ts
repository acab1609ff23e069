/**
 * Format Document: canonical EQL from the engine's printer, laid out one top-level clause per
 * line the way detection rules are written. A query that does not parse, or that has comments
 * (the printer works from the AST, which has none), is left alone and the reason returned.
 */

import { type Expression, format, formatExpression, lex, parseWithDiagnostics } from '@rulebench/eql';

export type FormatResult =
  | { readonly ok: true; readonly text: string }
  | { readonly ok: false; readonly reason: string };

/** Whether the text has a `//` or `/* *\/` comment outside string literals. */
export function hasComments(text: string): boolean {
  let tokens: ReturnType<typeof lex>['tokens'];
  try {
    tokens = lex(text).tokens;
  } catch {
    return false;
  }
  let previousEnd = 0;
  for (const token of tokens) {
    if (/\/[/*]/.test(text.slice(previousEnd, token.start))) return true;
    previousEnd = token.end;
  }
  return false;
}

function clause(node: Expression): string {
  // Operands of a flattened `and` are never `and`s; an `or` needs its parentheses back.
  const text = formatExpression(node);
  return node.kind === 'Logical' ? `(${text})` : text;
}

export function formatQuery(text: string): FormatResult {
  const { ast, errors } = parseWithDiagnostics(text);
  if (ast === null || errors.length > 0)
    return { ok: false, reason: 'The query has errors; fix them to format it.' };
  if (hasComments(text)) return { ok: false, reason: 'Formatting would drop the comments in this query.' };
  const body = ast.body;
  let printed: string;
  if (body.kind === 'EventQuery' && body.condition.kind === 'Logical' && body.condition.op === 'and') {
    const head = `${format(body.category)} where `;
    printed = head + body.condition.operands.map(clause).join(' and\n  ');
  } else {
    printed = format(body);
  }
  for (const pipe of ast.pipes) printed += `\n${format(pipe)}`;
  return { ok: true, text: printed };
}
