/**
 * Dates under a mapping's `format`, as an Elasticsearch `date` field parses them at index time:
 * `format` is one or more formats joined by `||`, tried in order; each is a built-in name
 * (`strict_date_optional_time`, `epoch_millis`, …) or a java.time pattern such as `dd-MM-yyyy`.
 * Without a format a field uses the default, `strict_date_optional_time||epoch_millis`, which is
 * what `toEpochMillis` reads. Dates without a zone are UTC, as in Elasticsearch.
 *
 * Only the pattern letters that dates in event data use are understood: `y`/`u` (year), `M`
 * (numeric month), `d`, `H`, `m`, `s`, `S` (fraction), quoted and other literals. A pattern
 * with any other letter (month names, zones, weeks) matches nothing rather than guessing.
 */

import { parseIsoDate, toEpochMillis } from './dates.js';
import { parseEpochText } from './iso-date.js';

/** Parses one value to epoch millis; `undefined` when no format of the list accepts it. */
export type DateParser = (value: unknown) => number | undefined;

/** `epoch_millis` / `epoch_second` as `EpochTime` reads them (`-5.5` ms floors to -6, never trunc). */
function epochParser(unitMillis: 1 | 1000): DateParser {
  return (value) => {
    if (typeof value === 'number') return Number.isFinite(value) ? Math.floor(value * unitMillis) : undefined;
    return typeof value === 'string' ? parseEpochText(value, unitMillis)?.millis : undefined;
  };
}

function isoDate(value: unknown): number | undefined {
  return typeof value === 'string' ? parseIsoDate(value) : undefined;
}

/** Built-in names (`strict_` forms and their lenient twins parse alike here). */
const NAMED: Readonly<Record<string, DateParser>> = {
  epoch_millis: epochParser(1),
  epoch_second: epochParser(1000),
  date_optional_time: isoDate,
  date_time: isoDate,
  date_time_no_millis: isoDate,
  date_hour_minute_second: isoDate,
  date_hour_minute_second_millis: isoDate,
  date_hour_minute: isoDate,
  date: isoDate,
  year_month_day: isoDate,
  year_month: isoDate,
  year: isoDate,
};

interface Field {
  readonly letter: string;
  readonly width: number;
}

/** The regular expression of one pattern letter run, or `null` for a letter we do not read. */
function fieldRegex(field: Field): string | null {
  switch (field.letter) {
    case 'y':
    case 'u':
      // `yy` is a two-digit year (2000-2099); `yyyy` at least four digits.
      return field.width === 2 ? '(\\d{2})' : `(\\d{${Math.max(field.width, 4)},9})`;
    case 'M':
    case 'd':
    case 'H':
    case 'm':
    case 's':
      return field.width === 1 ? '(\\d{1,2})' : `(\\d{${field.width}})`;
    case 'S':
      return `(\\d{${field.width}})`;
    default:
      return null;
  }
}

function escapeLiteral(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');
}

/** A java.time pattern as a parser; `null` when it uses letters this module does not read. */
function patternParser(pattern: string): DateParser | null {
  const fields: Field[] = [];
  let regex = '^';
  for (let i = 0; i < pattern.length; ) {
    const ch = pattern[i] as string;
    if (ch === "'") {
      const end = pattern.indexOf("'", i + 1);
      const literal = end < 0 ? pattern.slice(i + 1) : pattern.slice(i + 1, end);
      regex += literal === '' ? "'" : escapeLiteral(literal);
      i = end < 0 ? pattern.length : end + 1;
      continue;
    }
    if (!/[A-Za-z]/.test(ch)) {
      regex += escapeLiteral(ch);
      i++;
      continue;
    }
    let width = 1;
    while (pattern[i + width] === ch) width++;
    const field = { letter: ch, width };
    const part = fieldRegex(field);
    if (part === null) return null;
    fields.push(field);
    regex += part;
    i += width;
  }
  const compiled = new RegExp(`${regex}$`);
  return (value) => {
    if (typeof value !== 'string') return undefined;
    const match = compiled.exec(value);
    if (match === null) return undefined;
    const parts = { y: 1970, M: 1, d: 1, H: 0, m: 0, s: 0, S: 0 };
    fields.forEach((field, index) => {
      const digits = match[index + 1] ?? '0';
      const letter = field.letter === 'u' ? 'y' : field.letter;
      if (letter === 'S') parts.S = Number(digits.slice(0, 3).padEnd(3, '0'));
      else if (letter === 'y' && field.width === 2) parts.y = 2000 + Number(digits);
      else parts[letter as 'y' | 'M' | 'd' | 'H' | 'm' | 's'] = Number(digits);
    });
    const { y, M, d, H, m, s, S } = parts;
    if (M < 1 || M > 12 || d < 1 || H > 23 || m > 59 || s > 59) return undefined;
    const millis = Date.UTC(y, M - 1, d, H, m, s, S);
    // `Date.UTC` rolls 31-02 over into March; a date field rejects it.
    return new Date(millis).getUTCDate() === d ? millis : undefined;
  };
}

function singleFormat(format: string): DateParser | null {
  const name = format.trim();
  const named = NAMED[name.replace(/^strict_/, '')];
  if (named !== undefined) return named;
  return patternParser(name);
}

const cache = new Map<string, DateParser>();

/**
 * The parser of a mapping `format` (`undefined`: the default format). Formats are tried in
 * order, as Elasticsearch does; unreadable ones are skipped.
 */
export function dateParser(format: string | undefined): DateParser {
  if (format === undefined) return toEpochMillis;
  const cached = cache.get(format);
  if (cached !== undefined) return cached;
  const parsers = format
    .split('||')
    .map(singleFormat)
    .filter((parser): parser is DateParser => parser !== null);
  const parser: DateParser = (value) => {
    for (const parse of parsers) {
      const millis = parse(value);
      if (millis !== undefined) return millis;
    }
    return undefined;
  };
  cache.set(format, parser);
  return parser;
}
