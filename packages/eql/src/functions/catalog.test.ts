import { describe, expect, it } from 'vitest';
import { FUNCTIONS, lookupFunction, parameterAt } from './catalog.js';

describe('function catalog', () => {
  it('lists every Elasticsearch EQL function', () => {
    expect(FUNCTIONS.map((signature) => signature.name)).toEqual([
      'add',
      'between',
      'cidrMatch',
      'concat',
      'divide',
      'endsWith',
      'indexOf',
      'length',
      'modulo',
      'multiply',
      'number',
      'startsWith',
      'string',
      'stringContains',
      'substring',
      'subtract',
    ]);
  });

  it('matches names in any letter case', () => {
    expect(lookupFunction('cidrmatch')?.name).toBe('cidrMatch');
    expect(lookupFunction('STARTSWITH')?.name).toBe('startsWith');
    expect(lookupFunction('wildcard')).toBeUndefined();
  });

  it('knows which functions have a ~ form', () => {
    expect(
      FUNCTIONS.filter((signature) => signature.caseInsensitive).map((signature) => signature.name),
    ).toEqual(['between', 'endsWith', 'indexOf', 'startsWith', 'stringContains']);
  });

  it('derives arity and signatures', () => {
    const arity = Object.fromEntries(
      FUNCTIONS.map((signature) => [signature.name, [signature.minArgs, signature.maxArgs]]),
    );
    expect(arity).toEqual({
      add: [2, 2],
      between: [3, 4],
      cidrMatch: [2, Number.POSITIVE_INFINITY],
      concat: [1, Number.POSITIVE_INFINITY],
      divide: [2, 2],
      endsWith: [2, 2],
      indexOf: [2, 3],
      length: [1, 1],
      modulo: [2, 2],
      multiply: [2, 2],
      number: [1, 2],
      startsWith: [2, 2],
      string: [1, 1],
      stringContains: [2, 2],
      substring: [2, 3],
      subtract: [2, 2],
    });
    expect(lookupFunction('between')?.signature).toBe('between(source, left, right, [greedy])');
    expect(lookupFunction('cidrMatch')?.signature).toBe('cidrMatch(ip, cidr, …)');
  });

  it('binds extra arguments to a variadic parameter', () => {
    const cidr = lookupFunction('cidrMatch');
    if (cidr === undefined) throw new Error('cidrMatch missing');
    expect(parameterAt(cidr, 5)?.name).toBe('cidr');
    const length = lookupFunction('length');
    if (length === undefined) throw new Error('length missing');
    expect(parameterAt(length, 1)).toBeUndefined();
  });
});
