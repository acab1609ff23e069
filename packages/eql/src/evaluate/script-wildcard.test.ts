/**
 * Wildcards in a script are Java regular expressions: `*` and `?` do not cross line breaks.
 * Every case runs through every evaluation path (generated code, closures, executors, explain).
 */

import { describe } from 'vitest';
import { everyPathCases as cases } from '../../test/differential/every-path-cases.js';

const twoLines = { c: 'cmd.exe /c\necho hi' };
const crlf = { c: 'a\r\nb' };

describe('wildcards in a script stop at line breaks, as Java regular expressions do', () => {
  // querytranslator_tests.txt likeMultiArgWithScript: a script like is the Java regex "^net\\.e.*$",
  // matched whole (RegexProcessor: matcher().matches()), and Java's "." excludes line terminators.
  cases([
    ['substring(c, 0) : "cmd.exe*"', twoLines, false],
    ['substring(c, 0) like~ "*ECHO hi"', twoLines, false],
    ['substring(c, 0) like "cmd.exe /c?echo hi"', twoLines, false],
    ['substring(c, 0) like "cmd*\\n*hi"', twoLines, true],
    ['substring(c, 0) : "CMD*\\n*HI"', twoLines, true],
    ['substring(c, 0) like "a\\r\\n?"', crlf, true],
    ['substring(c, 0) like "a*b"', crlf, false],
    // As a wildcard query over the field, `*` matches line breaks too.
    ['c : "cmd.exe*"', twoLines, true],
    ['c like~ "*ECHO hi"', twoLines, true],
    // Stars alone match everything: the optimizer makes them `IsNotNull` (ReplaceRegexMatch, matchesAll).
    ['substring(c, 0) like "*"', twoLines, true],
    ['substring(c, 0) : ("**", "x")', twoLines, true],
    ['substring(c, 0) : "*?"', twoLines, false],
  ]);
});
