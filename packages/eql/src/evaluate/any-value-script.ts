/**
 * A condition that is not a query on one field (`length(f) > 2`, `n + 1 == 3`,
 * `substring(f, 1) in ("a")`) runs in Elasticsearch as a script filter. Since 8.x its scripts are
 * multi-value aware: every field occurrence in the script is a loop over that field's doc values
 * (a field without values is one `null`), and the filter matches when some combination of values
 * makes the script `true` (`Scripts.multiValueDocValuesRewrite` and
 * `InternalEqlScriptUtils.multiValueDocValues`; `querytranslator_tests.txt` `lengthFunction…`,
 * `inFilterWithScripting`). A `not` around such a script negates that whole test, so
 * `not length(f) > 2` holds on an event without `f` and, on a multi-valued `f`, only when no
 * value is longer than 2. With single-valued fields this is plain three-valued evaluation.
 */

import type { Expression, FieldNode } from '../ast.js';
import type { EventSource } from '../execute/types.js';
import { type CompiledValue, compileValueBinding } from './compile-value.js';
import { type CompileContext, located } from './context.js';
import { EvaluationFailure } from './errors.js';
import { compileFieldAccessor, type FieldScalar, type RawFieldValue } from './fields.js';
import type { EqlValue } from './values.js';

export interface AnyValueScript {
  /** The script over one value per field occurrence (constant when it has no fields). */
  readonly compiled: CompiledValue;
  /** True when some combination of the fields' values makes the script true. */
  readonly test: (source: EventSource) => boolean;
}

/**
 * Painless stops a script after this many loop iterations (`max_loop_counter`), so ES fails the
 * search rather than try more combinations; so do we, instead of hanging on a hostile event
 * (three occurrences of a 10,000-valued field would be 10^12 evaluations).
 */
export const MAX_COMBINATIONS = 1_000_000;

/** Doc values are sorted: the combinations are tried in that order (it decides which error wins). */
function docValues(raw: RawFieldValue): readonly EqlValue[] {
  if (raw === undefined) return [null];
  if (typeof raw !== 'object') return [raw];
  return [...raw].sort(byDocValue);
}

function byDocValue(a: FieldScalar, b: FieldScalar): number {
  if (typeof a !== typeof b) return 0;
  return a < b ? -1 : a > b ? 1 : 0;
}

export function compileAnyValueScript(node: Expression, ctx: CompileContext): AnyValueScript {
  const accessors: ((source: EventSource) => RawFieldValue)[] = [];
  const slots: EqlValue[] = [];
  const bind = (field: FieldNode): CompiledValue => {
    const index = accessors.length;
    const access = compileFieldAccessor(field.path);
    accessors.push(access);
    slots.push(null);
    const evaluate = (): EqlValue => slots[index] ?? null;
    // An `?optional` field without a value stands for one the mapping lacks: the literal null.
    return field.optional
      ? { evaluate, type: 'dynamic', constant: false, foldable: (source) => access(source) === undefined }
      : { evaluate, type: 'dynamic', constant: false };
  };
  const compiled = compileValueBinding(node, ctx, bind);
  const { evaluate } = compiled;
  const count = accessors.length;

  const raws: RawFieldValue[] = new Array(count);
  const test = (source: EventSource): boolean => {
    // The common case, every field single-valued or absent, allocates nothing.
    let single = true;
    for (let i = 0; i < count; i++) {
      const raw = (accessors[i] as (source: EventSource) => RawFieldValue)(source);
      raws[i] = raw;
      if (typeof raw === 'object') single = false;
      else slots[i] = raw ?? null;
    }
    if (single) return evaluate(source) === true;
    const values = raws.map(docValues);
    let combinations = 1;
    for (const list of values) combinations *= list.length;
    if (combinations > MAX_COMBINATIONS)
      throw located(
        new EvaluationFailure(
          `The script would try ${combinations} combinations of multi-valued fields; the limit is ${MAX_COMBINATIONS} (as Painless's loop limit)`,
        ),
        ctx,
        node.loc,
      );
    // Depth-first over the combinations, first occurrence outermost, as the rewrite nests loops.
    const visit = (depth: number): boolean => {
      if (depth === count) return evaluate(source) === true;
      for (const value of values[depth] as readonly EqlValue[]) {
        slots[depth] = value;
        if (visit(depth + 1)) return true;
      }
      return false;
    };
    return visit(0);
  };
  return { compiled, test };
}
