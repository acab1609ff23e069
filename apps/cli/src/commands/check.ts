import { readdir, readFile, stat } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { getLocation } from '@rulebench/eql';
import { jsonParseMessage } from '@rulebench/events';
import {
  decodeKibanaNdjson,
  decodeTomlRule,
  decodeUtf8,
  type FieldSchema,
  type Finding,
  locateFindingInToml,
  type NonEcsSchema,
  RuleError,
  validateEqlQuery,
  validateRule,
} from '@rulebench/rules';
import { ruleFieldSchema } from '@rulebench/rules/ecs';
import { parseArgs, UsageError } from '../args.js';
import { type CliContext, EXIT_FAILURE, EXIT_OK } from '../io/context.js';
import { fileErrorMessage, isFileError } from '../io/events.js';

export const CHECK_USAGE = `Usage: rulebench check [options] FILE|DIR...

Checks detection rules (TOML, Kibana NDJSON export) and EQL queries (.eql): syntax, required
fields, schedule, severity/risk score, ATT&CK mapping, and query fields against ECS.
Prints file:line:col: error|warning|info: message [code]; exits 1 when any error is found.

Options:
  --non-ecs-schema FILE   extra fields per index pattern (detection-rules non-ecs-schema.json layout)
  --index PATTERN         index pattern(s) for .eql files (repeatable)
  --quiet                 print errors only
`;

const CHECK_FLAGS = {
  'non-ecs-schema': { type: 'string' },
  index: { type: 'string', repeatable: true },
  quiet: { type: 'boolean' },
} as const;

interface Located {
  readonly line: number;
  readonly column: number;
  readonly severity: Finding['severity'];
  readonly message: string;
  readonly code: string;
}

export async function runCheck(argv: readonly string[], ctx: CliContext): Promise<number> {
  const { flags, positionals } = parseArgs(argv, CHECK_FLAGS);
  if (positionals.length === 0) throw new UsageError('no FILE given');
  let nonEcs: NonEcsSchema | undefined;
  if (flags['non-ecs-schema'] !== undefined) {
    try {
      nonEcs = JSON.parse(await readFile(flags['non-ecs-schema'], 'utf8')) as NonEcsSchema;
    } catch (error) {
      // In words, as for every other file: no syscall names, no copy of binary bytes.
      const reason = isFileError(error)
        ? fileErrorMessage(error)
        : `not valid JSON (${jsonParseMessage(error)})`;
      ctx.stderr.write(
        `--non-ecs-schema ${flags['non-ecs-schema']}: cannot read the non-ECS schema: ${reason}\n`,
      );
      return EXIT_FAILURE;
    }
  }
  const schemaFor = (index: readonly string[] | undefined) => ruleFieldSchema(index, nonEcs);
  const totals = { error: 0, warning: 0, info: 0 };
  const { files, empty } = await expandPaths(positionals);
  // A directory with nothing to check is a mistake (a wrong path in CI), not a clean result.
  for (const dir of empty) {
    totals.error++;
    ctx.stdout.write(
      `${dir}: error: no rule or query files (${[...CHECKED_EXTENSIONS].join(', ')}) under it [no-files]\n`,
    );
  }
  // Paths are printed as the user gave them (directories joined with what was found under them).
  for (const file of files) {
    for (const found of await checkFileSafely(file, schemaFor, flags.index ?? [])) {
      totals[found.severity]++;
      if (flags.quiet && found.severity !== 'error') continue;
      ctx.stdout.write(
        `${file}:${found.line}:${found.column}: ${found.severity}: ${found.message} [${found.code}]\n`,
      );
    }
  }
  const count = files.length;
  const notes = totals.info > 0 ? `, ${totals.info} note${totals.info === 1 ? '' : 's'}` : '';
  ctx.stderr.write(
    `${count} file${count === 1 ? '' : 's'} checked: ${totals.error} error${totals.error === 1 ? '' : 's'}, ${totals.warning} warning${totals.warning === 1 ? '' : 's'}${notes}\n`,
  );
  return totals.error > 0 ? EXIT_FAILURE : EXIT_OK;
}

const CHECKED_EXTENSIONS = new Set(['.toml', '.ndjson', '.jsonl', '.eql']);

/**
 * Files as given; directories become the rule and query files under them, sorted. `empty`: the
 * directories that held none.
 */
