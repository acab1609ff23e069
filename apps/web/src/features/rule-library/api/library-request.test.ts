import { describe, expect, it } from 'vitest';
import { describeProblem, libraryError } from './library-request.js';

describe('describeProblem', () => {
  it('turns a "line:column:" prefix into words', () => {
    expect(
      describeProblem({
        message: '5:10: Invalid TOML document: control characters are not allowed in strings',
        line: 5,
        column: 10,
        file: null,
      }),
    ).toBe('Line 5, column 10: Invalid TOML document: control characters are not allowed in strings');
  });

  it('drops a file name prefix the message repeats and keeps the file in front', () => {
    expect(
      describeProblem({
        message: 'rules.ndjson:3:1: unexpected token',
        line: 3,
        column: 1,
        file: 'rules.ndjson',
      }),
    ).toBe('rules.ndjson, line 3, column 1: unexpected token');
  });

  it('leaves problems without a place as they are', () => {
    expect(describeProblem({ message: 'the file is empty', line: null, column: null, file: null })).toBe(
      'the file is empty',
    );
  });
});

describe('libraryError', () => {
  it('reads the code, message and located problems of a library error body', () => {
    const error = libraryError(422, 'Unprocessable Entity', {
      code: 'invalid_rule_file',
      message: '5:10: bad',
      problems: [{ code: 'syntax', message: '5:10: bad', file: null, line: 5, column: 10, field: null }],
    });
    expect([error.status, error.code, error.message, error.problems.length]).toEqual([
      422,
      'invalid_rule_file',
      '5:10: bad',
      1,
    ]);
  });

  it('falls back to the status line for a body that is not the library shape', () => {
    expect(libraryError(502, 'Bad Gateway', undefined).message).toBe('502 Bad Gateway');
    expect(libraryError(500, 'Internal Server Error', 'boom').message).toBe('boom');
  });
});
