/**
 * A guide is untrusted input. Links keep only schemes that cannot run code (http, https,
 * mailto) and relative or in-page references; anything else (javascript:, data:, vbscript:,
 * obfuscated variants) becomes an empty href.
 */

const ALLOWED_SCHEMES = new Set(['http:', 'https:', 'mailto:']);

export function safeUrl(url: string): string {
  // Browsers ignore ASCII control characters and whitespace inside a scheme ("java\tscript:").
  const compact = [...url].filter((c) => c.charCodeAt(0) > 0x20 && c.charCodeAt(0) !== 0x7f).join('');
  const colon = compact.indexOf(':');
  if (colon === -1) return url;
  const firstDelimiter = compact.search(/[/?#]/);
  // A colon after the first "/", "?" or "#" belongs to the path or fragment, not a scheme.
  if (firstDelimiter !== -1 && firstDelimiter < colon) return url;
  const scheme = `${compact.slice(0, colon + 1).toLowerCase()}`;
  return ALLOWED_SCHEMES.has(scheme) ? url : '';
}

/** Whether a URL leaves this server (and so must never be fetched by the page on its own). */
export function isExternalUrl(url: string): boolean {
  return /^[a-z][a-z0-9+.-]*:/i.test(url.trim()) || url.trim().startsWith('//');
}