async function expandPaths(paths: readonly string[]): Promise<{ files: string[]; empty: string[] }> {
  const out: string[] = [];
  const empty: string[] = [];
  for (const path of paths) {
    const info = await stat(path).catch(() => undefined);
    if (!info?.isDirectory()) {
      out.push(path);
      continue;
    }
    const entries = await readdir(path, { recursive: true });
    const found = entries.filter((e) => CHECKED_EXTENSIONS.has(extname(e).toLowerCase())).sort();
    if (found.length === 0) empty.push(path);
    out.push(...found.map((e) => join(path, e)));
  }
  return { files: out, empty };
}

type SchemaFor = (index: readonly string[] | undefined) => FieldSchema;

/**
 * One file's findings; a file that breaks the checker itself (a bug, or input beyond what it
 * guards against) becomes an error on that file, so the files after it are still checked.
 */
async function checkFileSafely(
  file: string,
  schemaFor: SchemaFor,
  eqlIndex: readonly string[],
): Promise<Located[]> {
  try {
    return await checkFile(file, schemaFor, eqlIndex);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return [
      {
        line: 1,
        column: 1,
        severity: 'error',
        code: 'internal',
        message: `could not be checked: ${message}`,
      },
    ];
  }
}

async function checkFile(
  file: string,
  schemaFor: SchemaFor,
  eqlIndex: readonly string[],
): Promise<Located[]> {
  let text: string;
  try {
    text = decodeUtf8(await readFile(file));
  } catch (error) {
    if (error instanceof RuleError) return [fromRuleError(error)];
    return [
      {
        line: 1,
        column: 1,
        severity: 'error',
        code: 'io',
        message: fileErrorMessage(error as NodeJS.ErrnoException),
      },
    ];
  }
  switch (kindOf(file, text)) {
    case 'toml':
      return checkToml(text, schemaFor);
    case 'ndjson':
      return checkNdjson(text, schemaFor);
    case 'eql':
      return validateEqlQuery(text, { schema: schemaFor(eqlIndex.length > 0 ? eqlIndex : undefined) }).map(
        (f) => {
          const at = f.range ? getLocation(text, f.range.start) : { line: 1, column: 1 };
          return { ...at, severity: f.severity, message: f.message, code: f.code };
        },
      );
    case 'unknown':
      return [
        {
          line: 1,
          column: 1,
          severity: 'error',
          code: 'file-type',
          message: 'not a TOML rule, a Kibana NDJSON export or an .eql query',
        },
      ];
  }
}

function kindOf(file: string, text: string): 'toml' | 'ndjson' | 'eql' | 'unknown' {
  const ext = extname(file).toLowerCase();
  if (ext === '.toml') return 'toml';
  if (ext === '.ndjson' || ext === '.jsonl' || ext === '.json') return 'ndjson';
  if (ext === '.eql') return 'eql';
  const start = text.trimStart();
  if (start.startsWith('{')) return 'ndjson';
  if (/^\[(metadata|rule)\]/m.test(text)) return 'toml';
  return 'unknown';
}

function fromRuleError(error: RuleError): Located {
  return {
    line: error.line ?? 1,
    column: error.column ?? 1,
    severity: 'error',
    code: error.code,
    message: error.field ? `${error.field}: ${error.reason}` : error.reason,
  };
}

function checkToml(text: string, schemaFor: SchemaFor): Located[] {
  let rule: ReturnType<typeof decodeTomlRule>;
  try {
    rule = decodeTomlRule(text);
  } catch (error) {
    if (error instanceof RuleError) return [fromRuleError(error)];
    throw error;
  }
  return validateRule(rule, { schema: schemaFor(rule.index) })
    .map((f) => ({
      ...locateFindingInToml(text, f, rule.query),
      severity: f.severity,
      message: f.message,
      code: f.code,
    }))
    .sort((a, b) => a.line - b.line || a.column - b.column);
}

function checkNdjson(text: string, schemaFor: SchemaFor): Located[] {
  const decoded = decodeKibanaNdjson(text);
  const out: Located[] = decoded.errors.map(fromRuleError);
  for (const item of decoded.items) {
    if (item.kind !== 'rule') continue;
    for (const f of validateRule(item.rule, { schema: schemaFor(item.rule.index) })) {
      // A query inside a JSON string has no stable column; the line still finds the rule.
      out.push({
        line: item.line,
        column: 1,
        severity: f.severity,
        message: `rule "${item.rule.name}": ${f.field}: ${f.message}`,
        code: f.code,
      });
    }
  }
  return out.sort((a, b) => a.line - b.line || a.column - b.column);
}
