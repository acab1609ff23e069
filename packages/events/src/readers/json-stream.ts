import { InputError } from '../input-error.js';
import { DEFAULT_MAX_DEPTH, tooDeepMessage } from './json-depth.js';
import { jsonFaultOffset, jsonParseMessage, lineColumnAt } from './json-fault.js';
import { type ByteChunks, DEFAULT_MAX_LINE_BYTES } from './text-lines.js';
import { firstInvalidUtf8 } from './utf8.js';

/** One element of a JSON array found inside a larger document, with the array element's index. */
export type JsonElementResult =
  | { readonly kind: 'record'; readonly index: number; readonly path: number; readonly value: unknown }
  | {
      readonly kind: 'error';
      readonly index: number;
      readonly path: number;
      readonly message: string;
      /** Where in the document (1-based line and column) the fault is, or the element starts. */
      readonly at: { readonly line: number; readonly column: number };
    };

/** A path to an array: object keys, and "*" for "every element of this array". */
export type JsonArrayPath = readonly string[];

/**
 * What may come next in a container outside elements (the document's skeleton, which no
 * JSON.parse checks): the scanner enforces JSON's grammar there, so `[{…}] garbage`, `[{…},]`,
 * `[{…} {…}]` or `…]}}}` are refused at the offending character.
 */
type Expect = 'value' | 'value-or-close' | 'key' | 'key-or-close' | 'colon' | 'after-value';

interface Frame {
  readonly type: 'object' | 'array';
  /** The path of this container from the root ("*" for array elements). */
  readonly path: string[];
  key: string | undefined;
  expectKey: boolean;
  index: number;
  expect: Expect;
}

/** A number, true, false or null outside elements, as one token. */
const SCALAR = /^(?:-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?|true|false|null)$/;
const MAX_SCALAR_CHARS = 400;

export interface JsonElementOptions {
  /** Largest element kept for parsing, in characters; a larger one is reported and skipped. */
  readonly maxElementChars?: number;
  /** Deepest nesting accepted inside one element. */
  readonly maxDepth?: number;
}

/** Nesting outside elements deeper than this is no event container: the document is refused. */
const MAX_DOCUMENT_DEPTH = 1000;

/**
 * Streams the elements of the arrays at the given paths (e.g. ["hits", "hits"], or [] for a
 * top-level array) without holding the whole document: memory stays bounded by the largest
 * element (itself bounded by `maxElementChars`). Each result says which of the paths it came
 * from. Invalid UTF-8 or a document cut short makes the whole input unreadable (InputError).
 */
export async function* readJsonArrayElements(
  chunks: ByteChunks,
  paths: readonly JsonArrayPath[],
  options: JsonElementOptions = {},
): AsyncGenerator<JsonElementResult> {
  for await (const batch of readJsonArrayElementBatches(chunks, paths, options))
    for (const item of batch) yield item;
}

/**
 * `readJsonArrayElements`, one array per input chunk: the elements that chunk completes (never
 * an empty array), so the async step is paid per chunk, not per element. When the document
 * turns out malformed, the elements before the fault still come out before the InputError.
 */
