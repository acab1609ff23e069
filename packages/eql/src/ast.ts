/**
 * The EQL abstract syntax tree: a tagged union of readonly nodes. Every node carries the
 * source range it was parsed from (`loc`, half-open UTF-16 offsets into the query text), so
 * diagnostics, explanations and editor highlights can point back at the text.
 *
 * Shape decisions that downstream code relies on:
 * - `and` / `or` chains are n-ary (`Logical.operands`), flattened by the parser, so the
 *   top-level clauses of a condition are simply the operands of its root `and`.
 * - Parentheses leave no node; `loc` of the inner node is the inner text only.
 * - Field paths are split on dots; `?field` sets `optional`.
 */

export interface SourceRange {
  /** Offset of the first character. */
  readonly start: number;
  /** Offset just past the last character. */
  readonly end: number;
}

interface NodeBase {
  readonly loc: SourceRange;
}

// ── Expressions ─────────────────────────────────────────────────────────────

export type LiteralValue = string | number | boolean | null;

export interface LiteralNode extends NodeBase {
  readonly kind: 'Literal';
  readonly value: LiteralValue;
  /** Integer vs floating point matters for Java-style arithmetic. */
  readonly numberType?: 'integer' | 'float';
}

export interface FieldNode extends NodeBase {
  readonly kind: 'Field';
  /** Path segments, e.g. `["process", "parent", "name"]`. Backquoted segments are unquoted here. */
  readonly path: readonly string[];
  /** Written as `?field`: a field unknown to the schema is not an error. */
  readonly optional: boolean;
}

export interface NotNode extends NodeBase {
  readonly kind: 'Not';
  readonly operand: Expression;
}

export interface LogicalNode extends NodeBase {
  readonly kind: 'Logical';
  readonly op: 'and' | 'or';
  /** Two or more operands; nested chains of the same operator are flattened. */
  readonly operands: readonly Expression[];
}

export type ComparisonOperator = '==' | '!=' | '<' | '<=' | '>' | '>=';

export interface ComparisonNode extends NodeBase {
  readonly kind: 'Comparison';
  readonly op: ComparisonOperator;
  readonly left: Expression;
  readonly right: Expression;
}

/** `value in (a, b)`, `value in~ (…)`, `value not in (…)`. */
export interface InNode extends NodeBase {
  readonly kind: 'In';
  readonly value: Expression;
  readonly list: readonly Expression[];
  readonly negated: boolean;
  readonly caseInsensitive: boolean;
}

/**
 * `value : pattern(s)` (always case-insensitive, `*`/`?` wildcards), `like` / `like~`
 * (wildcards), `regex` / `regex~` (Lucene regular expressions, anchored).
 */
export interface StringMatchNode extends NodeBase {
  readonly kind: 'StringMatch';
  readonly op: ':' | 'like' | 'regex';
  readonly caseInsensitive: boolean;
  readonly value: Expression;
  readonly patterns: readonly Expression[];
}

export type ArithmeticOperator = '+' | '-' | '*' | '/' | '%';

export interface ArithmeticNode extends NodeBase {
  readonly kind: 'Arithmetic';
  readonly op: ArithmeticOperator;
  readonly left: Expression;
  readonly right: Expression;
}

export interface NegateNode extends NodeBase {
  readonly kind: 'Negate';
  readonly operand: Expression;
}

export interface FunctionCallNode extends NodeBase {
  readonly kind: 'FunctionCall';
  /** The name as written (function names are case-insensitive: `cidrmatch` is `cidrMatch`). */
  readonly name: string;
  /** Written with `~`, e.g. `startsWith~(…)`. */
  readonly caseInsensitive: boolean;
  readonly args: readonly Expression[];
}

export type Expression =
  | LiteralNode
  | FieldNode
  | NotNode
  | LogicalNode
  | ComparisonNode
  | InNode
  | StringMatchNode
  | ArithmeticNode
  | NegateNode
  | FunctionCallNode;

// ── Queries ─────────────────────────────────────────────────────────────────

export interface EventCategoryNode extends NodeBase {
  readonly kind: 'EventCategory';
  /** `null` for `any`. Quoted categories (`"process"`) are unquoted here. */
  readonly name: string | null;
}

/** `<category> where <condition>` */
export interface EventQueryNode extends NodeBase {
  readonly kind: 'EventQuery';
  readonly category: EventCategoryNode;
  readonly condition: Expression;
}

export type TimeUnit = 'ms' | 's' | 'm' | 'h' | 'd';

export interface TimeSpanNode extends NodeBase {
  readonly kind: 'TimeSpan';
  readonly value: number;
  readonly unit: TimeUnit;
  readonly millis: number;
}

/** `[query] by keys with runs=N`, or a missing event `![query] by keys`. */
export interface SequenceTermNode extends NodeBase {
  readonly kind: 'SequenceTerm';
  readonly query: EventQueryNode;
  readonly by: readonly Expression[];
  /** `with runs=N`: the term repeats N times. */
  readonly runs: number | null;
  /** Written `![…]`: a missing-event term. */
  readonly missing: boolean;
}

/** `sequence [by keys] [with maxspan=N unit] term+ [until term]` */
export interface SequenceNode extends NodeBase {
  readonly kind: 'Sequence';
  readonly by: readonly Expression[];
  readonly maxspan: TimeSpanNode | null;
  readonly terms: readonly SequenceTermNode[];
  readonly until: SequenceTermNode | null;
}

/** `[query] by keys` inside a sample. */
export interface SampleTermNode extends NodeBase {
  readonly kind: 'SampleTerm';
  readonly query: EventQueryNode;
  readonly by: readonly Expression[];
}

/** `sample [by keys] term+` */
export interface SampleNode extends NodeBase {
  readonly kind: 'Sample';
  readonly by: readonly Expression[];
  readonly terms: readonly SampleTermNode[];
}

/** `| head N`, `| tail N` (others are parsed so they can be rejected with a reason). */
export interface PipeNode extends NodeBase {
  readonly kind: 'Pipe';
  readonly name: string;
  readonly args: readonly Expression[];
}

export type QueryBody = EventQueryNode | SequenceNode | SampleNode;

export interface QueryNode extends NodeBase {
  readonly kind: 'Query';
  readonly body: QueryBody;
  readonly pipes: readonly PipeNode[];
}

export type Node =
  | Expression
  | EventCategoryNode
  | EventQueryNode
  | TimeSpanNode
  | SequenceTermNode
  | SequenceNode
  | SampleTermNode
  | SampleNode
  | PipeNode
  | QueryNode;
