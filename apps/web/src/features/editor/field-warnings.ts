/**
 * Schema warnings as you type: fields that are neither ECS nor present in the corpus. Written
 * without `?`, such a field makes Elasticsearch reject the query on an index that lacks it,
 * and is usually a typo; the warning suggests the closest known names.
 */

import {
  type Expression,
  type FieldNode,
  getLocation,
  type QueryNode,
  suggestionList,
  walkExpression,
} from '@rulebench/eql';
import type { FieldCatalog } from './field-catalog.js';
import type { Diagnostic } from './markers.js';

/** Every expression of a query: conditions, join keys, pipe arguments. */
export function queryExpressions(ast: QueryNode): Expression[] {
  const body = ast.body;
  const out: Expression[] = [];
  if (body.kind === 'EventQuery') out.push(body.condition);
  else {
    out.push(...body.by);
    const terms = body.kind === 'Sequence' && body.until ? [...body.terms, body.until] : body.terms;
    for (const term of terms) out.push(term.query.condition, ...term.by);
  }
  for (const pipe of ast.pipes) out.push(...pipe.args);
  return out;
}

export function unknownFieldWarnings(ast: QueryNode, source: string, catalog: FieldCatalog): Diagnostic[] {
  const fields: FieldNode[] = [];
  for (const expression of queryExpressions(ast)) {
    walkExpression(expression, (node) => {
      if (node.kind === 'Field' && !node.optional) fields.push(node);
    });
  }
  const names = [...catalog.keys()];
  const warnings: Diagnostic[] = [];
  for (const field of fields) {
    const name = field.path.join('.');
    if (catalog.has(name)) continue;
    const suggestions = suggestionList(name, names).slice(0, 3);
    const hint =
      suggestions.length > 0 ? ` Did you mean ${suggestions.map((s) => `"${s}"`).join(', ')}?` : '';
    const { line, column } = getLocation(source, field.loc.start);
    warnings.push({
      code: 'RB_UNKNOWN_FIELD',
      message: `Unknown field "${name}": not an ECS field and not in this corpus.${hint} Write ?${name} if it may be absent.`,
      range: field.loc,
      line,
      column,
      severity: 'warning',
    });
  }
  return warnings.sort((a, b) => a.range.start - b.range.start);
}
