import type { FieldScalar } from '../evaluate/fields.js';
import type { EqlValue, NumericKind } from '../evaluate/values.js';

/** Static type of a function result (numeric kinds follow Java: `length()` is an int). */
export type ResultType = NumericKind | 'string' | 'boolean' | 'unknown';

export interface FunctionImpl {
  /** Canonical name, as Elasticsearch spells it (`cidrMatch`). */
  readonly name: string;
  readonly resultType: (argKinds: readonly ResultType[]) => ResultType;
  /**
   * Evaluates with null propagation as Elasticsearch does. `kinds` are the numeric kinds of
   * the arguments (for Java arithmetic). Throws `EvaluationFailure` where ES fails the search.
   */
  readonly evaluate: (
    args: readonly EqlValue[],
    caseInsensitive: boolean,
    kinds: readonly ResultType[],
  ) => EqlValue;
  /**
   * For functions Elasticsearch turns into an index query when the first argument is a field
   * and the rest are constants (prefix, wildcard, CIDR terms): the per-value test, so that a
   * multi-valued field matches when any value does. `undefined` when not applicable.
   */
  readonly fieldFilter?: (
    constants: readonly EqlValue[],
    caseInsensitive: boolean,
  ) => ((value: FieldScalar) => boolean) | undefined;
}
