/**
 * Expression checks Elasticsearch makes after parsing: known functions with the right arity,
 * `~` only where it exists, argument types and constants, no field-to-field comparisons,
 * boolean conditions, numeric arithmetic.
 */

import type { Expression, FunctionCallNode } from '../ast.js';
import { FUNCTIONS, lookupFunction, parameterAt } from '../functions/catalog.js';
import { validateLuceneRegex } from '../regex/index.js';
import { childExpressions, walkExpression } from '../walk.js';
import { type Diagnostics, ordinal } from './diagnostics.js';
import { didYouMean, suggestionList } from './suggest.js';
import { accepts, inferType, kindName, type StaticType } from './types.js';

const FUNCTION_NAMES = FUNCTIONS.map((signature) => signature.name);

/** Check `node` and everything below it. */
export function verifyExpression(d: Diagnostics, node: Expression): void {
  switch (node.kind) {
    case 'Literal':
    case 'Field':
      return;
    case 'FunctionCall':
      verifyFunctionCall(d, node);
      break;
    case 'Comparison':
      if (dependsOnFields(node.left) && dependsOnFields(node.right)) {
        fieldComparison(d, node.right, `[${node.op}]`);
      }
      break;
    case 'In':
      if (dependsOnFields(node.value)) {
        const offender = node.list.find(dependsOnFields);
        if (offender !== undefined) fieldComparison(d, offender, `[${d.text(node)}]`);
        else verifyInListTypes(d, node);
      } else {
        verifyInListTypes(d, node);
      }
      break;
    case 'Logical':
      node.operands.forEach((operand, index) => {
        requireType(d, node, operand, index + 1, 'boolean');
      });
      break;
    case 'Not':
      requireType(d, node, node.operand, 0, 'boolean');
      break;
    case 'Arithmetic':
      requireType(d, node, node.left, 1, 'numeric');
      requireType(d, node, node.right, 2, 'numeric');
      break;
    case 'Negate':
      requireType(d, node, node.operand, 0, 'numeric');
      break;
    case 'StringMatch':
      verifyStringMatchTypes(d, node);
      if (node.op === 'regex') verifyRegexPatterns(d, node.patterns);
      break;
  }
  for (const child of childExpressions(node)) verifyExpression(d, child);
}

/** A condition (`where …`) must be boolean when its type is known. */
export function verifyCondition(d: Diagnostics, condition: Expression): void {
  verifyExpression(d, condition);
  const type = inferType(condition);
  if (type.category === 'string' || type.category === 'numeric') {
    // Elasticsearch prints the data type's upper-case name here (VerifierTests.testQueryCondition:
    // "found [LONG]", "found [KEYWORD]"), unlike the lower-case names in argument messages.
    d.add(
      'EQL_TYPE_MISMATCH',
      `Condition expression needs to be boolean, found [${type.name.toUpperCase()}]`,
      condition.loc,
    );
  }
}

/**
 * Whether an operand needs a document to be evaluated, i.e. holds a field. Elasticsearch turns
 * comparisons into index queries and needs one side constant. An `?optional` field missing from
 * the mapping becomes `null`, so an operand holding one is not known to need a field.
 */
function dependsOnFields(node: Expression): boolean {
  let fields = false;
  let optional = false;
  walkExpression(node, (child) => {
    if (child.kind !== 'Field') return;
    if (child.optional) optional = true;
    else fields = true;
  });
  return fields && !optional;
}

/** Elasticsearch's wording; `context` is the operator (`[==]`) or the whole `in` expression. */
function fieldComparison(d: Diagnostics, offender: Expression, context: string): void {
  d.add(
    'EQL_FIELD_COMPARISON',
    `Comparisons against fields are not (currently) supported; offender [${d.text(offender)}] in ${context}`,
    offender.loc,
  );
}

/**
 * `:`, `like` and `regex` work on strings: a value of a known other type is refused (for `:` in
 * the words of VerifierTests.testIncorrectUsageOfStringEquals, which suggests `==`), and so is a
 * pattern that is not a string (null aside).
 */
function verifyStringMatchTypes(d: Diagnostics, node: Extract<Expression, { kind: 'StringMatch' }>): void {
  const type = inferType(node.value);
  if (type.category !== 'unknown' && type.category !== 'null' && type.category !== 'string') {
    const message =
      node.op === ':'
        ? `first argument of [:] must be [string], found value [${d.text(node.value)}] type [${type.name}]; consider using [==] instead`
        : `first argument of [${d.text(node)}] must be [string], found value [${d.text(node.value)}] type [${type.name}]`;
    d.add('EQL_ARGUMENT_TYPE', message, node.value.loc);
    return;
  }
  node.patterns.forEach((pattern, index) => {
    const patternType = inferType(pattern);
    if (patternType.category !== 'numeric' && patternType.category !== 'boolean') return;
    d.add(
      'EQL_ARGUMENT_TYPE',
      `${ordinal(index + 2)} argument of [${d.text(node)}] must be [string], found value [${d.text(pattern)}] type [${patternType.name}]`,
      pattern.loc,
    );
  });
}

/**
 * Elasticsearch hands a bad pattern to Lucene and fails the search; here it is an error at
 * the pattern, so the editor marks it before anything runs. Only literal patterns can be checked
 * before evaluation; computed ones fail when compiled.
 */
