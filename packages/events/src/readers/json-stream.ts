import type { ByteChunks } from './text-lines.js';

/** One element of a JSON array found inside a larger document, with the array element's index. */
export type JsonElementResult =
  | { readonly kind: 'record'; readonly index: number; readonly path: number; readonly value: unknown }
  | { readonly kind: 'error'; readonly index: number; readonly path: number; readonly message: string };

/** A path to an array: object keys, and "*" for "every element of this array". */
export type JsonArrayPath = readonly string[];

interface Frame {
  readonly type: 'object' | 'array';
  /** The path of this container from the root ("*" for array elements). */
  readonly path: string[];
  key: string | undefined;
  expectKey: boolean;
  index: number;
}

/**
 * Streams the elements of the arrays at the given paths (e.g. ["hits", "hits"], or [] for a
 * top-level array) without holding the whole document: memory stays bounded by the largest
 * element. Each result says which of the paths it came from.
 */
export async function* readJsonArrayElements(
  chunks: ByteChunks,
  paths: readonly JsonArrayPath[],
): AsyncGenerator<JsonElementResult> {
  const decoder = new TextDecoder('utf-8');
  const targets = paths.map((p) => p.join('\u0000'));
  let elementPath = -1;
  const stack: Frame[] = [];
  let buffer = '';
  let pos = 0;
  let elementStart = -1;
  let elementDepth = -1;
  let inString = false;
  let escaped = false;
  let keyStart = -1;
  let count = 0;
  let first = true;

  const pathOf = (frame: Frame | undefined): string[] =>
    frame === undefined ? [] : [...frame.path, frame.type === 'array' ? '*' : (frame.key ?? '')];
  const targetOf = (frame: Frame | undefined) =>
    frame !== undefined && frame.type === 'array' ? targets.indexOf(frame.path.join('\u0000')) : -1;

  const emit = function* (end: number): Generator<JsonElementResult> {
    const text = buffer.slice(elementStart, end);
    const index = count++;
    const path = elementPath;
    try {
      yield { kind: 'record', index, path, value: JSON.parse(text) as unknown };
    } catch (error) {
      yield { kind: 'error', index, path, message: error instanceof Error ? error.message : String(error) };
    }
    elementStart = -1;
  };

  const scan = function* (): Generator<JsonElementResult> {
    for (; pos < buffer.length; pos++) {
      const c = buffer.charCodeAt(pos);
      if (inString) {
        if (escaped) escaped = false;
        else if (c === 92) escaped = true;
        else if (c === 34) {
          inString = false;
          const top = stack[stack.length - 1];
          if (keyStart >= 0 && top) {
            top.key = JSON.parse(buffer.slice(keyStart, pos + 1)) as string;
            keyStart = -1;
          } else if (elementStart >= 0 && stack.length === elementDepth) {
            yield* emit(pos + 1);
          }
        }
        continue;
      }
      if (c === 32 || c === 10 || c === 13 || c === 9 || c === 58) continue;
      const top = stack[stack.length - 1];
      if (c === 44) {
        if (top?.type === 'object') top.expectKey = true;
        if (elementStart >= 0 && stack.length === elementDepth) yield* emit(pos);
        continue;
      }
      if (c === 34 && top?.type === 'object' && top.expectKey) {
        inString = true;
        keyStart = pos;
        top.expectKey = false;
        continue;
      }
      // A value starts here (or a container closes).
      if (c === 125 || c === 93) {
        if (elementStart >= 0 && stack.length === elementDepth) yield* emit(pos);
        stack.pop();
        if (elementStart >= 0 && stack.length === elementDepth) yield* emit(pos + 1);
        continue;
      }
      if (elementStart < 0) {
        const target = targetOf(top);
        if (target >= 0) {
          elementStart = pos;
          elementDepth = stack.length;
          elementPath = target;
        }
      }
      if (c === 123 || c === 91) {
        stack.push({
          type: c === 123 ? 'object' : 'array',
          path: pathOf(top),
          key: undefined,
          expectKey: c === 123,
          index: 0,
        });
      } else if (c === 34) {
        inString = true;
      }
    }
  };

  for await (const chunk of chunks) {
    let text = decoder.decode(chunk, { stream: true });
    if (first && text.length > 0) {
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
      first = false;
    }
    buffer += text;
    yield* scan();
    // Drop what no pending element needs any more.
    const keep = elementStart >= 0 ? elementStart : keyStart >= 0 ? keyStart : pos;
    if (keep > 65536) {
      buffer = buffer.slice(keep);
      pos -= keep;
      if (elementStart >= 0) elementStart -= keep;
      if (keyStart >= 0) keyStart -= keep;
    }
  }
  buffer += decoder.decode();
  yield* scan();
  if (stack.length > 0 || inString) throw new Error('json: the document ends before it is complete');
}
