/**
 * The function implementations by name. Names are case-insensitive in EQL (`cidrmatch` is
 * `cidrMatch`), so lookups go through the lower-cased name.
 */

import { cidrMatch } from './impl-cidr.js';
import { add, divide, modulo, multiply, number, subtract } from './impl-math.js';
import {
  between,
  concat,
  endsWith,
  indexOf,
  length,
  startsWith,
  string,
  stringContains,
  substring,
} from './impl-string.js';
import type { FunctionImpl } from './impl-types.js';

const ALL: readonly FunctionImpl[] = [
  add,
  between,
  cidrMatch,
  concat,
  divide,
  endsWith,
  indexOf,
  length,
  modulo,
  multiply,
  number,
  startsWith,
  string,
  stringContains,
  substring,
  subtract,
];

const BY_NAME = new Map(ALL.map((impl) => [impl.name.toLowerCase(), impl]));

export function getFunctionImpl(name: string): FunctionImpl | undefined {
  return BY_NAME.get(name.toLowerCase());
}

export const functionImplNames: readonly string[] = ALL.map((impl) => impl.name);
