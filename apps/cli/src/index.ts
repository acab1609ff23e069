export { run, USAGE } from './cli.js';
export type { EventExecutor, SearchEngine } from './engine.js';
export type { CliContext } from './io/context.js';
export { EXIT_FAILURE, EXIT_OK, EXIT_USAGE } from './io/context.js';
