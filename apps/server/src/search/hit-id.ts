/**
 * A hit's `_id`: the event's 1-based position in its corpus (import order), as a string — the
 * same numbering the CLI gives an NDJSON file's lines, so `sed -n '<_id>p' file.ndjson` finds the
 * event that was uploaded from that file. The store numbers rows from 0 (`ordinal`).
 */
export function hitId(ordinal: number): string {
  return String(ordinal + 1);
}

/** The store ordinal of an `_id` made by `hitId`, or undefined when it is not one. */
export function ordinalOf(id: string): number | undefined {
  if (!/^[1-9]\d{0,15}$/.test(id)) return undefined;
  const position = Number(id);
  return Number.isSafeInteger(position) ? position - 1 : undefined;
}
