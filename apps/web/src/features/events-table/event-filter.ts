/**
 * The events table's filter box: free text (sent to the server as `q`, matched anywhere in the
 * event JSON) and `field:value` terms for fields of the corpus, which become an EQL query so they
 * get EQL's meaning (`:` is case-insensitive with `*`/`?` wildcards; numbers compare as numbers).
 */
import { readTimestamp } from '../search/match-row.js';

export interface FieldTerm {
  readonly field: string;
  readonly value: string;
}

export interface ParsedFilter {
  /** The free text, words joined by single spaces; '' when none. */
  readonly text: string;
  readonly terms: readonly FieldTerm[];
}

/** Words, keeping "double quoted phrases" (and `field:"quoted value"`) together. */
export function splitWords(input: string): string[] {
  const words: string[] = [];
  const pattern = /(?:[^\s"]+|"(?:[^"\\]|\\.)*"?)+/g;
  for (const match of input.matchAll(pattern)) words.push(match[0]);
  return words;
}

function unquote(text: string): string {
  if (text.length >= 2 && text.startsWith('"') && text.endsWith('"')) {
    return text.slice(1, -1).replace(/\\(.)/g, '$1');
  }
  return text.startsWith('"') ? text.slice(1) : text;
}

const TERM = /^([A-Za-z_@][\w.@-]*):(.+)$/s;

/**
 * Parses the filter box. A `name:value` word is a field term only when `name` is a field of
 * the corpus, so a URL or `C:\Windows` typed as text stays text.
 */
export function parseFilter(input: string, knownFields: ReadonlySet<string>): ParsedFilter {
  const text: string[] = [];
  const terms: FieldTerm[] = [];
  for (const word of splitWords(input)) {
    const match = TERM.exec(word);
    const field = match?.[1];
    const value = match?.[2];
    if (field !== undefined && value !== undefined && knownFields.has(field)) {
      terms.push({ field, value: unquote(value) });
    } else {
      text.push(unquote(word));
    }
  }
  return { text: text.join(' '), terms };
}

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** A field name as EQL source: segments that are not plain identifiers go in backticks. */
export function eqlFieldName(field: string): string {
  return field
    .split('.')
    .map((segment) => (IDENTIFIER.test(segment) ? segment : `\`${segment.replaceAll('`', '``')}\``))
    .join('.');
}

export function eqlString(value: string): string {
  const escaped = value
    .replaceAll('\\', '\\\\')
    .replaceAll('"', '\\"')
    .replaceAll('\n', '\\n')
    .replaceAll('\r', '\\r')
    .replaceAll('\t', '\\t');
  return `"${escaped}"`;
}

/** One term as an EQL comparison, typed by what the corpus holds in that field. */
export function termToEql(term: FieldTerm, types: readonly string[]): string {
  const field = eqlFieldName(term.field);
  const numeric = types.includes('long') || types.includes('double');
  if (numeric && /^-?\d+(\.\d+)?$/.test(term.value)) return `${field} == ${term.value}`;
  if (types.includes('boolean') && /^(true|false)$/i.test(term.value)) {
    return `${field} == ${term.value.toLowerCase()}`;
  }
  return `${field} : ${eqlString(term.value)}`;
}

/** `any where a and b` for the terms; `types` gives each field's JSON types. */
export function filterQuery(
  terms: readonly FieldTerm[],
  types: (field: string) => readonly string[],
): string {
  return `any where ${terms.map((t) => termToEql(t, types(t.field))).join(' and ')}`;
}

/** What the server's `q` does, for results that did not come from it: case-insensitive containment. */
export function containsText(source: unknown, text: string): boolean {
  if (text === '') return true;
  return JSON.stringify(source).toLowerCase().includes(text.toLowerCase());
}

/** Epoch millis of an ISO-8601 or epoch-millis bound; `undefined` when blank, `null` when unreadable. */
export function parseBound(text: string): number | undefined | null {
  if (text.trim() === '') return undefined;
  const date = readTimestamp(text.trim());
  return date === null ? null : date.getTime();
}

/** Whether an event's `@timestamp` lies within [from, to]; events without one are outside any bound. */
export function withinBounds(timestamp: unknown, from: number | undefined, to: number | undefined): boolean {
  if (from === undefined && to === undefined) return true;
  const date = readTimestamp(timestamp);
  if (date === null) return false;
  const ms = date.getTime();
  return (from === undefined || ms >= from) && (to === undefined || ms <= to);
}
