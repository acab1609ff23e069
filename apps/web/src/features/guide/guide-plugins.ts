/**
 * Kibana's investigation-guide plugins (`!{investigate{…}}`, `!{osquery{…}}`, `!{insight{…}}`)
 * and `{{field}}` placeholders. Plugins become fenced blocks the renderer shows as inert cards;
 * placeholders are filled from the selected event.
 */

import { fieldText, getField } from '../../lib/event-fields.js';

export const PLUGIN_NAMES = ['investigate', 'osquery', 'insight'] as const;
export type PluginName = (typeof PLUGIN_NAMES)[number];
export const PLUGIN_LANGUAGE_PREFIX = 'kibana-plugin-';

/** Index just past the JSON object that starts at `open` (a `{`), or -1. */
function objectEnd(text: string, open: number): number {
  let depth = 0;
  let inString = false;
  for (let i = open; i < text.length; i += 1) {
    const c = text[i];
    if (inString) {
      if (c === '\\') i += 1;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === '{') depth += 1;
    else if (c === '}') {
      depth -= 1;
      if (depth === 0) return i + 1;
    }
  }
  return -1;
}

/**
 * detection-rules stores plugins in `transform` and marks their place with `$investigate_0`;
 * put them back inline as Kibana writes them.
 */
export function inlineTransforms(
  note: string,
  transform: Readonly<Record<string, readonly unknown[]>> | undefined,
): string {
  if (!transform) return note;
  return note.replace(/\$(investigate|osquery|insight)_(\d+)/g, (whole, plugin: string, index: string) => {
    const entry = transform[plugin]?.[Number(index)];
    return entry === undefined ? whole : `!{${plugin}${JSON.stringify(entry)}}`;
  });
}

/** Replaces each well-formed inline plugin by a fenced block of its JSON. */
export function pluginsToBlocks(markdown: string): string {
  let out = '';
  let i = 0;
  for (;;) {
    const start = markdown.indexOf('!{', i);
    if (start < 0) break;
    const match = /^!\{(investigate|osquery|insight)\{/.exec(markdown.slice(start, start + 16));
    const end = match ? objectEnd(markdown, start + match[0].length - 1) : -1;
    if (!match || end < 0 || markdown[end] !== '}') {
      out += markdown.slice(i, start + 2);
      i = start + 2;
      continue;
    }
    const json = markdown.slice(start + match[0].length - 1, end);
    // Fences need their own lines; a longer fence survives backticks inside the JSON.
    out += `${markdown.slice(i, start)}\n\n\`\`\`\`${PLUGIN_LANGUAGE_PREFIX}${match[1]}\n${json}\n\`\`\`\`\n\n`;
    i = end + 1;
  }
  return out + markdown.slice(i);
}

/** `{{host.name}}` → the event's value; unknown fields stay as written. */
export function fillPlaceholders(text: string, source: unknown): string {
  if (source === undefined) return text;
  return text.replace(/\{\{\s*([A-Za-z_@][\w@.-]*)\s*\}\}/g, (whole, path: string) => {
    return fieldText(getField(source, path)) ?? whole;
  });
}

/** A value as a Markdown code span, whatever backticks it holds. */
function codeSpan(text: string): string {
  const longest = Math.max(0, ...[...text.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = '`'.repeat(longest + 1);
  // CommonMark strips one space on each side, which lets the value start or end with a backtick.
  return longest > 0 ? `${fence} ${text} ${fence}` : `${fence}${text}${fence}`;
}

/**
 * Fills `{{field}}` in the guide's prose as code spans (so event values cannot inject
 * Markdown), leaving plugin blocks as they are: their cards fill their own JSON.
 */
export function fillGuideText(markdown: string, source: unknown): string {
  if (source === undefined) return markdown;
  const fence = new RegExp(`(\`\`\`\`${PLUGIN_LANGUAGE_PREFIX}[\\s\\S]*?\`\`\`\`)`);
  return markdown
    .split(fence)
    .map((part, i) =>
      i % 2 === 1
        ? part
        : part.replace(/\{\{\s*([A-Za-z_@][\w@.-]*)\s*\}\}/g, (whole, path: string) => {
            const value = fieldText(getField(source, path));
            return value === undefined ? whole : codeSpan(value);
          }),
    )
    .join('');
}

/** Dotted field names the guide mentions that hold a value in the event, in order of mention. */
export function fieldsMentioned(markdown: string, source: unknown): { name: string; value: string }[] {
  const seen = new Set<string>();
  const out: { name: string; value: string }[] = [];
  for (const match of markdown.matchAll(/(?<![\w@.])[A-Za-z_@][\w@]*(?:\.[A-Za-z_@][\w@]*)+(?![\w@])/g)) {
    const name = match[0];
    if (seen.has(name)) continue;
    seen.add(name);
    const value = fieldText(getField(source, name));
    if (value !== undefined) out.push({ name, value });
  }
  return out;
}

export interface InvestigateProvider {
  readonly field: string;
  readonly value: string;
  readonly excluded?: boolean;
  readonly queryType?: string;
}

/** An investigate/insight plugin's providers as a KQL-like text: AND within a group, OR between. */
export function providersQuery(providers: unknown): string {
  if (!Array.isArray(providers)) return '';
  const groups = providers
    .filter(Array.isArray)
    .map((group: unknown[]) =>
      group
        .filter((p): p is InvestigateProvider => typeof p === 'object' && p !== null && 'field' in p)
        .map((p) => `${p.excluded ? 'NOT ' : ''}${p.field}: ${JSON.stringify(String(p.value ?? ''))}`)
        .join(' AND '),
    )
    .filter((g) => g !== '');
  return groups.length > 1 ? groups.map((g) => `(${g})`).join(' OR ') : (groups[0] ?? '');
}
