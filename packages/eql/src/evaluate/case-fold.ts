/**
 * The two ways Elasticsearch ignores case, depending on where a condition runs.
 *
 * - As an index query (`:`, `in~`, `like~`, `regex~`, `startsWith~`, `endsWith~`,
 *   `stringContains~` over a field), `case_insensitive` builds its automaton with
 *   `AutomatonQueries.toCaseInsensitiveChar`, which folds only code points up to 128: ASCII
 *   letters match either case, every other character only itself (`café` does not match `CAFÉ`,
 *   the Kelvin sign does not match `k`). elastic/elasticsearch#153513 describes this as the
 *   behaviour it replaced with Unicode folding in a later 9.x; 8.x and the 9.x releases before
 *   it fold ASCII only.
 * - In a script, `:` against a text without wildcards and `in~` are `String.compareToIgnoreCase`
 *   (`StringComparisons.insensitiveEquals`): per code point, equal after `Character.toUpperCase`
 *   or after `toLowerCase` of that, Java's one-to-one simple case mappings.
 */

/** Any UTF-16 unit past ASCII (surrogates included). */
const NON_ASCII = /[\u0080-\uffff]/;
const ASCII_UPPER_RUN = /[A-Z]+/g;

/** Lower-cases the ASCII letters A-Z only, so a string keeps its length and its other characters. */
export function asciiLower(text: string): string {
  // For pure ASCII text the native lower-casing gives the same string, faster.
  if (!NON_ASCII.test(text)) return text.toLowerCase();
  return text.replace(ASCII_UPPER_RUN, (run) => run.toLowerCase());
}

const DOTTED_CAPITAL_I = 0x130;

/** Java's `Character.toUpperCase(int)`: a one-to-one mapping (`ß` stays `ß`). */
function simpleUpper(code: number): number {
  const upper = String.fromCodePoint(code).toUpperCase();
  const first = upper.codePointAt(0) as number;
  // A mapping to several characters (`ß` → `SS`) has no one-to-one form: the character stays.
  return upper.length === (first > 0xffff ? 2 : 1) ? first : code;
}

/** Java's `Character.toLowerCase(int)`: a one-to-one mapping (`İ` → `i`, not `i̇`). */
function simpleLower(code: number): number {
  if (code === DOTTED_CAPITAL_I) return 0x69;
  const lower = String.fromCodePoint(code).toLowerCase();
  const first = lower.codePointAt(0) as number;
  return lower.length === (first > 0xffff ? 2 : 1) ? first : code;
}

/** `a.compareToIgnoreCase(b) == 0`, as Java 17 compares (by code point, simple case mappings). */
export function javaEqualsIgnoreCase(a: string, b: string): boolean {
  if (a === b) return true;
  if (!NON_ASCII.test(a) && !NON_ASCII.test(b))
    return a.length === b.length && a.toLowerCase() === b.toLowerCase();
  const left = [...a];
  const right = [...b];
  if (left.length !== right.length) return false;
  for (let i = 0; i < left.length; i++) {
    const c1 = (left[i] as string).codePointAt(0) as number;
    const c2 = (right[i] as string).codePointAt(0) as number;
    if (c1 === c2) continue;
    const u1 = simpleUpper(c1);
    const u2 = simpleUpper(c2);
    if (u1 !== u2 && simpleLower(u1) !== simpleLower(u2)) return false;
  }
  return true;
}
