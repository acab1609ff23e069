import type { RuleObject, RuleTransforms } from '../rule.js';

/**
 * Kibana renders investigation-guide plugins written inline in the note as
 * `!{investigate{…json…}}` / `!{osquery{…json…}}`; detection-rules keeps their JSON in
 * `[[transform.<plugin>]]` tables and marks each place in the note with `$<plugin>_<n>`.
 */
const PLACEHOLDER = /\$(investigate|osquery)_(\d+)/g;

/** Note with `$plugin_n` placeholders → note with inline Kibana plugin syntax. */
export function renderGuidePlugins(note: string, transform: RuleTransforms): string {
  return note.replace(PLACEHOLDER, (whole, plugin: string, index: string) => {
    const entry = transform[plugin]?.[Number(index)];
    return entry === undefined ? whole : `!{${plugin}${JSON.stringify(entry)}}`;
  });
}

/** The inverse: lifts inline plugins out of a Kibana note into transforms and placeholders. */
export function extractGuidePlugins(note: string): {
  readonly note: string;
  readonly transform: RuleTransforms;
} {
  const found: Record<string, RuleObject[]> = {};
  let out = '';
  let i = 0;
  for (;;) {
    const start = note.indexOf('!{', i);
    if (start < 0) break;
    const match = /^!\{(investigate|osquery)\{/.exec(note.slice(start, start + 20));
    const end = match ? jsonObjectEnd(note, start + match[0].length - 1) : -1;
    if (!match || end < 0 || note[end] !== '}') {
      out += note.slice(i, start + 2);
      i = start + 2;
      continue;
    }
    const plugin = match[1] ?? '';
    let value: unknown;
    try {
      value = JSON.parse(note.slice(start + match[0].length - 1, end));
    } catch {
      out += note.slice(i, start + 2);
      i = start + 2;
      continue;
    }
    const list = found[plugin] ?? [];
    found[plugin] = list;
    out += `${note.slice(i, start)}$${plugin}_${list.length}`;
    list.push(value as RuleObject);
    i = end + 1;
  }
  return { note: out + note.slice(i), transform: found };
}

/** Index just past the JSON object starting at `open` (a `{`), or -1. */
function jsonObjectEnd(text: string, open: number): number {
  let depth = 0;
  let inString = false;
  for (let i = open; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === '{') depth++;
    else if (c === '}') {
      depth--;
      if (depth === 0) return i + 1;
    }
  }
  return -1;
}