function verifyRegexPatterns(d: Diagnostics, patterns: readonly Expression[]): void {
  for (const pattern of patterns) {
    if (pattern.kind !== 'Literal' || typeof pattern.value !== 'string') continue;
    const error = validateLuceneRegex(pattern.value);
    if (error === null) continue;
    d.add(
      'EQL_INVALID_REGEX',
      `Invalid regular expression [${pattern.value}]: ${error.message}`,
      pattern.loc,
    );
  }
}

/**
 * Every value of an `in` list must have a type compatible with the tested value (numbers with
 * numbers, strings with strings; null fits anything). When the value is a field its type is not
 * known here, but a list mixing kinds can fit no field type, so the first item of another kind
 * than the first typed item is reported. Wording of VerifierTests.testMixedSet:
 * "2nd argument of [x in (1, "string")] must be [long], found value ["string"] type [keyword]".
 */
function verifyInListTypes(d: Diagnostics, node: Extract<Expression, { kind: 'In' }>): void {
  let expected = inferType(node.value);
  // null fits every type; an optional field may be unmapped, i.e. null.
  if (expected.category === 'null') return;
  if (node.value.kind === 'Field' && node.value.optional) return;
  if (expected.category === 'unknown') {
    const first = node.list
      .map(inferType)
      .find((type) => type.category !== 'unknown' && type.category !== 'null');
    if (first === undefined) return;
    expected = first;
  }
  node.list.forEach((item, index) => {
    const type = inferType(item);
    if (type.category === 'unknown' || type.category === 'null' || type.category === expected.category)
      return;
    d.add(
      'EQL_ARGUMENT_TYPE',
      `${shortOrdinal(index + 1)} argument of [${d.text(node)}] must be [${expected.name}], found value [${d.text(item)}] type [${type.name}]`,
      item.loc,
    );
  });
}

/** `2nd`, `3rd`, `11th` (Elasticsearch's `StringUtils.ordinal`, used by `in`). */
function shortOrdinal(n: number): string {
  const tens = n % 100;
  if (tens >= 11 && tens <= 13) return `${n}th`;
  const suffix = ['th', 'st', 'nd', 'rd'][n % 10] ?? 'th';
  return `${n}${suffix}`;
}

/** `position` 0 means the only operand (no ordinal in the message). */
function requireType(
  d: Diagnostics,
  parent: Expression,
  operand: Expression,
  position: number,
  expected: 'boolean' | 'numeric',
): void {
  const type = inferType(operand);
  const ok = type.category === 'unknown' || type.category === 'null' || type.category === expected;
  if (!ok) typeError(d, parent, operand, position, expected, type);
}

function typeError(
  d: Diagnostics,
  parent: Expression,
  operand: Expression,
  position: number,
  expected: string,
  type: StaticType,
): void {
  const which = position === 0 ? '' : `${ordinal(position)} `;
  d.add(
    'EQL_ARGUMENT_TYPE',
    `${which}argument of [${d.text(parent)}] must be [${expected}], found value [${d.text(operand)}] type [${type.name}]`,
    operand.loc,
  );
}

function verifyFunctionCall(d: Diagnostics, node: FunctionCallNode): void {
  const signature = lookupFunction(node.name);
  const written = `${node.name}${node.caseInsensitive ? '~' : ''}`;
  const nameRange = { start: node.loc.start, end: node.loc.start + written.length };
  if (signature === undefined) {
    const hint = didYouMean(suggestionList(node.name, FUNCTION_NAMES));
    d.add('EQL_UNKNOWN_FUNCTION', `Unknown function [${written}]${hint}`, nameRange);
    return;
  }
  if (node.caseInsensitive && !signature.caseInsensitive) {
    d.add(
      'EQL_FUNCTION_CASE_INSENSITIVE',
      `Function [${signature.name}] has no case-insensitive form; remove the [~]`,
      nameRange,
    );
  }
  const count = node.args.length;
  if (count < signature.minArgs || count > signature.maxArgs) {
    d.add(
      'EQL_FUNCTION_ARITY',
      `error building [${signature.name.toLowerCase()}]: expects ${arityText(signature.minArgs, signature.maxArgs)}`,
      node.loc,
    );
    return;
  }
  // Elasticsearch names the argument ("first argument of …") unless the function takes exactly
  // one (`length`, `string`), and reports only the first bad argument of a call
  // (QueryTranslatorFailTests: between(process_name, 1, 2) → only the second argument).
  const named = signature.maxArgs !== 1;
  for (const [index, arg] of node.args.entries()) {
    const parameter = parameterAt(signature, index);
    if (parameter === undefined) continue;
    const type = inferType(arg);
    if (!accepts(parameter.kind, type)) {
      typeError(d, node, arg, named ? index + 1 : 0, kindName(parameter.kind), type);
      return;
    }
    if (parameter.constant && arg.kind !== 'Literal') {
      const which = named ? `${ordinal(index + 1)} ` : '';
      d.add(
        'EQL_ARGUMENT_TYPE',
        `${which}argument of [${d.text(node)}] must be a constant, received [${d.text(arg)}]`,
        arg.loc,
      );
      return;
    }
  }
}

const WORDS = ['no', 'one', 'two', 'three', 'four', 'five'];

function count(n: number): string {
  return WORDS[n] ?? String(n);
}

function arityText(min: number, max: number): string {
  const noun = (n: number): string => (n === 1 ? 'argument' : 'arguments');
  if (max === Number.POSITIVE_INFINITY) return `at least ${count(min)} ${noun(min)}`;
  if (min === max) return `exactly ${count(min)} ${noun(min)}`;
  if (max === min + 1) return `${count(min)} or ${count(max)} arguments`;
  return `${count(min)} to ${count(max)} arguments`;
}
