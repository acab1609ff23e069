// Node-only helpers (`@rulebench/rules/node`); everything else in this package runs in browsers.
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import type { Rule } from './rule.js';
import { decodeUtf8 } from './text.js';
import { type DecodeOptions, decodeTomlRule } from './toml/decode.js';

/** Reads and decodes a detection-rules TOML file; errors name the file by its base name. */
export function readTomlRuleFile(
  path: string,
  options?: DecodeOptions,
): { readonly text: string; readonly rule: Rule } {
  const name = basename(path);
  const text = decodeUtf8(readFileSync(path), name);
  return { text, rule: decodeTomlRule(text, name, options) };
}
