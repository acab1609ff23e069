/**
 * `@timestamp` values as Elasticsearch accepts them for a `date` field: epoch millis (number or
 * numeric string) or ISO-8601 / RFC 3339 text. Returns epoch millis, or undefined when the
 * value is not a date. Fractions below a millisecond are truncated, as Elasticsearch's
 * millisecond `date` type does.
 */
export function parseTimestamp(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? Math.trunc(value) : undefined;
  if (typeof value !== 'string') return undefined;
  const text = value.trim();
  if (/^-?\d+(\.\d+)?$/.test(text)) {
    const millis = Number(text);
    return Number.isFinite(millis) ? Math.trunc(millis) : undefined;
  }
  const match = ISO_DATE.exec(text);
  if (!match) return undefined;
  const [, date = '', time, fraction = '', zone] = match;
  const millisPart = fraction === '' ? '' : `.${fraction.slice(0, 3).padEnd(3, '0')}`;
  const normalized =
    time === undefined ? `${date}T00:00:00Z` : `${date}T${time}${millisPart}${normalizeZone(zone)}`;
  const millis = Date.parse(normalized);
  return Number.isNaN(millis) ? undefined : millis;
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
