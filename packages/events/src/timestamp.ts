/**
 * `@timestamp` values as Elasticsearch accepts them for a `date` field: epoch millis (number or
 * numeric string) or ISO-8601 / RFC 3339 text, within the range of dates we can store and print
 * (±8.64e15 ms, about ±273,000 years around 1970, the range of an ISO-8601 `Date`). Shared by the
 * server's importer and the CLI's `import`, so both reject the same records with the same words.
 */

/** The largest distance from the epoch, in milliseconds, a timestamp may have. */
export const MAX_TIMESTAMP_MILLIS = 8.64e15;

/**
 * Epoch millis, or undefined when the value is not a date or is out of range. Fractions below a
 * millisecond are truncated, as Elasticsearch's millisecond `date` type does.
 */
export function parseTimestamp(value: unknown): number | undefined {
  if (typeof value === 'number') return inRange(value);
  if (typeof value !== 'string') return undefined;
  const text = value.trim();
  if (/^-?\d+(\.\d+)?$/.test(text)) return inRange(Number(text));
  const match = ISO_DATE.exec(text);
  if (!match) return undefined;
  const [, date = '', time, fraction = '', zone] = match;
  const millisPart = fraction === '' ? '' : `.${fraction.slice(0, 3).padEnd(3, '0')}`;
  const normalized =
    time === undefined ? `${date}T00:00:00Z` : `${date}T${time}${millisPart}${normalizeZone(zone)}`;
  const millis = Date.parse(normalized);
  return Number.isNaN(millis) ? undefined : millis;
}

/**
 * Why a present, non-null timestamp value was refused, naming it as the input spelled it: a
 * number too big for a double parses to Infinity and would print as `null` through JSON, so
 * `text` (the record's JSON text, when known) is searched for the literal; without it the
 * number is printed by JavaScript (`Infinity`).
 */
export function timestampProblem(field: string, value: unknown, text?: string): string {
  const shown = showValue(field, value, text);
  if (isOutOfRange(value))
    return `${field} ${shown} is out of range (dates must be within ±8.64e15 ms of 1970)`;
  return `${field} ${shown} is neither ISO-8601 nor epoch millis`;
}

function isOutOfRange(value: unknown): boolean {
  if (typeof value === 'number') return Number.isNaN(value) ? false : inRange(value) === undefined;
  return (
    typeof value === 'string' && /^\s*-?\d+(\.\d+)?\s*$/.test(value) && parseTimestamp(value) === undefined
  );
}

function showValue(field: string, value: unknown, text: string | undefined): string {
  // A number as written: doubles round (-99999999999999999 reads as -1e17) or overflow to Infinity.
  if (typeof value === 'number') {
    const literal = text === undefined ? undefined : numberLiteral(text, field);
    return literal ?? String(value);
  }
  const json = JSON.stringify(value);
  return json === undefined ? String(value) : json.length > 80 ? `${json.slice(0, 77)}…` : json;
}

/** The number written after `"field":` in JSON text, when the field occurs exactly once. */
function numberLiteral(text: string, field: string): string | undefined {
  const key = JSON.stringify(field);
  const first = text.indexOf(key);
  if (first === -1 || text.indexOf(key, first + 1) !== -1) return undefined;
  const match = /^\s*:\s*(-?[0-9][0-9.eE+-]{0,40})/.exec(
    text.slice(first + key.length, first + key.length + 64),
  );
  return match?.[1];
}

function inRange(millis: number): number | undefined {
  if (!Number.isFinite(millis)) return undefined;
  const whole = Math.trunc(millis);
  return Math.abs(whole) <= MAX_TIMESTAMP_MILLIS ? whole : undefined;
}

// date, then optionally [T or space] hh:mm[:ss][.fraction][zone]
const ISO_DATE =
  /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}:\d{2}(?::\d{2})?)(?:[.,](\d+))?(Z|z|[+-]\d{2}(?::?\d{2})?)?)?$/;

/** No zone means UTC, as in Elasticsearch; `+hhmm` and `+hh` become `+hh:mm`. */
function normalizeZone(zone: string | undefined): string {
  if (zone === undefined || zone === 'Z' || zone === 'z') return 'Z';
  const digits = zone.slice(1).replace(':', '');
  return `${zone[0]}${digits.slice(0, 2)}:${(digits.slice(2) || '00').padEnd(2, '0')}`;
}

/** Epoch millis as ISO-8601, or undefined for a value no `Date` can hold (never throws). */
export function timestampToIso(millis: number): string | undefined {
  if (!Number.isFinite(millis) || Math.abs(millis) > MAX_TIMESTAMP_MILLIS) return undefined;
  return new Date(millis).toISOString();
}
