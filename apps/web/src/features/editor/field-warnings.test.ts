import { parse } from '@rulebench/eql';
import { describe, expect, it } from 'vitest';
import { buildFieldCatalog } from './field-catalog.js';
import { queryExpressions, unknownFieldWarnings } from './field-warnings.js';

const catalog = buildFieldCatalog(
  [
    ['process.name', 'keyword', 'Process name.'],
    ['host.id', 'keyword', 'Host id.'],
  ],
  [{ name: 'winlog.event_id', types: ['long'], count: 3, examples: [7] }],
);

describe('unknownFieldWarnings', () => {
  it('warns about fields neither ECS nor in the corpus, with suggestions', () => {
    const source = 'any where proces.name == "x" and winlog.event_id == 7 and ?custom.flag == true';
    const warnings = unknownFieldWarnings(parse(source), source, catalog);
    expect(warnings).toEqual([
      {
        code: 'RB_UNKNOWN_FIELD',
        message:
          'Unknown field "proces.name": not an ECS field and not in this corpus. Did you mean "process.name"? Write ?proces.name if it may be absent.',
        range: { start: 10, end: 21 },
        line: 1,
        column: 11,
        severity: 'warning',
      },
    ]);
  });

  it('looks into sequence join keys and terms', () => {
    const source = 'sequence by host.idd [process where true] [process where nope == 1]';
    expect(unknownFieldWarnings(parse(source), source, catalog).map((w) => w.message.split(':')[0])).toEqual([
      'Unknown field "host.idd"',
      'Unknown field "nope"',
    ]);
    expect(queryExpressions(parse(source))).toHaveLength(3);
  });
});
