import { describe, expect, it } from 'vitest';
import { formatQuery, hasComments } from './format-query.js';

describe('formatQuery', () => {
  it('puts each top-level clause on its own line', () => {
    const result = formatQuery(
      'any where host.os.type=="windows" and (event.category:("library","driver") or event.action : "Image loaded*") AND process.name:"WINWORD.EXE"'.replace(
        'AND',
        'and',
      ),
    );
    expect(result).toEqual({
      ok: true,
      text: [
        'any where host.os.type == "windows" and',
        '  (event.category : ("library", "driver") or event.action : "Image loaded*") and',
        '  process.name : "WINWORD.EXE"',
      ].join('\n'),
    });
  });

  it('formats other queries with the engine printer and puts pipes on their own lines', () => {
    expect(formatQuery('process   where   true |   head 5')).toEqual({
      ok: true,
      text: 'process where true\n| head 5',
    });
  });

  it('refuses broken queries and queries with comments', () => {
    expect(formatQuery('any where (')).toEqual({
      ok: false,
      reason: 'The query has errors; fix them to format it.',
    });
    expect(formatQuery('any where true // keep me')).toEqual({
      ok: false,
      reason: 'Formatting would drop the comments in this query.',
    });
  });
});

describe('hasComments', () => {
  it('ignores comment markers inside strings', () => {
    expect(hasComments('any where a : "http://x/*"')).toBe(false);
    expect(hasComments('any where /* c */ a')).toBe(true);
  });
});
