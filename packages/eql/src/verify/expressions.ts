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
    d.add(
      'EQL_TYPE_MISMATCH',
      `Condition expression needs to be boolean, found [${type.name}]`,
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
  node.args.forEach((arg, index) => {
    const parameter = parameterAt(signature, index);
    if (parameter === undefined) return;
    const type = inferType(arg);
    if (!accepts(parameter.kind, type)) {
      typeError(d, node, arg, count === 1 ? 0 : index + 1, kindName(parameter.kind), type);
    } else if (parameter.constant && arg.kind !== 'Literal') {
      const which = count === 1 ? '' : `${ordinal(index + 1)} `;
      d.add(
        'EQL_ARGUMENT_TYPE',
        `${which}argument of [${d.text(node)}] must be a constant, received [${d.text(arg)}]`,
        arg.loc,
      );
    }
  });
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
