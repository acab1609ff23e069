import { isKeyword, lex, type Token } from '@rulebench/eql';

export type QueryPartKind =
  | 'keyword'
  | 'category'
  | 'function'
  | 'field'
  | 'string'
  | 'number'
  | 'operator'
  | 'comment'
  | 'plain';

export interface QueryPart {
  readonly kind: QueryPartKind;
  readonly text: string;
}

function kindOf(token: Token, next: Token | undefined): QueryPartKind {
  switch (token.kind) {
    case 'Identifier':
      if (isKeyword(token)) return 'keyword';
      if (next?.kind === '(') return 'function';
      if (next !== undefined && isKeyword(next, 'where')) return 'category';
      return 'field';
    case 'QuotedIdentifier':
      return 'field';
    case 'String':
      return 'string';
    case 'Integer':
    case 'Decimal':
      return 'number';
    default:
      return 'operator';
  }
}

/**
 * The query cut into coloured parts for a read-only view, with the lexer the engine uses, so
 * the review page needs no editor. Text between tokens is whitespace or comments; text the
 * lexer could not read stays plain. Joining the parts gives the query back exactly.
 */
export function queryParts(query: string): QueryPart[] {
  const tokens = lex(query).tokens.filter((t) => t.kind !== 'EOF');
  const parts: QueryPart[] = [];
  let at = 0;
  const gap = (end: number) => {
    if (end <= at) return;
    const text = query.slice(at, end);
    parts.push({ kind: text.trim() === '' ? 'plain' : 'comment', text });
  };
  tokens.forEach((token, i) => {
    if (token.start < at) return;
    gap(token.start);
    parts.push({ kind: kindOf(token, tokens[i + 1]), text: query.slice(token.start, token.end) });
    at = token.end;
  });
  if (at < query.length) {
    const rest = query.slice(at);
    parts.push({
      kind: rest.trim() === '' || !/^\s*(\/\/|\/\*)/.test(rest) ? 'plain' : 'comment',
      text: rest,
    });
  }
  return parts;
}
