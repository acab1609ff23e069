import type { RuleValue } from '../rule.js';

/** detection-rules wraps arrays that would make a line longer than this. */
export const MAX_LINE = 120;

const BARE_KEY = /^[A-Za-z0-9_-]+$/;

export function formatKey(key: string): string {
  return BARE_KEY.test(key) ? key : basicString(key);
}

export function isTable(value: RuleValue | undefined): value is { readonly [key: string]: RuleValue } {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** An array written as `[[…]]` sections: non-empty and only tables. */
export function isArrayOfTables(
  value: RuleValue | undefined,
): value is readonly { readonly [key: string]: RuleValue }[] {
  return Array.isArray(value) && value.length > 0 && value.every((v) => isTable(v));
}

export function basicString(text: string): string {
  let out = '"';
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    if (ch === '"') out += '\\"';
    else if (ch === '\\') out += '\\\\';
    else if (ch === '\n') out += '\\n';
    else if (ch === '\t') out += '\\t';
    else if (ch === '\r') out += '\\r';
    else if (code < 0x20 || code === 0x7f) out += `\\u${code.toString(16).padStart(4, '0')}`;
    else out += ch;
  }
  return `${out}"`;
}

/**
 * A multi-line string as detection-rules writes it: queries as literal `'''` blocks (no escapes,
 * so regexes and paths read as typed), other text as `"""` blocks.
 */
export function multilineString(text: string, key: string): string {
  const literalSafe = !text.includes("'''") && !hasControlCharacters(text) && !text.endsWith("'");
  if (key === 'query' && literalSafe) return `'''\n${text}'''`;
  let body = '';
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    if (ch === '\\') body += '\\\\';
    else if (ch === '\n' || ch === '\t') body += ch;
    else if (ch === '\r') body += '\\r';
    else if (code < 0x20 || code === 0x7f) body += `\\u${code.toString(16).padStart(4, '0')}`;
    else body += ch;
  }
  // Break up runs of quotes so none closes the string early, and keep a trailing quote apart
  // from the closing delimiter.
  body = body.replace(/"""/g, '""\\"');
  if (body.endsWith('"')) body = `${body.slice(0, -1)}\\"`;
  // The newline right after the opening delimiter is dropped by TOML: add one only when the text
  // itself starts with a newline, or for descriptions, which the files always start on a new line.
  const lead = text.startsWith('\n') || text.startsWith('\r') || key === 'description' ? '\n' : '';
  return `"""${lead}${body}"""`;
}

/** A value on the right of `key = `; arrays wrap past MAX_LINE columns. */
export function formatValue(value: RuleValue, key: string, indent = 0): string {
  if (typeof value === 'string')
    return value.includes('\n') ? multilineString(value, key) : basicString(value);
  if (typeof value === 'number') return formatNumber(value);
  if (typeof value === 'boolean') return String(value);
  if (value === null) return '""';
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    const items = value.map((v) => formatValue(v, key, indent + 1));
    const oneLine = `[${items.join(', ')}]`;
    const hasNested = value.some((v) => Array.isArray(v) || isTable(v));
    if (!hasNested && !oneLine.includes('\n') && indent * 4 + key.length + 3 + oneLine.length <= MAX_LINE)
      return oneLine;
    const pad = hasNested ? '  '.repeat(indent + 1) : '    '.repeat(indent + 1);
    const closing = hasNested ? '  '.repeat(indent) : '    '.repeat(indent);
    return `[\n${items.map((i) => `${pad}${i}`).join(hasNested ? ',\n' : ',\n')}${hasNested ? '' : ','}\n${closing}]`;
  }
  const entries = Object.entries(value).map(([k, v]) => `${formatKey(k)} = ${formatValue(v, k, indent)}`);
  return entries.length === 0 ? '{}' : `{ ${entries.join(', ')} }`;
}

function formatNumber(value: number): string {
  if (Number.isFinite(value))
    return Number.isInteger(value) && !Object.is(value, -0) ? String(value) : ensureFloat(String(value));
  if (Number.isNaN(value)) return 'nan';
  return value > 0 ? 'inf' : '-inf';
}

function ensureFloat(text: string): string {
  return /[.eE]/.test(text) ? text : `${text}.0`;
}

/** Literal strings cannot escape, so they may hold no control character but tab and newline. */
function hasControlCharacters(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if ((code < 0x20 && code !== 9 && code !== 10) || code === 0x7f) return true;
  }
  return false;
}
