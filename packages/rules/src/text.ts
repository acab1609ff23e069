import { RuleError } from './errors.js';

/**
 * Bytes → text, refusing invalid UTF-8 with the line and column of the first bad byte (a lossy
 * decode would silently put U+FFFD into a query or guide). A leading BOM is dropped.
 */
export function decodeUtf8(bytes: Uint8Array, fileName?: string): string {
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  } catch (cause) {
    const bad = firstInvalidByte(bytes);
    const before = new TextDecoder('utf-8').decode(bytes.subarray(0, bad));
    const line = before.split('\n').length;
    const column = before.length - before.lastIndexOf('\n');
    throw new RuleError(
      `invalid UTF-8 (byte 0x${(bytes[bad] ?? 0).toString(16).padStart(2, '0')} at offset ${bad})`,
      {
        code: 'syntax',
        file: fileName,
        line,
        column,
        cause,
      },
    );
  }
}

function firstInvalidByte(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i] ?? 0;
    const size =
      b < 0x80 ? 1 : b >= 0xc2 && b < 0xe0 ? 2 : b >= 0xe0 && b < 0xf0 ? 3 : b >= 0xf0 && b < 0xf5 ? 4 : 0;
    if (size === 0) return i;
    for (let k = 1; k < size; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
    }
    i += size;
  }
  return bytes.length;
}
