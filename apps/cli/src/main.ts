#!/usr/bin/env node
import { run } from './cli.js';
import { userCwd } from './io/user-cwd.js';

// Relative paths are the user's: `pnpm rulebench` starts at the repository root, so go back to
// the folder the command was typed in before any path is read (every command then agrees).
const cwd = userCwd(process.env, process.cwd());
if (cwd !== process.cwd()) process.chdir(cwd);

// A reader that stops early (`| head`) is not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

// exitCode, not process.exit(): stdout may be a pipe still draining a large response.
run(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  stdin: process.stdin,
  cwd,
}).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(
      `rulebench: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    process.exitCode = 70;
  },
);
