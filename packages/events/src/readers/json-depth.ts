/** Deepest nesting accepted in one record: far above real events, far below what recursion can bear. */
export const DEFAULT_MAX_DEPTH = 100;

/**
 * True when the JSON text nests arrays/objects deeper than `max`. Cheap for ordinary records:
 * text with no more than `max` brackets cannot be that deep, so only bracket-heavy text is
 * scanned properly (skipping strings).
 */
export function nestsDeeperThan(text: string, max: number): boolean {
  let opens = 0;
  for (let i = text.indexOf('{'); i >= 0 && opens <= max; i = text.indexOf('{', i + 1)) opens++;
  for (let i = text.indexOf('['); i >= 0 && opens <= max; i = text.indexOf('[', i + 1)) opens++;
  if (opens <= max) return false;
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92) i++;
      else if (c === 34) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 123 || c === 91) {
      if (++depth > max) return true;
    } else if (c === 125 || c === 93) depth--;
  }
  return false;
}

export function tooDeepMessage(max: number): string {
  return `nesting is deeper than ${max} levels`;
}
