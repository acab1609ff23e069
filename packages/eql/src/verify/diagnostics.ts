/** Collects verification errors against the query text (for positions and quoting). */

import type { Node, SourceRange } from '../ast.js';
import { type EqlErrorCode, EqlVerificationError } from '../errors.js';
import { format } from '../format.js';

export class Diagnostics {
  readonly errors: EqlVerificationError[] = [];

  /** `source` is `null` for a tree built in code: messages then quote the formatted node. */
  constructor(readonly source: string | null) {}

  /** The query text of a node, as Elasticsearch quotes it in messages. */
  text(node: Node): string {
    return this.source === null ? format(node) : this.source.slice(node.loc.start, node.loc.end);
  }

  add(code: EqlErrorCode, message: string, range: SourceRange): void {
    const copy = { start: range.start, end: range.end };
    this.errors.push(new EqlVerificationError(code, message, this.source ?? '', copy));
  }
}

const ORDINALS = [
  'first',
  'second',
  'third',
  'fourth',
  'fifth',
  'sixth',
  'seventh',
  'eighth',
  'ninth',
  'tenth',
];

/** `first`, `second`, … (1-based position). */
export function ordinal(position: number): string {
  return ORDINALS[position - 1] ?? `${position}th`;
}
