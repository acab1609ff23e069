import { UsageError } from './args.js';
import { CHECK_USAGE, runCheck } from './commands/check.js';
import { IMPORT_USAGE, runImport } from './commands/import.js';
import { runSearch, SEARCH_USAGE } from './commands/search.js';
import { loadEqlEngine, type SearchEngine } from './engine.js';
import { type CliContext, EXIT_OK, EXIT_USAGE } from './io/context.js';

export const USAGE = `Usage: rulebench <command> [options]

Commands:
  search   run an EQL query over events (NDJSON, JSON, EVTX…), print the _eql/search response
  check    check rule files (TOML, Kibana NDJSON) and .eql queries
  import   convert events (EVTX, raw Windows JSON, Elasticsearch responses…) to ECS NDJSON

Run "rulebench <command> --help" for a command's options.
`;

const COMMANDS: Record<
  string,
  {
    usage: string;
    run(argv: readonly string[], ctx: CliContext, engine: () => Promise<SearchEngine>): Promise<number>;
  }
> = {
  search: { usage: SEARCH_USAGE, run: runSearch },
  check: { usage: CHECK_USAGE, run: (argv, ctx) => runCheck(argv, ctx) },
  import: { usage: IMPORT_USAGE, run: (argv, ctx) => runImport(argv, ctx) },
};

/** Runs one command line; returns the exit code. */
export async function run(
  argv: readonly string[],
  ctx: CliContext,
  engine: () => Promise<SearchEngine> = loadEqlEngine,
): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    (name === undefined ? ctx.stderr : ctx.stdout).write(USAGE);
    return name === undefined ? EXIT_USAGE : EXIT_OK;
  }
  const command = COMMANDS[name];
  if (!command) {
    ctx.stderr.write(`rulebench: unknown command "${name}"\n\n${USAGE}`);
    return EXIT_USAGE;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    ctx.stdout.write(command.usage);
    return EXIT_OK;
  }
  try {
    return await command.run(rest, ctx, engine);
  } catch (error) {
    if (error instanceof UsageError) {
      ctx.stderr.write(`rulebench ${name}: ${error.message}\n\n${command.usage}`);
      return EXIT_USAGE;
    }
    throw error;
  }
}
