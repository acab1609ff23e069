/**
 * A small, strict flag parser: every flag is declared, unknown or malformed flags are usage
 * errors (exit 2), and values are typed. Accepts `--flag value` and `--flag=value`.
 */

import { editDistance } from '@rulebench/eql';

export type FlagSpec =
  | { readonly type: 'string'; readonly repeatable?: boolean }
  | { readonly type: 'integer'; readonly min: number }
  | { readonly type: 'boolean' }
  | { readonly type: 'enum'; readonly values: readonly string[] };

export type FlagSpecs = Readonly<Record<string, FlagSpec>>;

type FlagValue<S extends FlagSpec> = S extends { type: 'integer' }
  ? number
  : S extends { type: 'boolean' }
    ? boolean
    : S extends { type: 'string'; repeatable: true }
      ? string[]
      : string;

export interface ParsedArgs<S extends FlagSpecs> {
  readonly flags: { readonly [K in keyof S]?: FlagValue<S[K]> };
  readonly positionals: readonly string[];
}

export class UsageError extends Error {
  override readonly name = 'UsageError';
}

export function parseArgs<S extends FlagSpecs>(argv: readonly string[], specs: S): ParsedArgs<S> {
  const flags: Record<string, unknown> = {};
  const positionals: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (arg === '--') {
      positionals.push(...argv.slice(i + 1));
      break;
    }
    if (!arg.startsWith('--') || arg === '-') {
      if (arg.startsWith('-') && arg !== '-') throw new UsageError(`unknown option ${arg}`);
      // An unset shell variable ("$FILE") arrives as "": a path, never a real one.
      if (arg === '') throw new UsageError('an empty argument ("") where a path was expected');
      positionals.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const name = eq < 0 ? arg.slice(2) : arg.slice(2, eq);
    const spec = specs[name];
    if (!spec) throw new UsageError(`unknown option --${name}${suggest(name, Object.keys(specs))}`);
    if (spec.type === 'boolean') {
      if (eq >= 0) throw new UsageError(`--${name} takes no value`);
      flags[name] = true;
      continue;
    }
    let raw: string;
    if (eq >= 0) raw = arg.slice(eq + 1);
    else {
      const next = argv[i + 1];
      if (next === undefined || (next.startsWith('--') && next.length > 2))
        throw new UsageError(`--${name} needs a value`);
      raw = next;
      i++;
    }
    // No flag takes "" (a path, a query, a field name, an index pattern): it is an unset shell
    // variable, and would otherwise fail later without naming the flag (": no such file"), or
    // not at all (an empty --timestamp-field sorted nothing).
    if (raw === '') throw new UsageError(`--${name} needs a value, got ""`);
    if (spec.type === 'string' && spec.repeatable) {
      flags[name] = [...((flags[name] as string[] | undefined) ?? []), raw];
      continue;
    }
    if (flags[name] !== undefined) throw new UsageError(`--${name} given twice`);
    flags[name] = convert(name, spec, raw);
  }
  return { flags: flags as ParsedArgs<S>['flags'], positionals };
}

function convert(name: string, spec: FlagSpec, raw: string): unknown {
  switch (spec.type) {
    case 'integer': {
      if (!/^-?\d+$/.test(raw)) throw new UsageError(`--${name} must be an integer, got "${raw}"`);
      const value = Number(raw);
      if (!Number.isSafeInteger(value) || value < spec.min) {
        throw new UsageError(`--${name} must be an integer ≥ ${spec.min}, got ${raw}`);
      }
      return value;
    }
    case 'enum':
      if (!spec.values.includes(raw))
        throw new UsageError(`--${name} must be one of ${spec.values.join(', ')}; got "${raw}"`);
      return raw;
    default:
      return raw;
  }
}

function suggest(name: string, known: readonly string[]): string {
  let best: string | undefined;
  let bestDistance = Math.max(2, Math.floor(name.length / 3)) + 1;
  for (const candidate of known) {
    const d = editDistance(name, candidate, Number.POSITIVE_INFINITY, false);
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  return best ? ` (did you mean --${best}?)` : '';
}
