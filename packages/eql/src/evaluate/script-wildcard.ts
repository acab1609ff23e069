/**
 * Wildcard patterns (`:` with `*`/`?`, `like`, `like~`) where Elasticsearch runs them in a
 * script rather than as a wildcard query: there the pattern becomes a Java regular expression
 * (`StringUtils.likeToJavaPattern`: `*` → `.*`, `?` → `.`, see querytranslator_tests.txt
 * `likeMultiArgWithScript`, `"^net\\.e.*$"`), matched with `Matcher.matches()`. Java's `.` does
 * not match a line terminator (`\n`, `\r`, U+0085, U+2028, U+2029), so in a script `*` and `?`
 * stop at line breaks, which only a literal line break in the pattern can match.
 *
 * So a value with line breaks matches when the pattern has the same breaks, in order, and each
 * line of the value matches the pattern's line at the same place as an ordinary wildcard.
 */

import { compileWildcards, type StringMatcher } from './wildcard.js';

const LINE_TERMINATOR = /[\n\r\u0085\u2028\u2029]/;
const LINE_TERMINATORS = /[\n\r\u0085\u2028\u2029]/g;
const ONLY_STARS = /^\*+$/;

interface Lines {
  /** The line terminators, in order, as one string. */
  readonly breaks: string;
  readonly lines: readonly string[];
}

function splitLines(text: string): Lines {
  return { breaks: (text.match(LINE_TERMINATORS) ?? []).join(''), lines: text.split(LINE_TERMINATOR) };
}

/** An any-of matcher for wildcard patterns run as a script's Java regular expressions. */
export function compileScriptWildcards(patterns: readonly string[], caseInsensitive: boolean): StringMatcher {
  // A pattern of stars only matches everything: the optimizer makes it `IsNotNull`
  // (ReplaceRegexMatch, `matchesAll`) before any regular expression runs.
  if (patterns.some((pattern) => ONLY_STARS.test(pattern))) return () => true;
  // Without a line break in the value, `*` and `?` mean what they mean in a wildcard query.
  const whole = compileWildcards(patterns, caseInsensitive);
  const byLine = patterns.map((pattern) => {
    const { breaks, lines } = splitLines(pattern);
    return { breaks, lines: lines.map((line) => compileWildcards([line], caseInsensitive)) };
  });
  return (value) => {
    if (!LINE_TERMINATOR.test(value)) return whole(value);
    const { breaks, lines } = splitLines(value);
    return byLine.some(
      (pattern) =>
        pattern.breaks === breaks && pattern.lines.every((matches, i) => matches(lines[i] as string)),
    );
  };
}
