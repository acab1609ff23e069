/**
 * Static types of expressions, as far as they can be known without an index mapping: literals,
 * function results and operators have one; fields are `unknown` and accepted everywhere.
 * Type names follow Elasticsearch's (`keyword`, `integer`, `long`, `double`, `boolean`).
 */

import type { Expression } from '../ast.js';
import { lookupFunction, type ParameterKind } from '../functions/catalog.js';

export type TypeCategory = 'string' | 'numeric' | 'boolean' | 'null' | 'unknown';

export interface StaticType {
  readonly category: TypeCategory;
  /** Elasticsearch's name for the type, used in messages. */
  readonly name: string;
}

const UNKNOWN: StaticType = { category: 'unknown', name: 'unknown' };
const KEYWORD: StaticType = { category: 'string', name: 'keyword' };
const BOOLEAN: StaticType = { category: 'boolean', name: 'boolean' };
const NULL: StaticType = { category: 'null', name: 'null' };
const INTEGER: StaticType = { category: 'numeric', name: 'integer' };
const LONG: StaticType = { category: 'numeric', name: 'long' };
const DOUBLE: StaticType = { category: 'numeric', name: 'double' };
const NUMERIC: StaticType = { category: 'numeric', name: 'numeric' };

const INT_MIN = -2_147_483_648;
const INT_MAX = 2_147_483_647;

export function inferType(node: Expression): StaticType {
  switch (node.kind) {
    case 'Literal': {
      const { value } = node;
      if (value === null) return NULL;
      if (typeof value === 'string') return KEYWORD;
      if (typeof value === 'boolean') return BOOLEAN;
      if (node.numberType === 'float') return DOUBLE;
      return value >= INT_MIN && value <= INT_MAX ? INTEGER : LONG;
    }
    case 'Field':
      return UNKNOWN;
    case 'Not':
    case 'Logical':
    case 'Comparison':
    case 'In':
    case 'StringMatch':
      return BOOLEAN;
    case 'Negate': {
      // One recursive call: two would make `------…x` exponential in its number of minuses.
      const operand = inferType(node.operand);
      return operand.category === 'numeric' ? operand : NUMERIC;
    }
    case 'Arithmetic':
      return arithmeticType(inferType(node.left), inferType(node.right));
    case 'FunctionCall': {
      const signature = lookupFunction(node.name);
      if (signature === undefined) return UNKNOWN;
      switch (signature.returns) {
        case 'string':
          return KEYWORD;
        case 'boolean':
          return BOOLEAN;
        case 'integer':
          return INTEGER;
        case 'numeric':
          return node.args.length === 2 && signature.name !== 'number'
            ? arithmeticType(inferType(node.args[0] as Expression), inferType(node.args[1] as Expression))
            : NUMERIC;
        case 'any':
          return UNKNOWN;
      }
    }
  }
}

function arithmeticType(left: StaticType, right: StaticType): StaticType {
  if (left.name === 'double' || right.name === 'double') return DOUBLE;
  if (left.name === 'integer' && right.name === 'integer') return INTEGER;
  if (
    (left.name === 'integer' || left.name === 'long') &&
    (right.name === 'integer' || right.name === 'long')
  )
    return LONG;
  return NUMERIC;
}

/** Whether a value of type `type` may be passed where `kind` is expected. */
export function accepts(kind: ParameterKind, type: StaticType): boolean {
  if (type.category === 'unknown' || type.category === 'null' || kind === 'any') return true;
  switch (kind) {
    case 'string':
      return type.category === 'string';
    case 'numeric':
      return type.category === 'numeric';
    case 'integer':
      return type.name === 'integer' || type.name === 'long' || type.name === 'numeric';
    case 'boolean':
      return type.category === 'boolean';
    case 'ip':
      return false;
  }
}

/** How Elasticsearch names the expected kind in "must be [X]". */
export function kindName(kind: ParameterKind): string {
  return kind;
}