export async function* readJsonArrayElementBatches(
  chunks: ByteChunks,
  paths: readonly JsonArrayPath[],
  options: JsonElementOptions = {},
): AsyncGenerator<JsonElementResult[]> {
  const maxChars = options.maxElementChars ?? DEFAULT_MAX_LINE_BYTES;
  const maxDepth = options.maxDepth ?? DEFAULT_MAX_DEPTH;
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let bytesSeen = 0;
  /** Why the current element cannot be parsed (too large, too deep); its text is no longer kept. */
  let elementError: string | undefined;
  /** Levels opened beyond the depth limit, counted instead of stacked. */
  let excess = 0;
  const targets = paths.map((p) => p.join('\u0000'));
  let elementPath = -1;
  const stack: Frame[] = [];
  let buffer = '';
  let pos = 0;
  let elementStart = -1;
  /** Line and column of the current element's first character. */
  let elementAt = { line: 1, column: 1 };
  let elementDepth = -1;
  let inString = false;
  let escaped = false;
  let keyStart = -1;
  let count = 0;
  let first = true;
  /** Characters dropped from the front of `buffer`, and where the current line starts, for positions. */
  let dropped = 0;
  let line = 1;
  let lineStart = 0;
  /** The root's grammar state: one value, then nothing but whitespace. */
  let rootExpect: 'value' | 'end' = 'value';
  /** A number or literal outside elements being read (it may span chunks). */
  let scalar: string | undefined;

  const describeExpected = (): string => {
    const top = stack[stack.length - 1];
    if (top === undefined) return rootExpect === 'value' ? 'a JSON value' : 'the end of the document';
    switch (top.expect) {
      case 'value':
        return top.type === 'array' ? 'a value (not a trailing comma)' : 'a value';
      case 'value-or-close':
        return 'a value or "]"';
      case 'key':
        return 'a key in double quotes (not a trailing comma)';
      case 'key-or-close':
        return 'a key in double quotes or "}"';
      case 'colon':
        return '":"';
      case 'after-value':
        return top.type === 'array' ? '"," or "]"' : '"," or "}"';
    }
  };
  const unexpected = (at: number, found: string): never => {
    const absolute = dropped + at;
    throw new InputError(
      `json: unexpected ${found} at line ${line}, column ${absolute - lineStart + 1} (character ${absolute + 1}); expected ${describeExpected()}`,
    );
  };
  const shown = (at: number) => JSON.stringify(buffer.slice(at, at + 1));
  const expectsValue = (top: Frame | undefined): boolean =>
    top === undefined ? rootExpect === 'value' : top.expect === 'value' || top.expect === 'value-or-close';
  /** A value just ended in the skeleton: its container (or the root) now wants a separator. */
  const valueDone = () => {
    const top = stack[stack.length - 1];
    if (top === undefined) rootExpect = 'end';
    else top.expect = 'after-value';
  };
  const endScalar = (at: number) => {
    if (scalar !== undefined && !SCALAR.test(scalar))
      unexpected(at - scalar.length, JSON.stringify(scalar.slice(0, 40)));
    scalar = undefined;
    valueDone();
  };

  const pathOf = (frame: Frame | undefined): string[] =>
    frame === undefined ? [] : [...frame.path, frame.type === 'array' ? '*' : (frame.key ?? '')];
  const targetOf = (frame: Frame | undefined) =>
    frame !== undefined && frame.type === 'array' ? targets.indexOf(frame.path.join('\u0000')) : -1;

  const emit = function* (end: number): Generator<JsonElementResult> {
    const index = count++;
    const path = elementPath;
    if (elementError !== undefined) {
      const message = elementError;
      elementError = undefined;
      elementStart = -1;
      valueDone();
      yield { kind: 'error', index, path, message, at: elementAt };
      return;
    }
    const text = buffer.slice(elementStart, end);
    elementStart = -1;
    valueDone();
    try {
      yield { kind: 'record', index, path, value: JSON.parse(text) as unknown };
    } catch (error) {
      const fault = jsonFaultOffset(text);
      const at = fault < 0 ? elementAt : lineColumnAt(text, fault, elementAt);
      yield { kind: 'error', index, path, message: `invalid JSON: ${jsonParseMessage(error)}`, at };
    }
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
            top.key = parseKey(buffer.slice(keyStart, pos + 1));
            keyStart = -1;
            if (elementStart < 0) top.expect = 'colon';
          } else if (elementStart >= 0) {
            if (stack.length === elementDepth) yield* emit(pos + 1);
          } else valueDone();
        }
        continue;
      }
      if (scalar !== undefined) {
        // A skeleton number or literal runs until a delimiter.
        if (c !== 32 && c !== 10 && c !== 13 && c !== 9 && c !== 44 && c !== 58 && c !== 93 && c !== 125) {
          scalar += buffer[pos];
          if (scalar.length > MAX_SCALAR_CHARS) unexpected(pos, 'a token too long to be a number');
          continue;
        }
        endScalar(pos);
      }
      if (c === 32 || c === 10 || c === 13 || c === 9) {
        if (c === 10) {
          line++;
          lineStart = dropped + pos + 1;
        }
        continue;
      }
      const top = stack[stack.length - 1];
      const skeleton = elementStart < 0;
      if (c === 58) {
        if (skeleton) {
          if (top === undefined || top.expect !== 'colon') unexpected(pos, '":"');
          else top.expect = 'value';
        }
        continue;
      }
      if (c === 44) {
        if (top?.type === 'object') top.expectKey = true;
        if (elementStart >= 0 && stack.length === elementDepth) yield* emit(pos);
        if (elementStart < 0) {
          if (top === undefined || top.expect !== 'after-value') unexpected(pos, '","');
          else top.expect = top.type === 'object' ? 'key' : 'value';
        }
        continue;
      }
      if (c === 34 && top?.type === 'object' && top.expectKey) {
        if (skeleton && top.expect !== 'key' && top.expect !== 'key-or-close') unexpected(pos, 'a string');
        inString = true;
        keyStart = pos;
        top.expectKey = false;
        continue;
      }
      // A value starts here (or a container closes).
      if (c === 125 || c === 93) {
        if (excess > 0) {
          excess--;
          continue;
        }
        if (elementStart >= 0 && stack.length === elementDepth) yield* emit(pos);
        if (elementStart >= 0) {
          stack.pop();
          if (stack.length === elementDepth) yield* emit(pos + 1);
          continue;
        }
        const closes = c === 125 ? 'object' : 'array';
        if (
          top === undefined ||
          top.type !== closes ||
          !(top.expect === 'after-value' || top.expect === 'value-or-close' || top.expect === 'key-or-close')
        )
          unexpected(pos, shown(pos));
        stack.pop();
        valueDone();
        continue;
      }
      if (skeleton && !expectsValue(top)) unexpected(pos, shown(pos));
      if (elementStart < 0) {
        const target = targetOf(top);
        if (target >= 0) {
          elementStart = pos;
          elementAt = { line, column: dropped + pos - lineStart + 1 };
          elementDepth = stack.length;
          elementPath = target;
        }
      }
      if (c === 123 || c === 91) {
        const limit = elementStart >= 0 ? elementDepth + maxDepth : MAX_DOCUMENT_DEPTH;
        if (stack.length >= limit) {
          if (elementStart < 0) throw new InputError(`json: ${tooDeepMessage(MAX_DOCUMENT_DEPTH)}`);
          elementError ??= tooDeepMessage(maxDepth);
          excess++;
          continue;
        }
        stack.push({
          type: c === 123 ? 'object' : 'array',
          path: pathOf(top),
          key: undefined,
          expectKey: c === 123,
          index: 0,
          expect: c === 123 ? 'key-or-close' : 'value-or-close',
        });
      } else if (c === 34) {
        inString = true;
      } else if (elementStart < 0) {
        if (!(c === 45 || (c >= 48 && c <= 57) || c === 116 || c === 102 || c === 110))
          unexpected(pos, shown(pos));
        scalar = buffer[pos];
      }
    }
  };

  /** What `scan` completes, as one batch (or none); on a fault, what came before it, then the fault. */
  const scanBatch = function* (): Generator<JsonElementResult[]> {
    const batch: JsonElementResult[] = [];
    try {
      for (const item of scan()) batch.push(item);
    } catch (error) {
      if (batch.length > 0) yield batch;
      throw error;
    }
    if (batch.length > 0) yield batch;
  };

  const decode = (chunk: Uint8Array | undefined): string => {
    try {
      return chunk === undefined ? decoder.decode() : decoder.decode(chunk, { stream: true });
    } catch {
      const at = chunk === undefined ? 0 : Math.max(0, firstInvalidUtf8(chunk, true));
      throw new InputError(`json: invalid UTF-8 near byte ${bytesSeen + at + 1}`);
    }
  };

  for await (const chunk of chunks) {
    let text = decode(chunk);
    bytesSeen += chunk.length;
    if (first && text.length > 0) {
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
      first = false;
    }
    buffer += text;
    yield* scanBatch();
    if (elementStart >= 0 && elementError === undefined && pos - elementStart > maxChars)
      elementError = `element is longer than the limit of ${maxChars} characters`;
    // Drop what no pending element needs any more.
    const keep =
      elementStart >= 0 && elementError === undefined ? elementStart : keyStart >= 0 ? keyStart : pos;
    if (keep > 65536) {
      buffer = buffer.slice(keep);
      dropped += keep;
      pos -= keep;
      if (elementStart >= 0) elementStart = Math.max(0, elementStart - keep);
      if (keyStart >= 0) keyStart -= keep;
    }
  }
  buffer += decode(undefined);
  yield* scanBatch();
  if (scalar !== undefined) endScalar(pos);
  if (stack.length > 0 || excess > 0 || inString)
    throw new InputError('json: the document ends before it is complete');
}

function parseKey(text: string): string {
  try {
    return JSON.parse(text) as string;
  } catch {
    throw new InputError(`json: invalid object key ${text.slice(0, 100)}`);
  }
}
